/** Recipes and every saved version of each; the engine reads them through `DexieRecipeSource`. */
import type { RecipeSource } from '../engine/ports';
import { formatIssue, fromZodIssues, type Recipe } from '../recipe';
import type { AuditInput } from '../audit/schema';
import { recordAudit } from './audit';
import { RecipeVersionRowSchema, type RecipeRow, type SousDb } from './db';
import { assertMay } from './people';
import { guardWrite } from './storage-errors';

/** How a save is recorded in the audit trail: as an import, or with more facts (e.g. what it copied). */
export interface SaveAudit {
  action?: 'recipe.import';
  detail?: AuditInput['detail'];
}

/**
 * Save a recipe as its next version. Saving what the newest version already holds (importing the same
 * file twice) adds no version: the answer is the version that holds it.
 */
export async function saveRecipe(db: SousDb, recipe: Recipe, now = new Date(), audit: SaveAudit = {}): Promise<{ version: number; created: boolean }> {
  await assertMay(db, 'edit');
  const saved = await guardWrite(`recipe "${recipe.id}"`, () =>
    db.transaction('rw', db.recipes, db.recipe_versions, async () => {
      const row = await db.recipes.get(recipe.id);
      if (row) {
        const newest = await db.recipe_versions.get([recipe.id, row.version]);
        if (newest && JSON.stringify(newest.recipe) === JSON.stringify(recipe)) return { version: row.version, created: false, first: false };
      }
      const version = (row?.version ?? 0) + 1;
      const at = now.toISOString();
      await db.recipe_versions.add({ recipe_id: recipe.id, version, recipe, saved_at: at });
      await db.recipes.put({ id: recipe.id, name: recipe.name, version, updated_at: at });
      return { version, created: true, first: !row };
    })
  );
  // An import is recorded even when it added no version (the same file again): the person did import it.
  if (saved.created || audit.action) {
    const action = audit.action ?? (saved.first ? 'recipe.create' : 'recipe.edit');
    await recordAudit(db, { action, target: { kind: 'recipe', id: recipe.id, version: saved.version }, detail: { name: recipe.name, ...audit.detail } });
  }
  return { version: saved.version, created: saved.created };
}

export function listRecipes(db: SousDb): Promise<RecipeRow[]> {
  return db.recipes.orderBy('updated_at').reverse().toArray();
}

/**
 * One version of a recipe (the newest when `version` is absent). A stored row is checked against the
 * schema on the way out, so a damaged or outdated row is named instead of failing somewhere mid-job.
 */
export async function getRecipe(db: SousDb, id: string, version?: number | null): Promise<{ recipe: Recipe; version: number } | undefined> {
  const wanted = version ?? (await db.recipes.get(id))?.version;
  if (wanted === undefined) return undefined;
  const row = await db.recipe_versions.get([id, wanted]);
  if (!row) return undefined;
  const parsed = RecipeVersionRowSchema.safeParse(row);
  if (!parsed.success) {
    const problems = fromZodIssues(parsed.error.issues, row).map(formatIssue).join('; ');
    throw new Error(`the saved version ${wanted} of recipe "${id}" is damaged: ${problems}`);
  }
  return { recipe: parsed.data.recipe, version: parsed.data.version };
}

export class DexieRecipeSource implements RecipeSource {
  constructor(private readonly db: SousDb) {}
  get(id: string, version?: number | null) {
    return getRecipe(this.db, id, version);
  }
}
