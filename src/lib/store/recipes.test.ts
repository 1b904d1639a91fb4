// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { DexieRecipeSource, getRecipe, listRecipes, saveRecipe } from './recipes';
import { StorageFullError } from './storage-errors';
import { freshDb, quotaError, recipe } from './test-db';
import type { SousDb } from './db';

const bigInvoices = recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
let db: SousDb;
afterEach(() => db?.delete());

describe('recipes and their versions', () => {
  it('keeps every saved version and points the recipe at the newest', async () => {
    db = freshDb();
    expect(await saveRecipe(db, bigInvoices, new Date('2030-01-01T00:00:00Z'))).toEqual({ version: 1, created: true });
    const renamed = { ...bigInvoices, name: 'Flag the big ones' };
    expect(await saveRecipe(db, renamed, new Date('2030-01-02T00:00:00Z'))).toEqual({ version: 2, created: true });

    expect(await listRecipes(db)).toEqual([{ id: 'big-invoices', name: 'Flag the big ones', version: 2, updated_at: '2030-01-02T00:00:00.000Z' }]);
    expect((await getRecipe(db, 'big-invoices'))?.recipe.name).toBe('Flag the big ones');
    expect(await getRecipe(db, 'big-invoices', 1)).toEqual({ recipe: bigInvoices, version: 1 });
    expect(await new DexieRecipeSource(db).get('big-invoices', 2)).toEqual({ recipe: renamed, version: 2 });
    expect(await db.recipe_versions.count()).toBe(2);
  });

  it('adds no version when the newest one already holds the same recipe', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    expect(await saveRecipe(db, structuredClone(bigInvoices))).toEqual({ version: 1, created: false });
    expect(await db.recipe_versions.count()).toBe(1);
  });

  it('answers undefined for a recipe or version that is not there', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    expect(await getRecipe(db, 'nope')).toBeUndefined();
    expect(await getRecipe(db, 'big-invoices', 7)).toBeUndefined();
  });

  it('names a damaged saved version instead of handing it to the engine', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    const row = (await db.recipe_versions.get(['big-invoices', 1]))!;
    await db.recipe_versions.put({ ...row, recipe: { ...bigInvoices, steps: 'oops' as never } });
    await expect(getRecipe(db, 'big-invoices')).rejects.toThrow('the saved version 1 of recipe "big-invoices" is damaged: recipe.steps: expected a list');
  });

  it('on a full disk saves nothing of the new version and says why', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    vi.spyOn(db.recipes, 'put').mockRejectedValueOnce(quotaError());
    const error = await saveRecipe(db, { ...bigInvoices, name: 'v2' }).catch((e) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toMatch(/storage for Sous is full, so recipe "big-invoices" could not be saved/);
    // The version row was written first in the same transaction: it must be gone with the failed put.
    expect(await db.recipe_versions.count()).toBe(1);
    expect((await getRecipe(db, 'big-invoices'))?.recipe.name).toBe('Flag big invoices');
  });
});
