/**
 * Writing a backup: every backed-up table read in one read transaction (so jobs and their steps agree),
 * row by row with a cursor, into a Blob built from parts: a database of hundreds of megabytes never
 * becomes one string.
 */
import type { ConnectionRow, SousDb } from '../store/db';
import { BACKUP_FORMAT, BACKUP_VERSION, SECRETS_LEFT_OUT, type BackupSummary, type Progress } from './format';
import { backedUpTables, LATEST_SCHEMA } from './tables';

/** Rows are joined into parts of about this many characters. */
const PART_CHARS = 256 * 1024;

export interface WrittenBackup {
  blob: Blob;
  summary: BackupSummary;
}

export interface WriteOptions {
  onProgress?: Progress;
  now?: Date;
  appVersion?: string;
}

export async function writeBackup(db: SousDb, options: WriteOptions = {}): Promise<WrittenBackup> {
  const tables = backedUpTables();
  const created_at = (options.now ?? new Date()).toISOString();
  const summary: BackupSummary = { created_at, schema: LATEST_SCHEMA, counts: {}, needs_secrets: [] };
  const parts: string[] = [];
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: LATEST_SCHEMA, created_at, ...(options.appVersion ? { app_version: options.appVersion } : {}) };
  let buffer = JSON.stringify(head).slice(0, -1) + ',"tables":{';
  const push = (text: string) => {
    buffer += text;
    if (buffer.length >= PART_CHARS) {
      parts.push(buffer);
      buffer = '';
    }
  };

  await db.transaction('r', tables, async () => {
    const counts = await Promise.all(tables.map((name) => db.table(name).count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    options.onProgress?.(0, total);
    for (const [t, name] of tables.entries()) {
      push(`${t === 0 ? '' : ','}${JSON.stringify(name)}:[`);
      let n = 0;
      await db.table(name).each((row: unknown) => {
        const kept = name === 'connections' ? withoutSecrets(row as ConnectionRow, summary) : row;
        push(`${n === 0 ? '\n' : ',\n'}${JSON.stringify(kept)}`);
        n++;
        done++;
        if (done % 500 === 0) options.onProgress?.(done, total);
      });
      push(']');
      summary.counts[name] = n;
    }
    options.onProgress?.(total, total);
  });
  parts.push(buffer + '}}\n');
  return { blob: new Blob(parts, { type: 'application/json' }), summary };
}

/** A connection as a backup holds it: its plain fields, never its sealed secrets, marked when it had some. */
function withoutSecrets(row: ConnectionRow, summary: BackupSummary): unknown {
  if (row.sealed === null) return row;
  summary.needs_secrets.push({ id: row.id, label: row.label, connector: row.connector });
  return { ...row, sealed: null, secrets: SECRETS_LEFT_OUT };
}
