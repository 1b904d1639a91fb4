/** What the Connections page reads: the connections, and each recipe reference with its chosen connection. */
import type { SousDb } from './db';
import { getRecipe, listRecipes } from './recipes';

export interface RecipeRef {
  recipe_id: string;
  recipe_name: string;
  ref: string;
  connector: string;
  label?: string;
  /** The connection chosen for it on this machine, if any. */
  connection_id?: string;
}

/** Every named connection reference of every recipe's newest version, with its binding. */
export async function recipeRefs(db: SousDb): Promise<RecipeRef[]> {
  const bindings = new Map((await db.connection_bindings.toArray()).map((b) => [`${b.recipe_id}\u0000${b.ref}`, b.connection_id]));
  const out: RecipeRef[] = [];
  for (const row of await listRecipes(db)) {
    const found = await getRecipe(db, row.id);
    for (const [ref, use] of Object.entries(found?.recipe.connections ?? {})) {
      out.push({
        recipe_id: row.id,
        recipe_name: row.name,
        ref,
        connector: use.connector,
        label: use.label,
        connection_id: bindings.get(`${row.id}\u0000${ref}`)
      });
    }
  }
  return out;
}
