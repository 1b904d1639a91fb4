/**
 * The checks a backup file gets before anything is written: what it is (the format, its versions), which
 * tables it holds, and that every row is a plain object with a usable key, no `__proto__`-like key and a
 * bounded depth. Every problem names its table and row and never quotes a long value (recipe/issues.ts).
 */
import { formatPath, quote, type RecipeIssue } from '../recipe';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupEnvelopeSchema, type BackupEnvelope } from './format';
import { LATEST_SCHEMA, LEFT_OUT, primaryKeys } from './tables';

export type BackupIssue = RecipeIssue;
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: BackupIssue[] };

/** Deeper than any row Sous writes (a job's output nests what an API returned), shallow enough to walk. */
export const MAX_ROW_DEPTH = 200;
/** Stop looking once this many problems are found: the list says there are more. */
const ENOUGH_ISSUES = 101;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The envelope: a Sous backup, of a format and schema this Sous reads, with only known tables. */
export function checkEnvelope(data: unknown): Checked<BackupEnvelope> {
  const fail = (path: string, message: string): Checked<BackupEnvelope> => ({ ok: false, issues: [{ path, message }] });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail('', `not a Sous backup: expected a JSON object with "format": "${BACKUP_FORMAT}"`);
  const head = data as Record<string, unknown>;
  if (Object.hasOwn(head, '__proto__')) return fail('__proto__', 'the key "__proto__" is not allowed in a backup file');
  if (head.format !== BACKUP_FORMAT) {
    const recipe = typeof head.format === 'string' && head.format.startsWith('sous.');
    const what = head.format === undefined ? 'it has no "format"' : `its format is ${quote(head.format)}`;
    return fail('format', `not a Sous backup: ${what}` + (recipe ? ' (a recipe or agent file: import it on its own page)' : `; a backup says "format": "${BACKUP_FORMAT}"`));
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return fail('version', `this backup was made by a newer Sous (backup format ${head.version}); this Sous reads format ${BACKUP_VERSION}: update Sous to restore it`);
  }
  if (typeof head.schema === 'number' && head.schema > LATEST_SCHEMA) {
    return fail('schema', `this backup was made by a newer Sous (database schema ${head.schema}); this Sous reads schema ${LATEST_SCHEMA} and older: update Sous to restore it`);
  }
  // Checked before the schema copies `tables` into a new object, where a `__proto__` table would vanish unseen.
  const names = head.tables !== null && typeof head.tables === 'object' ? Object.keys(head.tables) : [];
  const forbidden = names.find((name) => FORBIDDEN_KEYS.has(name));
  if (forbidden) return fail(formatPath(['tables', forbidden]), `the key "${forbidden}" is not allowed in a backup file`);
  const parsed = BackupEnvelopeSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: formatPath(i.path), message: envelopeMessage(i.path, i.message) })) };
  }
  const keys = primaryKeys(parsed.data.schema);
  const issues: BackupIssue[] = [];
  for (const table of Object.keys(parsed.data.tables)) {
    const path = formatPath(['tables', table]);
    if (table in LEFT_OUT) issues.push({ path, message: `a backup never holds this table (${LEFT_OUT[table]})` });
    else if (!keys.has(table)) issues.push({ path, message: `not a table of Sous's database at schema ${parsed.data.schema}` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

function envelopeMessage(path: readonly PropertyKey[], message: string): string {
  const field = String(path[0] ?? '');
  if (field === 'schema') return 'expected the database schema version, a whole number from 1';
  if (field === 'created_at') return 'expected the time the backup was made (ISO 8601)';
  if (field === 'tables') return path.length > 1 ? 'expected a list of rows' : 'expected an object of tables, each a list of rows';
  if (field === 'version') return `expected ${BACKUP_VERSION}, the backup format version`;
  return message;
}

/** Every row of every table: a plain object with its key, unique in its table, no forbidden key, bounded depth. */
export function checkRows(envelope: BackupEnvelope, onRow?: () => void): BackupIssue[] {
  const keys = primaryKeys(envelope.schema);
  const issues: BackupIssue[] = [];
  for (const [table, rows] of Object.entries(envelope.tables)) {
    const keyPath = keys.get(table)!;
    const seen = new Map<string, number>();
    for (let i = 0; i < rows.length && issues.length < ENOUGH_ISSUES; i++) {
      onRow?.();
      const problem = rowProblem(rows[i], keyPath);
      if (problem) {
        issues.push({ path: formatPath(['tables', table, i, ...problem.at]), message: problem.message });
        continue;
      }
      const key = JSON.stringify(keyOf(rows[i] as Record<string, unknown>, keyPath));
      const first = seen.get(key);
      if (first !== undefined) issues.push({ path: formatPath(['tables', table, i]), message: `has the same key as row ${first} of the table; each row's key must be unique` });
      else seen.set(key, i);
    }
  }
  return issues;
}

export function keyOf(row: Record<string, unknown>, keyPath: string | string[]): unknown {
  return Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath];
}

function rowProblem(row: unknown, keyPath: string | string[]): { at: PropertyKey[]; message: string } | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return { at: [], message: `expected a row (an object), found ${quote(row)}` };
  const shape = shapeProblem(row);
  if (shape) return shape;
  for (const part of Array.isArray(keyPath) ? keyPath : [keyPath]) {
    const value = (row as Record<string, unknown>)[part];
    const usable = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!usable) return { at: [part], message: value === undefined ? "is required: it is the row's key" : `the row's key must be a text or a number, found ${quote(value)}` };
  }
  return undefined;
}

/** The first forbidden key or too-deep place in a row, walked with a stack of its own (no recursion). */
function shapeProblem(row: object): { at: PropertyKey[]; message: string } | undefined {
  const stack: { value: object; path: PropertyKey[] }[] = [{ value: row, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length >= MAX_ROW_DEPTH) return { at: path.slice(0, 8), message: `nested deeper than ${MAX_ROW_DEPTH} levels` };
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        return { at: [...path, key], message: `the key "${key}" is not allowed in a backup file (it could change how every object is read)` };
      }
      if (child !== null && typeof child === 'object') stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
