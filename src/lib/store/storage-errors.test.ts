// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dexie, type Table } from 'dexie';
import { setOffered } from '../agents/relay/offers';
import { markDue } from '../triggers/studio/schedules';
import { dexieCursorStore } from '../worker/poll-host';
import type { SousDb } from './db';
import { dexieSandboxStores, setActingAs } from './sandbox-apps';
import { guardWrite, isQuotaError, StorageFullError } from './storage-errors';
import { DexieTables } from './tables';
import { freshDb, quotaError } from './test-db';

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

describe('guardWrite', () => {
  it('keeps the name an inner guarded write gave (a guarded put inside a guarded transaction)', async () => {
    const inner = new StorageFullError('the table rows', quota());
    await expect(guardWrite('a transaction', () => Promise.reject(inner))).rejects.toBe(inner);
  });

  it('lets every other error through as it is', async () => {
    const other = new Error('no such table');
    await expect(guardWrite('x', () => Promise.reject(other))).rejects.toBe(other);
  });
});

let db: SousDb;
afterEach(() => {
  vi.restoreAllMocks();
  return db?.delete();
});

/**
 * The write paths that had no guard: each refuses with a StorageFullError naming what it saved, when
 * IndexedDB refuses. The refusal is a fake of the browser's edge: a Dexie table (or the commit of a
 * transaction) throwing the DOMException a full disk gives.
 */
/** The sandbox reaches its tables by name (`db.table`), so the refusal sits on every table, for one name. */
function refuseBulkPut(d: SousDb, name: string, times = Infinity) {
  const proto = (d as unknown as { Table: { prototype: Table } }).Table.prototype;
  const real = proto.bulkPut;
  let left = times;
  return vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: Table, ...args: Parameters<Table['bulkPut']>) {
    if (this.name === name && left-- > 0) return Promise.reject(quotaError()) as never;
    return real.apply(this, args);
  });
}

const PATHS: Array<[string, (db: SousDb) => void, (db: SousDb) => Promise<unknown>, string]> = [
  ['seeding a sandbox app', (d) => refuseBulkPut(d, 'sandbox_vendors'), (d) => dexieSandboxStores(d).erp.list('vendors'), 'the erp sample data'],
  ['resetting a sandbox app', (d) => refuseBulkPut(d, 'sandbox_stock'), (d) => dexieSandboxStores(d).orders.reset(), 'the orders sample data'],
  ['the person the studio acts as', (d) => vi.spyOn(d.sandbox_meta, 'put').mockRejectedValue(quotaError()), (d) => setActingAs(d, 'emp-001'), 'the person the studio acts as'],
  ['a poll trigger\'s cursor', (d) => vi.spyOn(d.poll_cursors, 'put').mockRejectedValue(quotaError()), (d) => dexieCursorStore(d).put({ key: 'r t', seen: [], primed_at: 'x', polled_at: 'x' }), 'the list of items already seen'],
  ['offering a recipe over MCP', (d) => vi.spyOn(d.mcp_offers, 'put').mockRejectedValue(quotaError()), (d) => setOffered(d, 'r', true), 'the recipes offered to assistants'],
  ['a schedule\'s last tick', (d) => vi.spyOn(d.schedule_marks, 'put').mockRejectedValue(quotaError()), (d) => markDue(d, 'r', new Date()), 'the time a schedule last fired']
];

describe('every write path says the storage is full', () => {
  it.each(PATHS)('%s', async (_name, fill, write, what) => {
    db = freshDb();
    fill(db);
    const error = await write(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toContain(`so ${what} could not be saved`);
  });

  it("a sandbox transaction and a table's atomic work, refused when they commit", async () => {
    db = freshDb();
    const stores = dexieSandboxStores(db);
    await stores.erp.ready();
    // The commit of the whole transaction is refused, after its writes looked fine.
    vi.spyOn(db, 'transaction').mockRejectedValue(new Dexie.AbortError('aborted', quotaError()));
    await expect(stores.erp.transaction(async () => 1)).rejects.toThrow('so a erp record could not be saved');
    await expect(new DexieTables(db).atomic(async () => 1)).rejects.toThrow('so the table rows could not be saved');
  });

  it('seeds once there is room again', async () => {
    db = freshDb();
    refuseBulkPut(db, 'sandbox_vendors', 1);
    const erp = dexieSandboxStores(db).erp;
    await expect(erp.list('vendors')).rejects.toBeInstanceOf(StorageFullError);
    expect(await erp.list('vendors')).toHaveLength(12);
  });
});
