/**
 * Writing a checked backup (read.ts) into the studio's database, in ONE transaction over every backed-up
 * table: a failure part way (the disk full) leaves the database as it was.
 * - `replace`: every backed-up table is emptied first, then holds the backup's rows. The vault stays, and
 *   a connection that is still here under the same id keeps the secrets this browser sealed for it.
 * - `add`: only rows whose key is not here yet are added; a row already here is kept as it is.
 * The audit trail is the exception in both: it is append-only and another trail's entries cannot join its
 * chain, so a trail here is kept whole and the backup's entries are left out (counted as kept). An empty
 * trail here takes the backup's, and its head (kept apart from the entries) follows.
 */
import { resetAuditHead } from '../store/audit';
import type { ConnectionRow, SousDb } from '../store/db';
import { guardWrite } from '../store/storage-errors';
import { keyOf } from './check';
import type { Progress } from './format';
import { needsSecrets, type CheckedBackup } from './read';
import { backedUpTables, primaryKeys } from './tables';

export type RestoreMode = 'replace' | 'add';

export interface RestoreReport {
  mode: RestoreMode;
  /** Rows written, per table. */
  added: Record<string, number>;
  /** Rows of the backup left out because a row with the same key is here (`add` only). */
  kept: Record<string, number>;
  /** Connections restored without secrets: they must be entered again. */
  needs_secrets: { id: string; label: string; connector: string }[];
}

const CHUNK = 500;

/**
 * In `add`, a row that belongs to one kept here comes with it or not at all: the steps of a job, the
 * versions, state and connection choices of a recipe, the rows of a table. A job here never gets steps
 * of another run, nor a recipe versions past the one its row names.
 */
const PARENTS: Readonly<Record<string, { table: string; field: string }>> = {
  job_steps: { table: 'jobs', field: 'job_id' },
  recipe_versions: { table: 'recipes', field: 'recipe_id' },
  recipe_states: { table: 'recipes', field: 'recipe_id' },
  connection_bindings: { table: 'recipes', field: 'recipe_id' },
  lookup_rows: { table: 'lookup_tables', field: 'table_id' }
};

export async function restoreBackup(db: SousDb, backup: CheckedBackup, mode: RestoreMode, onProgress?: Progress): Promise<RestoreReport> {
  const tables = backedUpTables();
  const report: RestoreReport = { mode, added: {}, kept: {}, needs_secrets: [] };
  const total = tables.reduce((n, t) => n + (backup.tables[t]?.length ?? 0), 0);
  let done = 0;
  await guardWrite('the restored backup', () =>
    db.transaction('rw', [...tables, 'governance'], async () => {
      const sealedHere = await sealedConnections(db);
      const here = mode === 'add' ? await keysHere(db, ['jobs', 'recipes', 'lookup_tables', 'connections']) : new Map<string, Set<unknown>>();
      const keepTrail = (await db.audit.count()) > 0;
      for (const table of tables) {
        const rows = (backup.tables[table] ?? []).map((row) => (table === 'connections' ? connectionRow(row, sealedHere, report) : row));
        if (table === 'audit' && keepTrail) {
          report.added[table] = 0;
          report.kept[table] = rows.length;
          onProgress?.((done += rows.length), total);
          continue;
        }
        if (mode === 'replace' && table !== 'audit') await db.table(table).clear();
        const added = await writeRows(db, table, mode === 'add' ? rowsToAdd(table, rows, here) : rows, mode, (n) => onProgress?.((done += n), total));
        done += rows.length - added.offered;
        report.added[table] = added.written;
        report.kept[table] = rows.length - added.written;
      }
      if (tables.includes('audit') && !keepTrail) await resetAuditHead(db);
      // A connection kept as it is here was not restored, so it needs nothing entered again.
      report.needs_secrets = report.needs_secrets.filter((c) => !here.get('connections')?.has(c.id));
    })
  );
  onProgress?.(total, total);
  return report;
}

/** The rows of `add` whose parent row (PARENTS) is not kept here. */
function rowsToAdd(table: string, rows: Record<string, unknown>[], here: Map<string, Set<unknown>>): Record<string, unknown>[] {
  const parent = PARENTS[table];
  if (!parent) return rows;
  const kept = here.get(parent.table)!;
  return rows.filter((row) => !kept.has(row[parent.field]));
}

async function keysHere(db: SousDb, tables: string[]): Promise<Map<string, Set<unknown>>> {
  const out = new Map<string, Set<unknown>>();
  for (const table of tables) out.set(table, new Set(await db.table(table).toCollection().primaryKeys()));
  return out;
}

/** Rows in chunks; in `add`, only those whose key is not here. `offered`: rows looked at, `written`: added. */
async function writeRows(db: SousDb, table: string, rows: Record<string, unknown>[], mode: RestoreMode, onChunk: (rows: number) => void) {
  const keyPath = primaryKeys().get(table)!;
  let written = 0;
  for (let at = 0; at < rows.length; at += CHUNK) {
    let chunk = rows.slice(at, at + CHUNK);
    if (mode === 'add') {
      const found = await db.table(table).bulkGet(chunk.map((r) => keyOf(r, keyPath) as never));
      chunk = chunk.filter((_, i) => found[i] === undefined);
    }
    await db.table(table).bulkAdd(chunk);
    written += chunk.length;
    onChunk(Math.min(CHUNK, rows.length - at));
  }
  return { offered: rows.length, written };
}

async function sealedConnections(db: SousDb): Promise<Map<string, NonNullable<ConnectionRow['sealed']>>> {
  const out = new Map<string, NonNullable<ConnectionRow['sealed']>>();
  await db.connections.each((c) => {
    if (c.sealed) out.set(c.id, c.sealed);
  });
  return out;
}

/**
 * A connection as it is stored again: the backup's mark taken off, this browser's secrets kept when it has
 * them. A sealed value in the file (Sous never writes one) is dropped: sealed elsewhere, it opens nowhere here.
 */
function connectionRow(row: Record<string, unknown>, sealedHere: Map<string, NonNullable<ConnectionRow['sealed']>>, report: RestoreReport): Record<string, unknown> {
  const { secrets: _mark, ...rest } = row as ConnectionRow & { secrets?: string };
  if (!needsSecrets(row)) return rest;
  const sealed = sealedHere.get(rest.id);
  if (sealed) return { ...rest, sealed };
  report.needs_secrets.push({ id: rest.id, label: rest.label, connector: rest.connector });
  return { ...rest, sealed: null };
}
