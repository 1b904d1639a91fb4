/**
 * What the editor reads from the store, live: the saved versions, the latest test job of the recipe,
 * the workspace's recipe ids (for lint's `call` check) and newest versions (for the effect of `call` steps),
 * and the connections bound on this machine (so a connection not set up is a problem before a run).
 * Also the problems and the effect of the recipe being edited.
 */
import { studioCatalog } from '../connectors/catalog';
import type { Job, Recipe } from '../recipe';
import type { RecipeEffect } from '../connectors/effects';
import { lintReport, type Bindings, type Problem } from '../lint/lint';
import { jobsOfRecipe, readJob, type SousDb } from '../store';
import { listVersions } from '../store/recipe-versions';
import { readPolicy } from '../store/governance';
import type { Policy } from '../policy/schema';
import { live } from '../ui/live.svelte';
import { problemText } from '../ui/problems/problem-text';
import { boundConnectors } from '../worker/lifecycle-host';

export function editorData(db: SousDb, recipeId: () => string) {
  const versions = live(recipeId, (id) => listVersions(db, id));
  const job = live(recipeId, async (id): Promise<Job | null> => {
    const [row] = await jobsOfRecipe(db, id, 1);
    return row ? ((await readJob(db, row.id)) ?? null) : null;
  });
  const recipeIds = live(recipeId, () => db.recipes.toCollection().primaryKeys() as Promise<string[]>);
  const recipes = live(recipeId, () => newestRecipes(db));
  const bindings = live(recipeId, (id): Promise<Bindings> => boundConnectors(db, id));
  // The policy in force: what it forbids is a problem on its step before any run refuses it.
  const policy = live(recipeId, async (): Promise<Policy | null> => (await readPolicy(db))?.policy ?? null);
  return { versions, job, recipeIds, recipes, bindings, policy };
}

/** Every recipe's newest saved version, by id: what a `call` step runs. */
async function newestRecipes(db: SousDb): Promise<Map<string, Recipe>> {
  const rows = await db.recipes.toArray();
  const versions = await db.recipe_versions.bulkGet(rows.map((r) => [r.id, r.version] as [string, number]));
  return new Map(versions.flatMap((v) => (v ? [[v.recipe_id, v.recipe] as const] : [])));
}

/**
 * The recipe's problems, the same grouped by step id for the canvas's badges, and what the recipe does.
 * With `bindings` (this machine's, once read) connections count too, as a run would check them.
 */
export function problemsOf(
  recipe: Recipe,
  knownRecipes: readonly string[] | undefined,
  recipes?: ReadonlyMap<string, Recipe>,
  bindings?: Bindings,
  policy?: Policy | null
): { list: Problem[]; byStep: Map<string, string[]>; effect: RecipeEffect } {
  const options = { ...(knownRecipes ? { knownRecipes } : {}), ...(bindings ? { bindings } : {}), ...(policy ? { policy } : {}), recipe: (id: string) => recipes?.get(id) };
  const { problems: list, effect } = lintReport(recipe, studioCatalog(), options);
  const byStep = new Map<string, string[]>();
  for (const problem of list) {
    if (problem.step === null) continue;
    byStep.set(problem.step, [...(byStep.get(problem.step) ?? []), problemText(problem)]);
  }
  return { list, byStep, effect };
}
