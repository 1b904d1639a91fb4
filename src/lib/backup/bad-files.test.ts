// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue, MAX_ISSUE_CHARS, MAX_ISSUES } from '../recipe';
import type { SousDb } from '../store/db';
import { freshDb } from '../store/test-db';
import { BACKUP_FORMAT } from './format';
import { readBackupFile, readBackupText } from './read';
import { LATEST_SCHEMA } from './tables';
import { fillEveryTable } from './test-fill';
import { writeBackup } from './write';

let db: SousDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const HUGE = 'x'.repeat(4 * 1024 * 1024);
const recipeRow = { id: 'big-invoices', name: 'Flag big invoices', version: 1, updated_at: '2026-03-01T09:00:00.000Z' };
const file = (tables: Record<string, unknown>, head: Record<string, unknown> = {}) =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 1, schema: LATEST_SCHEMA, created_at: '2026-12-07T10:00:00.000Z', tables, ...head });
const deep = (n: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = { v };
  return v;
};

/** [what, the file's text, a part of the message, where it is (a prefix of the path)] */
const BAD: [string, string, string, string][] = [
  ['an empty file', '', 'the file is empty', ''],
  ['not JSON', '{"format": "sous-backup",', 'not valid JSON at line 1', ''],
  ['a list', '[1, 2]', 'not a Sous backup', ''],
  ['a recipe file', JSON.stringify({ format: 'sous.recipe/v1', name: 'x', steps: [] }), 'a recipe or agent file', 'format'],
  ['no format', JSON.stringify({ tables: {} }), 'it has no "format"', 'format'],
  ['a newer backup format', file({}, { version: 2 }), 'made by a newer Sous (backup format 2)', 'version'],
  ['a newer database schema', file({}, { schema: LATEST_SCHEMA + 1 }), `made by a newer Sous (database schema ${LATEST_SCHEMA + 1})`, 'schema'],
  ['a schema that is no number', file({}, { schema: 'eight' }), 'expected the database schema version', 'schema'],
  ['no creation time', file({}, { created_at: 'yesterday' }), 'expected the time the backup was made', 'created_at'],
  ['tables that are no object', file({}, { tables: [1] }), 'expected an object of tables', 'tables'],
  ['a table that is no list', file({ recipes: {} }), 'expected a list of rows', 'tables.recipes'],
  ['an unknown table', file({ secrets_dump: [] }), "not a table of Sous's database", 'tables.secrets_dump'],
  ['the vault', file({ vault: [{ id: 'vault' }] }), 'a backup never holds this table', 'tables.vault'],
  ['a table newer than its schema', file({ agents: [] }, { schema: 3 }), "not a table of Sous's database at schema 3", 'tables.agents'],
  ['a row that is no object', file({ recipes: ['big-invoices'] }), 'expected a row (an object)', 'tables.recipes[0]'],
  ['a row without its key', file({ recipes: [{ name: 'x' }] }), "it is the row's key", 'tables.recipes[0].id'],
  ['a key that is an object', file({ recipes: [{ ...recipeRow, id: { a: 1 } }] }), "the row's key must be a text or a number", 'tables.recipes[0].id'],
  ['a compound key part missing', file({ recipe_versions: [{ recipe_id: 'x', saved_at: 'y' }] }), "it is the row's key", 'tables.recipe_versions[0].version'],
  ['two rows with one key', file({ recipes: [recipeRow, recipeRow] }), 'same key as row 0', 'tables.recipes[1]'],
  ['a row its table refuses', file({ recipes: [{ ...recipeRow, version: 0 }] }), '', 'tables.recipes[0].version'],
  ['a 4 MB value where a number goes', file({ recipes: [{ ...recipeRow, version: HUGE }] }), 'expected a number', 'tables.recipes[0].version'],
  ['a __proto__ key', file({ chat: [JSON.parse('{"id":"m1","channel":"c","text":"t","at":"a","__proto__":{"admin":true}}')] }), 'the key "__proto__" is not allowed', 'tables.chat[0].__proto__'],
  ['a nested __proto__ key', '{"format":"sous-backup","version":1,"schema":8,"created_at":"2026-12-07T10:00:00.000Z","tables":{"jobs":[{"id":"j","output":{"a":[{"__proto__":{"x":1}}]}}]}}', 'the key "__proto__" is not allowed', 'tables.jobs[0].output.a[0].__proto__'],
  ['a constructor key', file({ sandbox_meta: [{ id: 'm', value: { constructor: { prototype: 1 } } }] }), 'the key "constructor" is not allowed', 'tables.sandbox_meta[0].value.constructor'],
  ['a __proto__ table', '{"format":"sous-backup","version":1,"schema":8,"created_at":"2026-12-07T10:00:00.000Z","tables":{"__proto__":[]}}', 'the key "__proto__" is not allowed', 'tables.__proto__'],
  ['a __proto__ key at the top', '{"__proto__":{},"format":"sous-backup"}', 'the key "__proto__" is not allowed', '__proto__'],
  ['a row nested too deep', file({ sandbox_meta: [{ id: 'm', value: deep(300) }] }), 'nested deeper than 200 levels', 'tables.sandbox_meta[0].value'],
  ['a broken recipe in a version', file({ recipe_versions: [{ recipe_id: 'big-invoices', version: 1, saved_at: 'x', recipe: { format: 'sous.recipe/v1' } }] }), '', 'tables.recipe_versions[0].recipe']
];

describe('a bad backup file', () => {
  it.each(BAD)('is refused with a bounded message naming the place: %s', async (_what, text, message, path) => {
    const read = await readBackupText(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.length).toBeGreaterThan(0);
    expect(read.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
    const lines = read.issues.map(formatIssue);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(MAX_ISSUE_CHARS);
    expect(lines.join('\n')).not.toContain('x'.repeat(100));
    expect(read.issues.some((i) => i.path.startsWith(path) && i.message.includes(message)), lines.join('\n')).toBe(true);
  });

  it('with a hundred thousand bad rows lists the first problems and a count, quickly', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: 1 }));
    const read = await readBackupText(file({ recipes: rows }));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.at(-1)!.message).toMatch(/more problems/);
  });

  it('changes nothing in the database, and a good file read with progress says how far it got', async () => {
    db = freshDb();
    await fillEveryTable(db);
    const good = await (await writeBackup(db)).blob.text();
    const broken = good.replace('"version":1,', '"version":1,"schema_":1,').replace(/"name":"Flag big invoices"/, '"name":7');
    const before = await db.recipes.toArray();
    const read = await readBackupFile(new Blob([broken]));
    expect(read.ok).toBe(false);
    expect(await db.recipes.toArray()).toEqual(before);

    const phases = new Set<string>();
    let last = { done: 0, total: 0 };
    const ok = await readBackupFile(new Blob([good]), (p) => {
      phases.add(p.phase);
      if (p.phase === 'check') last = p;
    });
    expect(ok.ok).toBe(true);
    expect([...phases]).toEqual(['read', 'check']);
    expect(last.done).toBe(last.total);
  });
});
