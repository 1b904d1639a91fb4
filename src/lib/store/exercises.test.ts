// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePackText } from '../packs';
import { parseRecipeText } from '../recipe';
import type { SousDb } from './db';
import { checkSavedRecipe, exerciseForRecipe, startExercise, workshopPacks } from './exercises';
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

  it('are listed by pack for the Workshop page, in the pack\'s order, each started once its recipe exists', async () => {
    db = freshDb();
    expect(await workshopPacks(db)).toEqual([]);
    // The pack lists flag-big before add-vendor; ids alone would sort them the other way.
    await importPack(db, pack, []);
    const other = { ...pack, id: 'another', name: 'Another pack', exercises: [{ ...pack.exercises[1], id: 'other-one', recipe: 'other-one' }] };
    await importPack(db, other, []);
    const listed = await workshopPacks(db);
    expect(listed.map((p) => [p.id, p.name, p.exercises.map((e) => [e.row.id, e.started])])).toEqual([
      ['another', 'Another pack', [['other-one', false]]],
      ['finance-workshop', 'Finance workshop', [['flag-big', false], ['add-vendor', false]]]
    ]);
    await startExercise(db, listed[1].exercises[0].row);
    expect((await workshopPacks(db))[1].exercises.map((e) => e.started)).toEqual([true, false]);
  });
});
