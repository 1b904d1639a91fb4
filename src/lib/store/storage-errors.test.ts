import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { isQuotaError } from './storage-errors';

const quota = () => new DOMException('full', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each([
    ['the DOMException IndexedDB throws', quota(), true],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError('full'), true],
    ['an aborted transaction whose inner error is the quota', new Dexie.AbortError('aborted', quota()), true],
    ['an error caused by it', new Error('wrapped', { cause: quota() }), true],
    ['another DOMException', new DOMException('x', 'DataCloneError'), false],
    ['a plain error', new Error('QuotaExceededError in the text only'), false],
    ['not an error at all', 'QuotaExceededError', false]
  ])('%s → %s', (_name, err, expected) => {
    expect(isQuotaError(err)).toBe(expected);
  });
});
