/**
 * The editor's saves: every save is a new version, and restoring an old version saves it again as the
 * newest, so no version is ever overwritten or lost. Like every store write, a save asks whether the
 * current person may edit and is recorded on the audit trail.
 */
import type { Recipe } from '../recipe';
import { recordAudit } from './audit';
import { getRecipe } from './recipes';
import type { RecipeVersionRow, SousDb } from './db';
import { assertMay } from './people';
import { guardWrite } from './storage-errors';

export type VersionInfo = Pick<RecipeVersionRow, 'version' | 'saved_at' | 'note'> & { name: string };

/** What a version note may hold (the row's schema allows 500 characters). */
export const MAX_NOTE_LENGTH = 500;

/**
 * Save `recipe` as the next version of its id, also when it holds the same as the newest. `note`: what
 * the person said of it (blank is none).
 */
export async function saveVersion(db: SousDb, recipe: Recipe, now = new Date(), note?: string): Promise<number> {
  await assertMay(db, 'edit');
  return write(db, recipe, now, cleanNote(note), {});
}

/** Every saved version of a recipe, newest first. */
export async function listVersions(db: SousDb, recipeId: string): Promise<VersionInfo[]> {
  const rows = await db.recipe_versions.where('[recipe_id+version]').between([recipeId, 0], [recipeId, Infinity]).toArray();
  return rows.reverse().map((row) => ({ version: row.version, saved_at: row.saved_at, name: row.recipe.name, ...(row.note ? { note: row.note } : {}) }));
}

/** Save version `version` again as the newest; answers the new version and the recipe it holds. */
export async function restoreVersion(db: SousDb, recipeId: string, version: number, now = new Date()): Promise<{ version: number; recipe: Recipe }> {
  await assertMay(db, 'edit');
  const found = await getRecipe(db, recipeId, version);
  if (!found) throw new Error(`recipe "${recipeId}" has no version ${version}`);
  return { version: await write(db, found.recipe, now, undefined, { restored_from: version }), recipe: found.recipe };
}

function cleanNote(note: string | undefined): string | undefined {
  const trimmed = note?.trim();
  return trimmed ? trimmed.slice(0, MAX_NOTE_LENGTH) : undefined;
}

async function write(db: SousDb, recipe: Recipe, now: Date, note: string | undefined, detail: { restored_from?: number }): Promise<number> {
  const saved = await guardWrite(`recipe "${recipe.id}"`, () =>
    db.transaction('rw', db.recipes, db.recipe_versions, async () => {
      const row = await db.recipes.get(recipe.id);
      const version = (row?.version ?? 0) + 1;
      const at = now.toISOString();
      await db.recipe_versions.add({ recipe_id: recipe.id, version, recipe, saved_at: at, ...(note ? { note } : {}) });
      await db.recipes.put({ id: recipe.id, name: recipe.name, version, updated_at: at });
      return { version, first: !row };
    })
  );
  // After the write, as saveRecipe does: the trail says only what happened.
  await recordAudit(db, {
    action: saved.first ? 'recipe.create' : 'recipe.edit',
    target: { kind: 'recipe', id: recipe.id, version: saved.version },
    detail: { name: recipe.name, ...(note ? { note } : {}), ...detail }
  });
  return saved.version;
}
