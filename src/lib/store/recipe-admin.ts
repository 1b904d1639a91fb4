/**
 * What the recipes page does to whole recipes: create a blank one, rename (a new version), duplicate,
 * and delete with a snapshot that `restoreRecipe` puts back (the toast's Undo). Jobs are left alone:
 * they keep pointing at the recipe id, so a restored recipe finds its history again.
 */
import { RECIPE_FORMAT, type Recipe } from '../recipe';
import { recordAudit } from './audit';
import type { RecipeRow, RecipeVersionRow, SousDb } from './db';
import { assertMay } from './people';
import { getRecipe, saveRecipe } from './recipes';
import { guardWrite } from './storage-errors';

/** A deleted recipe, whole: its list row and every saved version. */
export interface DeletedRecipe {
  row: RecipeRow;
  versions: RecipeVersionRow[];
}

const MAX_SLUG = 64;

/** `Flag big invoices!` → `flag-big-invoices`; text with no letter or digit gives `recipe`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || 'recipe';
}

/** `base` if no recipe has it, else `base-2`, `base-3`… (cut so the id stays a slug of at most 64). */
export async function uniqueRecipeId(db: SousDb, base: string): Promise<string> {
  if (!(await db.recipes.get(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!(await db.recipes.get(id))) return id;
  }
}

/** A new recipe with a manual trigger and no steps yet; answers its id. */
export async function createBlankRecipe(db: SousDb, name: string, now = new Date()): Promise<string> {
  const clean = name.trim() || 'Untitled recipe';
  const id = await uniqueRecipeId(db, slugify(clean));
  const recipe: Recipe = { format: RECIPE_FORMAT, id, name: clean, trigger: { kind: 'manual' }, steps: [] };
  await saveRecipe(db, recipe, now);
  return id;
}

/** Rename a recipe: its newest version with the new name, saved as the next version. */
export async function renameRecipe(db: SousDb, id: string, name: string, now = new Date()): Promise<number> {
  const clean = name.trim();
  if (!clean) throw new Error('a recipe needs a name');
  const found = await getRecipe(db, id);
  if (!found) throw new Error(`there is no recipe "${id}"`);
  return (await saveRecipe(db, { ...found.recipe, name: clean }, now)).version;
}

/** A copy of the newest version under a new id (`ID-copy`), named "NAME (copy)"; answers the new id. */
export async function duplicateRecipe(db: SousDb, id: string, now = new Date()): Promise<string> {
  const found = await getRecipe(db, id);
  if (!found) throw new Error(`there is no recipe "${id}"`);
  const copyId = await uniqueRecipeId(db, `${id.slice(0, MAX_SLUG - 5).replace(/-+$/, '')}-copy`);
  await saveRecipe(db, { ...found.recipe, id: copyId, name: `${found.recipe.name} (copy)` }, now, { detail: { copied_from: id } });
  return copyId;
}

/**
 * Delete a recipe and all its versions; answers what `restoreRecipe` needs to put them back. A started
 * recipe stops with it (its triggers no longer fire); Undo brings it back stopped.
 */
export async function deleteRecipe(db: SousDb, id: string): Promise<DeletedRecipe> {
  await assertMay(db, 'edit');
  const deleted = await guardWrite(`deleting recipe "${id}"`, () =>
    db.transaction('rw', db.recipes, db.recipe_versions, db.recipe_states, async () => {
      const row = await db.recipes.get(id);
      if (!row) throw new Error(`there is no recipe "${id}"`);
      const versions = db.recipe_versions.where('[recipe_id+version]').between([id, 0], [id, Infinity]);
      const kept = await versions.toArray();
      await versions.delete();
      await db.recipes.delete(id);
      await db.recipe_states.delete(id);
      return { row, versions: kept };
    })
  );
  await recordAudit(db, { action: 'recipe.delete', target: { kind: 'recipe', id, version: deleted.row.version }, detail: { name: deleted.row.name, versions: deleted.versions.length } });
  return deleted;
}

/** Undo a delete. Refused when a recipe with that id was made in between (nothing is overwritten). */
export async function restoreRecipe(db: SousDb, deleted: DeletedRecipe): Promise<void> {
  const { row, versions } = deleted;
  await assertMay(db, 'edit');
  await guardWrite(`restoring recipe "${row.id}"`, () =>
    db.transaction('rw', db.recipes, db.recipe_versions, async () => {
      if (await db.recipes.get(row.id)) throw new Error(`a recipe "${row.id}" exists again, so the deleted one was not restored`);
      await db.recipe_versions.bulkAdd(versions);
      await db.recipes.add(row);
    })
  );
  await recordAudit(db, { action: 'recipe.restore', target: { kind: 'recipe', id: row.id, version: row.version }, detail: { name: row.name, undeleted: true } });
}
