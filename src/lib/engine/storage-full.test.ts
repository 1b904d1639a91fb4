/** Which journal failures end a job as "storage full", known by name (the engine does not import the store). */
import { describe, expect, it } from 'vitest';
import { closedByFullStorage, storageFullError } from './storage-full';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const storeError = Object.assign(new Error("the browser's storage for Sous is full, so step a of job j could not be saved. Free some space."), { name: 'StorageFullError' });
const dexieAbort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() });

describe('storageFullError', () => {
  it.each([
    ["the store's StorageFullError keeps its own words", storeError, storeError.message],
    ['a bare QuotaExceededError gets the same advice', quota(), expect.stringContaining("the browser's storage for Sous is full")],
    ["Dexie's abort with the quota inside", dexieAbort, expect.stringContaining('free some space')],
    ['a cause chain', new Error('could not save', { cause: storeError }), storeError.message]
  ])('%s', (_name, err, message) => {
    expect(storageFullError(err, 'a')).toEqual({ message, step: 'a', code: 'storage_full' });
  });

  it.each([
    ["better-sqlite3's SQLITE_FULL (sous serve's journal)", Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' })],
    ["Node's ENOSPC, wrapped", new Error('could not write', { cause: Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }) })]
  ])('%s says the disk is full', (_name, err) => {
    expect(storageFullError(err, 'a')).toEqual({ message: expect.stringContaining("the disk that holds Sous's job journal is full"), step: 'a', code: 'storage_full' });
  });

  it.each([
    ['a closed database', Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' })],
    ['a plain error naming the quota in its text only', new Error('QuotaExceededError')],
    ['not an error', 'QuotaExceededError'],
    ['nothing', undefined]
  ])('%s is not', (_name, err) => {
    expect(storageFullError(err, null)).toBeUndefined();
  });
});

it('a step closed by the full disk fails with the error and leaves its (large) output out', () => {
  const error = { message: 'full', step: 'a', code: 'storage_full' };
  const record = { step_id: 'a', path: 'a', kind: 'action' as const, status: 'succeeded' as const, attempt: 1, started_at: 't0', input: { q: 1 }, output: 'x'.repeat(1000) };
  expect(closedByFullStorage(record, error, 't1')).toEqual({ step_id: 'a', path: 'a', kind: 'action', status: 'failed', attempt: 1, started_at: 't0', input: { q: 1 }, error, finished_at: 't1' });
});
