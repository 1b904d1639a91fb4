// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePackText } from '../packs';
import { parseRecipeText } from '../recipe';
import type { SousDb } from './db';
import { recordTests } from '../exercises';
import { checkSavedRecipe, deleteLocalExercise, exerciseForRecipe, saveLocalExercise, startExercise, workshopPacks, workspaceWorld } from './exercises';
import { addPerson, switchPerson } from './people';
import { TEST_PIN_COST } from '../access/pin';
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
    expect((await db.exercises.get('flag-big'))?.last_check).toMatchObject({ version: 1, passed: 1, total: 2 });
    expect(first.results.map((r) => r.passed)).toEqual([false, true]);
    expect(first.results[0].reason).toMatch(/chat/);

    // The fixed recipe, saved as the next version, passes every test.
    const fixed = parseRecipeText(readFileSync('tests/fixtures/packs/submissions/ana.recipe.json', 'utf8'));
    if (!fixed.ok) throw new Error('ana does not read');
    await saveRecipe(db, fixed.recipe);
    const second = await checkSavedRecipe(db, row);
    expect(second).toMatchObject({ version: 2, results: [{ passed: true }, { passed: true }] });
    const at = new Date('2026-03-01T10:00:00Z');
    await checkSavedRecipe(db, row, { now: at });
    expect((await db.exercises.get('flag-big'))?.last_check).toEqual({ version: 2, passed: 2, total: 2, at: at.toISOString() });

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

const fast = { cost: TEST_PIN_COST };

describe('an exercise a trainer writes in this workspace', () => {
  it('is recorded against the model answer in the workspace\'s world, installed under "This workspace", edited and deleted', async () => {
    db = freshDb();
    const ana = parseRecipeText(readFileSync('tests/fixtures/packs/submissions/ana.recipe.json', 'utf8'));
    if (!ana.ok) throw new Error('ana does not read');
    await saveRecipe(db, ana.recipe);
    await saveRecipe(db, { ...pack.recipes[0] });
    const world = await workspaceWorld(db, ana.recipe, 'flag-big-starter', 'This workspace');
    // The starter travels in the world; the model answer never does.
    expect(world.recipes.map((r) => r.id)).toEqual(['flag-big-starter']);
    const recorded = await recordTests(ana.recipe, [{ name: 'one big', input: { invoices: [{ id: 'A', amount: 900 }] } }, { name: 'none', input: { invoices: [] } }], world);
    const tests = recorded.map((r) => (r.ok ? r.test : expect.unreachable(r.reason)));
    const row = await saveLocalExercise(db, { title: 'Flag big ones', task: 'Post big invoices.', recipe: 'flag-big', starter: 'flag-big-starter', tests }, world, 'This workspace');
    expect(row).toMatchObject({ id: 'flag-big-ones', pack_id: 'workspace', pack_name: 'This workspace', exercise: { recipe: 'flag-big', starter: 'flag-big-starter' } });
    const inPack = parsePackText(row.pack);
    expect(inPack.ok && inPack.pack.exercises.map((e) => e.id)).toEqual(['flag-big-ones']);
    expect(inPack.ok && inPack.pack.recipes.map((r) => r.id)).toEqual(['flag-big-starter']);
    // Checked as a participant's check is: the model answer passes its own tests.
    expect((await checkSavedRecipe(db, row)).results.map((r) => r.passed)).toEqual([true, true]);
    expect((await workshopPacks(db)).map((p) => [p.id, p.name])).toEqual([['workspace', 'This workspace']]);

    // Edited in place; another exercise may not take the same answer.
    await saveLocalExercise(db, { id: row.id, title: 'Flag big ones', task: 'Changed.', recipe: 'flag-big', tests: tests.slice(0, 1) }, world, 'This workspace');
    expect((await db.exercises.get(row.id))?.exercise).toMatchObject({ task: 'Changed.', tests: [{ name: 'one big' }] });
    expect((await db.exercises.get(row.id))?.exercise.starter).toBeUndefined();
    await expect(saveLocalExercise(db, { title: 'Again', task: '', recipe: 'flag-big', tests }, world, 'This workspace')).rejects.toThrow(/already takes the recipe "flag-big"/);
    await expect(saveLocalExercise(db, { title: 'Self', task: '', recipe: 'flag-big', starter: 'flag-big', tests }, world, 'This workspace')).rejects.toThrow(/starter cannot be the model answer/);

    // An imported pack's exercise is not the trainer's to delete here.
    await importPack(db, pack, []);
    await expect(deleteLocalExercise(db, 'add-vendor')).rejects.toMatchObject({ code: "not_local", message: expect.stringMatching(/came from the pack/) });
    await deleteLocalExercise(db, row.id);
    expect(await db.exercises.get(row.id)).toBeUndefined();
  });

  it('is not a runner\'s to write or delete', async () => {
    db = freshDb();
    await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, fast);
    const lee = await addPerson(db, { name: 'Lee', role: 'runner' }, fast);
    await switchPerson(db, lee.id);
    const world = { ...pack, exercises: [] };
    const test = { name: 't', input: {}, expect: { status: 'succeeded' as const } };
    await expect(saveLocalExercise(db, { title: 'T', task: '', recipe: 'x', tests: [test] }, world, 'This workspace')).rejects.toThrow(/may not edit/);
    await expect(deleteLocalExercise(db, 'x')).rejects.toThrow(/may not edit/);
    expect(await db.exercises.count()).toBe(0);
  });
});
