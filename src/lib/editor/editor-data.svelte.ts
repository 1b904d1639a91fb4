/**
 * What the editor reads from the store, live: the saved versions, the latest test job of the recipe,
 * the workspace's recipe ids (for lint's `call` check). Also the problems of the recipe being edited.
 */
import { studioCatalog } from '../connectors/catalog';
import type { Job, Recipe } from '../recipe';
import { lintRecipe, type Problem } from '../lint/lint';
import { jobsOfRecipe, readJob, type SousDb } from '../store';
import { listVersions } from '../store/recipe-versions';
import { live } from '../ui/live.svelte';

export function editorData(db: SousDb, recipeId: () => string) {
  const versions = live(recipeId, (id) => listVersions(db, id));
  const job = live(recipeId, async (id): Promise<Job | null> => {
    const [row] = await jobsOfRecipe(db, id, 1);
    return row ? ((await readJob(db, row.id)) ?? null) : null;
  });
  const recipeIds = live(recipeId, () => db.recipes.toCollection().primaryKeys() as Promise<string[]>);
  return { versions, job, recipeIds };
}

/** The recipe's problems, and the same grouped by step id for the canvas's badges. */
export function problemsOf(recipe: Recipe, knownRecipes: readonly string[] | undefined): { list: Problem[]; byStep: Map<string, string[]> } {
  const list = lintRecipe(recipe, studioCatalog(), knownRecipes ? { knownRecipes } : {});
  const byStep = new Map<string, string[]>();
  for (const problem of list) {
    if (problem.step === null) continue;
    byStep.set(problem.step, [...(byStep.get(problem.step) ?? []), problem.message]);
  }
  return { list, byStep };
}
