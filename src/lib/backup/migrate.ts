/**
 * A backup from an older Sous holds rows in an older schema. They are brought up the way the studio's own
 * database is: written into a temporary database opened at the backup's schema, which is then opened with
 * today's SousDb, so the very upgrades of SCHEMA_VERSIONS run over them. The temporary database is
 * deleted afterwards, whatever happens.
 */
import { Dexie } from 'dexie';
import { SCHEMA_VERSIONS, SousDb } from '../store/db';
import { backedUpTables } from './tables';

export async function upgradeRows(schema: number, tables: Record<string, unknown[]>): Promise<Record<string, unknown[]>> {
  const name = `sous-restore-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (const s of SCHEMA_VERSIONS.filter((s) => s.version <= schema)) old.version(s.version).stores(s.stores);
  try {
    await old.open();
    const names = Object.keys(tables);
    if (names.length > 0) {
      await old.transaction('rw', names, async () => {
        for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
      });
    }
    old.close();
    const today = new SousDb(name);
    try {
      await today.open();
      const out: Record<string, unknown[]> = {};
      await today.transaction('r', backedUpTables(), async () => {
        for (const table of backedUpTables()) out[table] = await today.table(table).toArray();
      });
      return out;
    } finally {
      today.close();
    }
  } finally {
    old.close();
    await Dexie.delete(name);
  }
}
