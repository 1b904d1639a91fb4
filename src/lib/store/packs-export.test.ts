// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportPack, parsePackText } from '../packs';
import type { SousDb } from './db';
import { gatherPack } from './packs-export';
import { importPack } from './packs-import';
import { saveRecipe } from './recipes';
import { freshDb, recipe } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

const read = parsePackText(readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8'));
if (!read.ok) throw new Error('the fixture pack does not read');
const workshop = read.pack;
const answer = recipe(readFileSync('tests/fixtures/packs/submissions/ana.recipe.json', 'utf8'));
const vendorAnswer = recipe(JSON.stringify({
  format: 'sous.recipe/v1', id: 'add-vendor', name: 'Add a vendor', trigger: { kind: 'manual' },
  steps: [{ id: 'look', kind: 'call', recipe: 'lookup', input: {} }]
}));
const lookup = recipe(JSON.stringify({ format: 'sous.recipe/v1', id: 'lookup', name: 'Look up', trigger: { kind: 'callable', input: [] }, steps: [] }));
const outer = recipe(JSON.stringify({
  format: 'sous.recipe/v1', id: 'outer', name: 'Outer', trigger: { kind: 'manual' },
  steps: [{ id: 'run', kind: 'call', recipe: 'flag-big', input: {} }]
}));

async function workspace(): Promise<void> {
  db = freshDb();
  await importPack(db, workshop, []);
  for (const r of [answer, vendorAnswer, lookup, outer]) await saveRecipe(db, r);
}
const choice = (recipes: string[], exercises: string[]) => ({ id: 'out', name: 'Out', recipes, agents: [], tables: [], exercises });

describe('exporting a pack with exercises, without giving the answer away', () => {
  it('holds each exercise\'s starter and the recipes its answer calls, never the answer itself', async () => {
    await workspace();
    const got = await gatherPack(db, choice([], ['flag-big', 'add-vendor']));
    expect(got.pack.recipes.map((r) => r.id)).toEqual(['flag-big-starter', 'lookup']);
    expect(got.added).toEqual([{ id: 'flag-big-starter', by: { exercise: 'flag-big' } }, { id: 'lookup', by: { exercise: 'add-vendor' } }]);
    expect(got.answers).toEqual([]);
    const text = exportPack(got.pack).text;
    const back = parsePackText(text);
    expect(back.ok && back.pack.recipes.map((r) => r.id)).toEqual(['flag-big-starter', 'lookup']);
    expect(back.ok && back.pack.exercises.map((e) => e.recipe)).toEqual(['flag-big', 'add-vendor']);
  });

  it('an answer another chosen recipe calls is withheld and said; one chosen explicitly goes in and is said', async () => {
    await workspace();
    const called = await gatherPack(db, choice(['outer'], ['flag-big']));
    expect(called.pack.recipes.map((r) => r.id)).toEqual(['outer', 'flag-big-starter']);
    expect(called.withheld).toEqual([{ id: 'flag-big', by: { recipe: 'outer' } }]);
    expect(called.answers).toEqual([]);

    const chosen = await gatherPack(db, choice(['flag-big'], ['flag-big']));
    expect(chosen.pack.recipes.map((r) => r.id)).toEqual(['flag-big', 'flag-big-starter']);
    expect(chosen.answers).toEqual([{ recipe: 'flag-big', exercise: 'flag-big' }]);
    expect(chosen.withheld).toEqual([]);
  });

  it('a recipe that answers no chosen exercise is an ordinary recipe', async () => {
    await workspace();
    const got = await gatherPack(db, choice(['outer'], []));
    expect(got.pack.recipes.map((r) => r.id)).toEqual(['outer', 'flag-big']);
    expect(got).toMatchObject({ answers: [], withheld: [], added: [{ id: 'flag-big', by: { recipe: 'outer' } }] });
  });
});
