// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePackText } from '../packs';
import { parseRecipeText } from '../recipe';
import type { SousDb } from './db';
import { checkSavedRecipe, exerciseForRecipe, startExercise } from './exercises';
import { importPack } from './packs-import';
import { getRecipe, saveRecipe } from './recipes';
import { freshDb } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

const read = parsePackText(readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8'));
if (!read.ok) throw new Error('the fixture pack does not read');
const pack = read.pack;

describe('workshop exercises installed from a pack', () => {
  it('are installed by the import, found by their recipe and starter, and checked as sous grade checks', async () => {
    db = freshDb();
    const imported = await importPack(db, pack, []);
    expect(imported.exercises).toBe(2);
    expect(await exerciseForRecipe(db, 'flag-big-starter')).toMatchObject({ role: 'starter', row: { id: 'flag-big' } });
    expect(await exerciseForRecipe(db, 'nothing-here')).toBeUndefined();

    const row = (await exerciseForRecipe(db, 'flag-big-starter'))!.row;
    await expect(checkSavedRecipe(db, row)).rejects.toThrow(/start the exercise first/);
    expect(await startExercise(db, row)).toBe('flag-big');
    expect((await getRecipe(db, 'flag-big'))?.recipe).toMatchObject({ id: 'flag-big', name: 'Flag big invoices', steps: [{ id: 'each', steps: [] }] });
    expect((await exerciseForRecipe(db, 'flag-big'))?.role).toBe('answer');

    // The starter's empty loop posts nothing: the first test fails with its first difference.
    const first = await checkSavedRecipe(db, row);
    expect(first.version).toBe(1);
    expect(first.results.map((r) => r.passed)).toEqual([false, true]);
    expect(first.results[0].reason).toMatch(/chat/);

    // The fixed recipe, saved as the next version, passes every test.
    const fixed = parseRecipeText(readFileSync('tests/fixtures/packs/submissions/ana.recipe.json', 'utf8'));
    if (!fixed.ok) throw new Error('ana does not read');
    await saveRecipe(db, fixed.recipe);
    const second = await checkSavedRecipe(db, row);
    expect(second).toMatchObject({ version: 2, results: [{ passed: true }, { passed: true }] });

    // Starting again keeps the participant's work.
    await startExercise(db, row);
    expect((await getRecipe(db, 'flag-big'))?.version).toBe(2);
  });
});
