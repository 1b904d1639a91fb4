/**
 * "Use template" for a recipe template: the tables it writes to are made if missing, then its recipe is
 * imported through the engine under an id no recipe has yet (a second use makes a second recipe, never a
 * new version of the first). Answers the new recipe's id, for the editor to open.
 */
import { exportRecipe, formatIssue, type RecipeIssue } from '../../recipe';
import type { RecipeTemplate } from '../../templates';
import type { TablesOps } from '../../connectors/tables/ops';
import { locale, t } from '$lib/i18n';

export interface UseTemplateDeps {
  importRecipe(text: string): Promise<{ ok: true } | { ok: false; issues: RecipeIssue[] }>;
  uniqueId(base: string): Promise<string>;
  tables: Pick<TablesOps, 'list' | 'createTable'>;
}

export async function useTemplate(deps: UseTemplateDeps, template: RecipeTemplate): Promise<string> {
  const existing = new Set((await deps.tables.list()).map((t) => t.name.toLowerCase()));
  for (const table of template.tables ?? []) if (!existing.has(table.name.toLowerCase())) await deps.tables.createTable(table.name, table.columns);
  const id = await deps.uniqueId(template.recipe.id);
  const result = await deps.importRecipe(exportRecipe({ ...template.recipe, id }).text);
  if (!result.ok) throw new Error(t('jobs:templates.failed', { title: template.title[locale.current], issues: result.issues.map(formatIssue).join('; ') }));
  return id;
}
