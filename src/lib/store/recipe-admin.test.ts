// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createBlankRecipe, deleteRecipe, duplicateRecipe, renameRecipe, restoreRecipe, slugify, uniqueRecipeId } from './recipe-admin';
import { getRecipe, listRecipes, saveRecipe } from './recipes';
import { freshDb, recipe } from './test-db';
import type { SousDb } from './db';

const bigInvoices = recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
let db: SousDb;
afterEach(() => db?.delete());

describe('slugify', () => {
  it.each([
    ['Flag big invoices!', 'flag-big-invoices'],
    ['  Café  Crème ', 'cafe-creme'],
    ['***', 'recipe'],
    ['x'.repeat(80), 'x'.repeat(64)],
    [`${'a'.repeat(63)} b`, 'a'.repeat(63)]
  ])('%j → %j', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('creating and naming recipes', () => {
  it('creates a blank manual recipe under a unique slug', async () => {
    db = freshDb();
    expect(await createBlankRecipe(db, 'Flag big invoices')).toBe('flag-big-invoices');
    expect(await createBlankRecipe(db, 'Flag big invoices')).toBe('flag-big-invoices-2');
    expect(await createBlankRecipe(db, '   ')).toBe('untitled-recipe');
    const made = await getRecipe(db, 'flag-big-invoices-2');
    expect(made?.recipe).toEqual({ format: 'sous.recipe/v1', id: 'flag-big-invoices-2', name: 'Flag big invoices', trigger: { kind: 'manual' }, steps: [] });
  });

  it('keeps a numbered id a slug of at most 64 characters', async () => {
    db = freshDb();
    const long = 'a'.repeat(64);
    await saveRecipe(db, { ...bigInvoices, id: long });
    expect(await uniqueRecipeId(db, long)).toBe(`${'a'.repeat(62)}-2`);
  });

  it('renames by saving a new version, leaving the old one as it was', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    expect(await renameRecipe(db, 'big-invoices', '  Big ones ')).toBe(2);
    expect((await getRecipe(db, 'big-invoices'))?.recipe).toEqual({ ...bigInvoices, name: 'Big ones' });
    expect((await getRecipe(db, 'big-invoices', 1))?.recipe.name).toBe('Flag big invoices');
    expect((await listRecipes(db))[0].name).toBe('Big ones');
    await expect(renameRecipe(db, 'big-invoices', ' ')).rejects.toThrow('needs a name');
    await expect(renameRecipe(db, 'nope', 'x')).rejects.toThrow('no recipe "nope"');
  });

  it('duplicates the newest version under a new id and name', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    await renameRecipe(db, 'big-invoices', 'Big ones');
    expect(await duplicateRecipe(db, 'big-invoices')).toBe('big-invoices-copy');
    expect(await duplicateRecipe(db, 'big-invoices')).toBe('big-invoices-copy-2');
    const copy = await getRecipe(db, 'big-invoices-copy');
    expect(copy).toEqual({ version: 1, recipe: { ...bigInvoices, id: 'big-invoices-copy', name: 'Big ones (copy)' } });
    expect((await getRecipe(db, 'big-invoices'))?.version).toBe(2);
  });
});

describe('delete and undo', () => {
  it('deletes a recipe with every version, and restores them all', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    await renameRecipe(db, 'big-invoices', 'Big ones');
    await saveRecipe(db, { ...bigInvoices, id: 'other' });
    const before = await db.recipe_versions.toArray();

    const deleted = await deleteRecipe(db, 'big-invoices');
    expect(deleted.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await listRecipes(db)).map((r) => r.id)).toEqual(['other']);
    expect(await db.recipe_versions.count()).toBe(1);

    await restoreRecipe(db, deleted);
    expect(await db.recipe_versions.toArray()).toEqual(before);
    expect(await db.recipes.get('big-invoices')).toEqual(deleted.row);
  });

  it('refuses to restore over a recipe made with the same id in between', async () => {
    db = freshDb();
    await saveRecipe(db, bigInvoices);
    const deleted = await deleteRecipe(db, 'big-invoices');
    await saveRecipe(db, { ...bigInvoices, name: 'New one' });
    await expect(restoreRecipe(db, deleted)).rejects.toThrow('exists again');
    expect((await getRecipe(db, 'big-invoices'))?.recipe.name).toBe('New one');
    await expect(deleteRecipe(db, 'nope')).rejects.toThrow('no recipe "nope"');
  });
});
