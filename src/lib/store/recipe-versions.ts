/**
 * The editor's saves: every save is a new version, and restoring an old version saves it again as the
 * newest, so no version is ever overwritten or lost.
 */
import type { Recipe } from '../recipe';
import { getRecipe } from './recipes';
import type { RecipeVersionRow, SousDb } from './db';
import { guardWrite } from './storage-errors';

export type VersionInfo = Pick<RecipeVersionRow, 'version' | 'saved_at'> & { name: string };

/** Save `recipe` as the next version of its id, also when it holds the same as the newest. */
export async function saveVersion(db: SousDb, recipe: Recipe, now = new Date()): Promise<number> {
  return guardWrite(`recipe "${recipe.id}"`, () =>
    db.transaction('rw', db.recipes, db.recipe_versions, async () => {
      const row = await db.recipes.get(recipe.id);
      const version = (row?.version ?? 0) + 1;
      const at = now.toISOString();
      await db.recipe_versions.add({ recipe_id: recipe.id, version, recipe, saved_at: at });
      await db.recipes.put({ id: recipe.id, name: recipe.name, version, updated_at: at });
      return version;
    })
  );
}

/** Every saved version of a recipe, newest first. */
export async function listVersions(db: SousDb, recipeId: string): Promise<VersionInfo[]> {
  const rows = await db.recipe_versions.where('[recipe_id+version]').between([recipeId, 0], [recipeId, Infinity]).toArray();
  return rows.reverse().map((row) => ({ version: row.version, saved_at: row.saved_at, name: row.recipe.name }));
}

/** Save version `version` again as the newest; answers the new version and the recipe it holds. */
export async function restoreVersion(db: SousDb, recipeId: string, version: number, now = new Date()): Promise<{ version: number; recipe: Recipe }> {
  const found = await getRecipe(db, recipeId, version);
  if (!found) throw new Error(`recipe "${recipeId}" has no version ${version}`);
  return { version: await saveVersion(db, found.recipe, now), recipe: found.recipe };
}
