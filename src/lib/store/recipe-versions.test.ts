import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { getRecipe } from './recipes';
import { listVersions, restoreVersion, saveVersion } from './recipe-versions';
import { freshDb, recipe } from './test-db';
import type { SousDb } from './db';

const v1 = recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
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
});
