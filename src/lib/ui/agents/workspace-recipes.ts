/** The workspace's recipes, whole (newest versions): the Agents page picks skills from the callable ones. */
import type { Recipe } from '../../recipe';
import { getRecipe, listRecipes, type SousDb } from '../../store';

export async function workspaceRecipes(db: SousDb): Promise<Recipe[]> {
  const out: Recipe[] = [];
  for (const row of await listRecipes(db)) {
    try {
      const found = await getRecipe(db, row.id);
      if (found) out.push(found.recipe);
    } catch {
      // A damaged version is named where it is opened (the editor); here it is simply not offered as a skill.
    }
  }
  return out;
}
