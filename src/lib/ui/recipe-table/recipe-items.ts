/** What a row of the recipes table shows, and the search over it. */
import type { JobRow, RecipeRow } from '../../store/db';

export interface RecipeItem extends RecipeRow {
  /** The recipe's newest job, absent when it never ran. */
  last?: JobRow;
}

/** The actions a row offers; the page does them. */
export interface RecipeActions {
  run: (item: RecipeItem) => void;
  rename: (item: RecipeItem) => void;
  duplicate: (item: RecipeItem) => void;
  exportFile: (item: RecipeItem) => void;
  remove: (item: RecipeItem) => void;
}

/** Rows whose name or id holds every word of `query` (any case, any order). */
export function searchRecipes<T extends RecipeRow>(items: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = `${item.name} ${item.id}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
