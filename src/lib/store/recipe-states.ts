/**
 * Started or stopped: which recipes' triggers fire, and on which version. The checks that decide whether
 * a recipe may start (lint, policy, connections) live in src/lib/triggers/lifecycle/; this only records.
 */
import type { Recipe } from '../recipe';
import { recordAudit } from './audit';
import { RecipeStateRowSchema, type RecipeStateRow, type SousDb } from './db';
import { assertMay } from './people';
import { getRecipe } from './recipes';
import { guardWrite } from './storage-errors';

/** How a recipe stands: a recipe with no row is stopped. `draft`: a newer version than the active one exists. */
export interface RecipeLifecycle {
  recipe_id: string;
  state: 'started' | 'stopped';
  active_version: number | null;
  newest_version: number;
  draft: boolean;
  changed_at: string | null;
}

export async function getRecipeState(db: SousDb, recipeId: string): Promise<RecipeStateRow | undefined> {
  const row = await db.recipe_states.get(recipeId);
  return row ? RecipeStateRowSchema.parse(row) : undefined;
}

/** Every recipe's lifecycle, keyed by recipe id (for the recipe list). */
export async function listLifecycles(db: SousDb): Promise<Map<string, RecipeLifecycle>> {
  const [recipes, states] = await Promise.all([db.recipes.toArray(), db.recipe_states.toArray()]);
  const byId = new Map(states.map((s) => [s.recipe_id, s]));
  return new Map(recipes.map((r) => [r.id, lifecycleOf(r.id, r.version, byId.get(r.id))]));
}

export async function getLifecycle(db: SousDb, recipeId: string): Promise<RecipeLifecycle | undefined> {
  const [row, state] = await Promise.all([db.recipes.get(recipeId), db.recipe_states.get(recipeId)]);
  return row ? lifecycleOf(recipeId, row.version, state) : undefined;
}

function lifecycleOf(recipeId: string, newest: number, state: RecipeStateRow | undefined): RecipeLifecycle {
  const active = state?.active_version ?? null;
  const started = state?.state === 'started';
  return {
    recipe_id: recipeId,
    state: started ? 'started' : 'stopped',
    active_version: active,
    newest_version: newest,
    draft: started && active !== null && newest > active,
    changed_at: state?.changed_at ?? null
  };
}

/** Record a recipe as started on `version` (also "Start this version" on a started one). */
export async function markStarted(db: SousDb, recipeId: string, version: number, now = new Date()): Promise<void> {
  await assertMay(db, 'start');
  await guardWrite(`recipe "${recipeId}"`, async () => {
    await db.recipe_states.put({ recipe_id: recipeId, state: 'started', active_version: version, changed_at: now.toISOString() });
  });
  await recordAudit(db, { action: 'recipe.start', target: { kind: 'recipe', id: recipeId, version } });
}

/** Record a recipe as stopped; its active version is kept, so the list can say what ran last. */
export async function markStopped(db: SousDb, recipeId: string, now = new Date()): Promise<void> {
  await assertMay(db, 'start');
  const active = await guardWrite(`recipe "${recipeId}"`, async () => {
    const row = await db.recipe_states.get(recipeId);
    await db.recipe_states.put({ recipe_id: recipeId, state: 'stopped', active_version: row?.active_version ?? null, changed_at: now.toISOString() });
    return row?.active_version ?? null;
  });
  await recordAudit(db, { action: 'recipe.stop', target: { kind: 'recipe', id: recipeId, ...(active ? { version: active } : {}) } });
}

/**
 * Every started recipe at its active version: what triggers fire. `kinds` narrows to trigger kinds. A
 * started recipe whose active version cannot be read is named through `onProblem` and left out.
 */
export async function startedRecipes(
  db: SousDb,
  kinds?: ReadonlyArray<Recipe['trigger']['kind']>,
  onProblem: (recipeId: string, message: string) => void = () => {}
): Promise<Array<{ recipe: Recipe; version: number }>> {
  const started = await db.recipe_states.where('state').equals('started').toArray();
  const found: Array<{ recipe: Recipe; version: number }> = [];
  for (const state of started) {
    if (state.active_version === null) continue;
    try {
      const saved = await getRecipe(db, state.recipe_id, state.active_version);
      if (!saved) {
        onProblem(state.recipe_id, `its active version ${state.active_version} is not there`);
        continue;
      }
      if (!kinds || kinds.includes(saved.recipe.trigger.kind)) found.push(saved);
    } catch (err) {
      onProblem(state.recipe_id, err instanceof Error ? err.message : String(err));
    }
  }
  return found;
}
