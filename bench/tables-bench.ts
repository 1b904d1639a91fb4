/** Lookup tables: how fast a lookup is on a table of 10,000 rows, and CSV import/export of that table. */
import 'fake-indexeddb/auto';
import { parseCsv, toCsv } from '../src/lib/connectors/tables/csv';
import { tablesOps } from '../src/lib/connectors/tables/ops';
import { MemoryTables, type TableStore } from '../src/lib/connectors/tables/store';
import { SousDb } from '../src/lib/store/db';
import { DexieTables } from '../src/lib/store/tables';
import type { Figure } from './engine-bench';

const ROWS = 10_000;
const rows = Array.from({ length: ROWS }, (_, i) => ({ code: `V${i}`, name: `Vendor ${i}, Ltd.`, limit: i * 10, active: i % 2 === 0, since: '2024-01-31' }));
const columns = [
  { name: 'code', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'limit', type: 'number' },
  { name: 'active', type: 'boolean' },
  { name: 'since', type: 'date' }
] as const;

async function lookups(store: TableStore, label: string, count: number, how: string): Promise<Figure> {
  const ops = tablesOps(store);
  await ops.createTableWithRows('Vendors', [...columns], rows);
  const start = performance.now();
  for (let i = 0; i < count; i++) await ops.lookup('Vendors', 'code', `V${(i * 7919) % ROWS}`);
  const ms = (performance.now() - start) / count;
  return { name: `tables.lookup, ${label}, ${ROWS.toLocaleString('en')} rows`, value: ms * 1000, unit: 'µs/op', detail: `${count} lookups, ${how}` };
}

export async function tablesFigures(): Promise<Figure[]> {
  const memory = await lookups(new MemoryTables(), 'memory', 200, 'a scan in table order');
  const db = new SousDb(`bench-${crypto.randomUUID()}`);
  const dexie = await lookups(new DexieTables(db), 'IndexedDB (fake-indexeddb)', 50, 'the multi-entry cell index');
  await db.delete();
  const csv = toCsv([...columns], rows);
  let start = performance.now();
  const parsed = parseCsv(csv);
  const parseMs = performance.now() - start;
  if (parsed.rows.length !== ROWS || parsed.problems.length) throw new Error('the CSV bench did not read its own file back');
  start = performance.now();
  toCsv([...columns], rows);
  const writeMs = performance.now() - start;
  return [
    memory,
    dexie,
    { name: `CSV import (parse, infer, check), ${ROWS.toLocaleString('en')} rows`, value: parseMs, unit: 'ms', detail: `${Math.round(csv.length / 1024)} KiB` },
    { name: `CSV export, ${ROWS.toLocaleString('en')} rows`, value: writeMs, unit: 'ms', detail: 'papaparse unparse' }
  ];
}
