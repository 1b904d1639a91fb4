/**
 * Reading a backup file, all of it checked before anything is written: its size, its JSON, its envelope
 * and every row (check.ts); rows of an older schema brought up (migrate.ts); then every row against
 * today's schema of its table. What comes out is ready for restore.ts, or the list of problems.
 */
import { boundIssues, formatPath, fromZodIssues } from '../recipe';
import { findJsonError, lineAndColumn } from '../recipe/json-error';
import type { ConnectionRow } from '../store/db';
import { checkEnvelope, checkRows, type BackupIssue, type Checked } from './check';
import { SECRETS_LEFT_OUT, type BackupSummary } from './format';
import { upgradeRows } from './migrate';
import { backedUpTables, LATEST_SCHEMA, ROW_SCHEMAS } from './tables';

/** Past this a browser cannot hold the file's text as one string. */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

export interface ReadProgress {
  phase: 'read' | 'check';
  done: number;
  total: number;
}

/** A backup ready to restore: rows at today's schema, as they were in the file. */
export interface CheckedBackup {
  summary: BackupSummary;
  tables: Record<string, Record<string, unknown>[]>;
}

export async function readBackupFile(file: Blob, onProgress?: (p: ReadProgress) => void): Promise<Checked<CheckedBackup>> {
  if (file.size > MAX_BACKUP_BYTES) {
    return fail('', `the file is ${Math.ceil(file.size / 1024 / 1024)} MB; a backup may be at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB`);
  }
  const text = await readText(file, onProgress);
  return readBackupText(text, onProgress);
}

export async function readBackupText(text: string, onProgress?: (p: ReadProgress) => void): Promise<Checked<CheckedBackup>> {
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!json.ok) return json;
  const envelope = checkEnvelope(json.value);
  if (!envelope.ok) return { ok: false, issues: boundIssues(envelope.issues) };
  const { schema, created_at, tables } = envelope.value;
  const total = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  const tick = () => {
    done++;
    if (done % 1000 === 0) onProgress?.({ phase: 'check', done, total: total * 2 });
  };
  const shape = checkRows(envelope.value, tick);
  if (shape.length > 0) return { ok: false, issues: boundIssues(shape) };
  let rows: Record<string, unknown[]>;
  try {
    rows = schema < LATEST_SCHEMA ? await upgradeRows(schema, tables) : tables;
  } catch (err) {
    return fail('', `the backup's rows (schema ${schema}) could not be brought up to this Sous's schema ${LATEST_SCHEMA}: ${String((err as Error)?.message ?? err).slice(0, 200)}`);
  }
  const issues = checkSchemas(rows, tick);
  onProgress?.({ phase: 'check', done: total * 2, total: total * 2 });
  if (issues.length > 0) return { ok: false, issues: boundIssues(issues) };
  const checked = rows as Record<string, Record<string, unknown>[]>;
  return { ok: true, value: { tables: checked, summary: summarise(checked, created_at, schema) } };
}

function checkSchemas(tables: Record<string, unknown[]>, onRow: () => void): BackupIssue[] {
  const issues: BackupIssue[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    const schema = ROW_SCHEMAS[table];
    for (let i = 0; i < rows.length && issues.length <= 100; i++) {
      onRow();
      const parsed = schema.safeParse(rows[i]);
      // The root is shaped like the file, so each issue's path (tables.T[i]…) finds its value.
      if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues.slice(0, 3), { tables: { [table]: { [i]: rows[i] } } }, ['tables', table, i]));
    }
  }
  return issues;
}

function summarise(tables: Record<string, Record<string, unknown>[]>, created_at: string, schema: number): BackupSummary {
  const counts = Object.fromEntries(backedUpTables().map((t) => [t, tables[t]?.length ?? 0]));
  const needs_secrets = ((tables.connections ?? []) as ConnectionRow[]).filter(needsSecrets).map(({ id, label, connector }) => ({ id, label, connector }));
  return { created_at, schema, counts, needs_secrets };
}

/** A connection of a backup that had secrets: marked so by the writer, or holding a sealed value (useless here). */
export function needsSecrets(row: object): boolean {
  const { secrets, sealed } = row as { secrets?: unknown; sealed?: unknown };
  return secrets === SECRETS_LEFT_OUT || (sealed !== null && sealed !== undefined);
}

/** The file's text, read in chunks so a large file reports how far it is. */
async function readText(file: Blob, onProgress?: (p: ReadProgress) => void): Promise<string> {
  if (!onProgress || typeof file.stream !== 'function') return file.text();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  let done = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    done += next.value.byteLength;
    chunks.push(decoder.decode(next.value, { stream: true }));
    onProgress({ phase: 'read', done, total: file.size });
  }
  chunks.push(decoder.decode());
  return chunks.join('');
}

function parseJson(text: string): Checked<unknown> {
  if (text.trim() === '') return fail('', 'the file is empty; a backup is a JSON file Sous wrote');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const found = findJsonError(text);
    const place = found ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, found.offset)) : '';
    return fail('', `not valid JSON${place}: ${(found?.problem ?? String((err as Error).message)).slice(0, 120)}; a backup is a JSON file Sous wrote, unchanged`);
  }
}

function fail<T>(path: string, message: string): Checked<T> {
  return { ok: false, issues: [{ path: formatPath(path ? [path] : []), message }] };
}
