// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { tablesOps } from '../connectors/tables/ops';
import type { SousDb } from './db';
import { DexieTables } from './tables';
import { freshDb } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

it('keeps tables and rows in IndexedDB, in order, and deletes a table with its rows', async () => {
  db = freshDb();
  const ops = tablesOps(new DexieTables(db));
  const a = await ops.createTable('Rates', [
    { name: 'code', type: 'text' },
    { name: 'rate', type: 'number' }
  ]);
  await ops.createTable('Other', [{ name: 'x', type: 'text' }]);
  await ops.addRows('rates', [{ code: 'EUR', rate: 1 }, { code: 'USD', rate: '1.08' }]);
  await ops.addRows('other', [{ x: 'keep me' }]);
  await ops.addRows('rates', [{ code: 'GBP', rate: 0.85 }]);
  expect((await ops.listRows('rates')).map((r) => r.code)).toEqual(['EUR', 'USD', 'GBP']);
  expect(await ops.lookup('rates', 'code', 'USD')).toEqual({ code: 'USD', rate: 1.08 });

  await ops.deleteTable(a.id);
  expect(await db.lookup_rows.count()).toBe(1);
  expect((await ops.list()).map((t) => t.name)).toEqual(['Other']);
});

it('writes nothing of a batch when one row does not fit', async () => {
  db = freshDb();
  const ops = tablesOps(new DexieTables(db));
  await ops.createTable('Rates', [{ name: 'rate', type: 'number' }]);
  await expect(ops.addRows('rates', [{ rate: 1 }, { rate: 'x' }])).rejects.toThrow(/column "rate"/);
  expect(await db.lookup_rows.count()).toBe(0);
});

it('finds rows through the cell index, which follows updates and deletes and tells 1 from "1"', async () => {
  db = freshDb();
  const ops = tablesOps(new DexieTables(db));
  await ops.createTable('Codes', [
    { name: 'code', type: 'text' },
    { name: 'n', type: 'number' }
  ]);
  await ops.addRows('codes', [{ code: '1', n: 2 }, { code: 'B', n: 1 }, { code: 'C', n: 1 }]);
  expect(await ops.lookup('codes', 'n', '1')).toEqual({ code: 'B', n: 1 });
  expect(await ops.lookup('codes', 'code', 1)).toEqual({ code: '1', n: 2 });
  expect(await ops.listRows('codes', { n: 1, code: 'C' })).toEqual([{ code: 'C', n: 1 }]);
  await ops.updateWhere('codes', 'code', 'B', { code: 'Z' });
  expect(await ops.lookup('codes', 'code', 'B')).toBeNull();
  expect(await ops.lookup('codes', 'code', 'Z')).toEqual({ code: 'Z', n: 1 });
  await ops.deleteWhere('codes', 'n', 1);
  expect(await ops.lookup('codes', 'code', 'Z')).toBeNull();
  // A long text is not indexed, and is still found.
  const long = 'x'.repeat(500);
  await ops.addRows('codes', [{ code: long, n: 9 }]);
  expect(await ops.lookup('codes', 'code', long)).toMatchObject({ n: 9 });
});
