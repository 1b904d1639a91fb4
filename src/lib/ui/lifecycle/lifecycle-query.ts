/**
 * The lifecycles the recipe list and the editor show, read from the store (inside a liveQuery, so they
 * follow a Start or a Stop made in another tab or by the worker).
 */
import type { Recipe } from '../../recipe';
import { getLifecycle, listLifecycles, type SousDb } from '../../store';
import type { RecipeLifecycle } from '../../store/recipe-states';
import type { LifecycleView } from './lifecycle-view';

/** Every recipe's lifecycle view, keyed by recipe id. */
export async function lifecycleViews(db: SousDb): Promise<Map<string, LifecycleView>> {
  const lifecycles = [...(await listLifecycles(db)).values()];
  const views = await withTriggers(db, lifecycles);
  return new Map(views.map((v) => [v.recipe_id, v]));
}

/** One recipe's lifecycle view; undefined when there is no such recipe. */
export async function lifecycleView(db: SousDb, recipeId: string): Promise<LifecycleView | undefined> {
  const lifecycle = await getLifecycle(db, recipeId);
  return lifecycle ? (await withTriggers(db, [lifecycle]))[0] : undefined;
}

/** The newest version's trigger kind and, when started, the active version's trigger (raw rows: no parse needed to show). */
async function withTriggers(db: SousDb, lifecycles: RecipeLifecycle[]): Promise<LifecycleView[]> {
  const newest = await db.recipe_versions.bulkGet(lifecycles.map((l) => [l.recipe_id, l.newest_version] as [string, number]));
  const active = await db.recipe_versions.bulkGet(
    lifecycles.map((l) => [l.recipe_id, l.state === 'started' && l.active_version !== null ? l.active_version : 0] as [string, number])
  );
  return lifecycles.map((l, i) => {
    const recipe: Recipe | undefined = newest[i]?.recipe;
    return { ...l, kind: recipe?.trigger.kind ?? 'manual', ...(active[i] ? { activeTrigger: active[i]!.recipe.trigger } : {}) };
  });
}
