import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TEST_PIN_COST } from '../access/pin';
import { verifyChain } from '../audit/chain';
import { allAudit } from './audit';
import { getRecipe } from './recipes';
import { listVersions, MAX_NOTE_LENGTH, restoreVersion, saveVersion } from './recipe-versions';
import { addPerson, NotAllowedError, switchPerson } from './people';
import { freshDb, recipe } from './test-db';
import type { SousDb } from './db';

const v1 = recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
const fast = { cost: TEST_PIN_COST };
let db: SousDb;
afterEach(() => db?.delete());

describe('editor versions', () => {
  it('saves every version and restores an old one as a new version, overwriting none', async () => {
    db = freshDb();
    const v2 = { ...v1, name: 'Renamed' };
    expect(await saveVersion(db, v1, new Date('2030-01-01T00:00:00Z'))).toBe(1);
    expect(await saveVersion(db, v2, new Date('2030-01-02T00:00:00Z'))).toBe(2);
    expect(await restoreVersion(db, v1.id, 1, new Date('2030-01-03T00:00:00Z'))).toEqual({ version: 3, recipe: v1 });
    expect((await listVersions(db, v1.id)).map((v) => [v.version, v.name])).toEqual([[3, v1.name], [2, 'Renamed'], [1, v1.name]]);
    expect((await getRecipe(db, v1.id, 2))?.recipe).toEqual(v2);
    expect((await getRecipe(db, v1.id))?.version).toBe(3);
  });

  it('refuses a version that does not exist', async () => {
    db = freshDb();
    await expect(restoreVersion(db, v1.id, 4)).rejects.toThrow(/no version 4/);
  });

  it('keeps a version note, trimmed and at most 500 characters; a blank note is none', async () => {
    db = freshDb();
    await saveVersion(db, v1, undefined, '  first draft  ');
    await saveVersion(db, v1, undefined, '   ');
    await saveVersion(db, v1, undefined, 'x'.repeat(MAX_NOTE_LENGTH + 20));
    const [third, second, first] = await listVersions(db, v1.id);
    expect(first.note).toBe('first draft');
    expect(second).not.toHaveProperty('note');
    expect(third.note).toHaveLength(MAX_NOTE_LENGTH);
    expect((await db.recipe_versions.get([v1.id, 1]))?.note).toBe('first draft');
  });

  it('records each save and restore on the audit trail, with the note and what a restore came from', async () => {
    db = freshDb();
    await saveVersion(db, v1);
    await saveVersion(db, { ...v1, name: 'Renamed' }, undefined, 'new name');
    await restoreVersion(db, v1.id, 1);
    const entries = await allAudit(db);
    expect(entries.map((e) => [e.action, e.target.version, e.detail])).toEqual([
      ['recipe.create', 1, { name: v1.name }],
      ['recipe.edit', 2, { name: 'Renamed', note: 'new name' }],
      ['recipe.edit', 3, { name: v1.name, restored_from: 1 }]
    ]);
    expect(entries.every((e) => e.actor.id === 'owner')).toBe(true);
    expect(verifyChain(entries).ok).toBe(true);
  });

  it('a runner may neither save nor restore: nothing is written or recorded', async () => {
    db = freshDb();
    await saveVersion(db, v1);
    await addPerson(db, { name: 'Ana', role: 'admin', pin: '1111' }, fast);
    const ray = await addPerson(db, { name: 'Ray', role: 'runner' }, fast);
    await switchPerson(db, ray.id);
    const before = (await allAudit(db)).length;
    await expect(saveVersion(db, { ...v1, name: 'Nope' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(restoreVersion(db, v1.id, 1)).rejects.toThrow('A runner may not edit recipes');
    expect((await listVersions(db, v1.id)).map((v) => v.version)).toEqual([1]);
    expect((await allAudit(db)).length).toBe(before);
  });
});
