// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { saveRecipe } from './recipes';
import { deleteRecipe, restoreRecipe } from './recipe-admin';
import { getLifecycle, listLifecycles, markStarted, markStopped, startedRecipes } from './recipe-states';
import { DB_NAME, SousDb } from './db';
import { freshDb, recipe } from './test-db';

const bigInvoices = recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
const scheduled = { ...bigInvoices, id: 'nightly', trigger: { kind: 'schedule' as const, every: '1d' } };
let db: SousDb;
afterEach(() => db?.delete());

describe('recipe lifecycle', () => {
  it('a new recipe is stopped; started, it runs its active version until another is made active', async () => {
    db = freshDb();
    await saveRecipe(db, scheduled);
    expect(await getLifecycle(db, 'nightly')).toMatchObject({ state: 'stopped', active_version: null, newest_version: 1, draft: false });
    expect(await startedRecipes(db)).toEqual([]);

    await markStarted(db, 'nightly', 1, new Date('2030-01-01T00:00:00Z'));
    await saveRecipe(db, { ...scheduled, name: 'Nightly, edited' });
    expect(await getLifecycle(db, 'nightly')).toMatchObject({ state: 'started', active_version: 1, newest_version: 2, draft: true });
    expect((await startedRecipes(db)).map((r) => [r.recipe.name, r.version])).toEqual([[bigInvoices.name, 1]]);

    await markStarted(db, 'nightly', 2);
    expect((await startedRecipes(db)).map((r) => r.version)).toEqual([2]);
    await markStopped(db, 'nightly');
    expect(await getLifecycle(db, 'nightly')).toMatchObject({ state: 'stopped', active_version: 2, draft: false });
    expect(await startedRecipes(db)).toEqual([]);
  });

  it('narrows to trigger kinds and names a started recipe whose active version is gone', async () => {
    db = freshDb();
    await saveRecipe(db, scheduled);
    await saveRecipe(db, bigInvoices);
    await markStarted(db, 'nightly', 1);
    await markStarted(db, bigInvoices.id, 1);
    await markStarted(db, 'ghost', 3);
    const problems: string[] = [];
    const found = await startedRecipes(db, ['schedule'], (id, m) => problems.push(`${id}: ${m}`));
    expect(found.map((r) => r.recipe.id)).toEqual(['nightly']);
    expect(problems).toEqual(['ghost: its active version 3 is not there']);
    expect([...(await listLifecycles(db)).keys()].sort()).toEqual([bigInvoices.id, 'nightly']);
  });

  it('a deleted recipe stops; Undo brings it back stopped', async () => {
    db = freshDb();
    await saveRecipe(db, scheduled);
    await markStarted(db, 'nightly', 1);
    const deleted = await deleteRecipe(db, 'nightly');
    expect(await db.recipe_states.get('nightly')).toBeUndefined();
    await restoreRecipe(db, deleted);
    expect(await getLifecycle(db, 'nightly')).toMatchObject({ state: 'stopped' });
  });
});

describe('the version 8 upgrade', () => {
  it('starts the event and document recipes that fired before lifecycles existed, and nothing else', async () => {
    const name = `${DB_NAME}-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(7).stores({ recipes: 'id, updated_at', recipe_versions: '[recipe_id+version]' });
    const eventRecipe = {
      ...bigInvoices,
      id: 'on-vendor',
      trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }
    };
    const at = '2030-01-01T00:00:00.000Z';
    for (const [r, version] of [[eventRecipe, 2], [scheduled, 1]] as const) {
      await old.table('recipes').put({ id: r.id, name: r.name, version, updated_at: at });
      await old.table('recipe_versions').put({ recipe_id: r.id, version, recipe: r, saved_at: at });
    }
    old.close();
    db = new SousDb(name);
    expect(await db.recipe_states.toArray()).toEqual([{ recipe_id: 'on-vendor', state: 'started', active_version: 2, changed_at: expect.any(String) }]);
  });
});
