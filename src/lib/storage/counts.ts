/**
 * How much real work the studio's database holds (the sandbox apps' seeded records are not work), and a
 * cheap watch on it: Dexie's own mutation events (fired in this tab also for the engine worker's writes and
 * other tabs'), coalesced, instead of a live query that would count again at every job's write.
 */
import { Dexie } from 'dexie';
import type { SousDb } from '../store/db';
import type { WorkCounts, WorkKind } from './schema';

const TABLE_OF: Record<WorkKind, keyof SousDb & string> = {
  recipes: 'recipes',
  jobs: 'jobs',
  tables: 'lookup_tables',
  table_rows: 'lookup_rows',
  connections: 'connections',
  agents: 'agents'
};

export async function countWork(db: SousDb): Promise<WorkCounts> {
  const tables = Object.values(TABLE_OF).map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const [recipes, jobs, lookupTables, tableRows, connections, agents] = await Promise.all(tables.map((table) => table.count()));
    return { recipes, jobs, tables: lookupTables, table_rows: tableRows, connections, agents };
  });
}

/** Calls `changed` whenever a write touches one of the counted tables of `db`; answers an unsubscribe. */
export function onWorkWritten(db: SousDb, changed: () => void): () => void {
  const prefixes = Object.values(TABLE_OF).map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) changed();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
