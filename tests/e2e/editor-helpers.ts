/** What the editor's browser tests share: opening a recipe's editor, finding nodes and + buttons. */
import { expect, type Page } from '@playwright/test';
import { importFile, openStudio } from './helpers';

/** Import a fixture through the recipes page, then open its editor by its address. */
export async function openEditor(page: Page, fixture: string, id: string): Promise<void> {
  await openStudio(page);
  await importFile(page, `tests/fixtures/${fixture}`);
  await expect(page.getByRole('link', { name: /./ }).filter({ hasText: id }).or(page.getByText(id)).first()).toBeVisible();
  await page.goto(`/recipes/${id}`);
  await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();
}

export function canvas(page: Page) {
  return page.getByTestId('canvas');
}

/** A step's node (its button), by the step id. */
export function stepNode(page: Page, id: string) {
  return canvas(page).locator(`[data-step="${id}"]`);
}

/** The ids of the top-level steps as the canvas draws them, top to bottom. */
export async function stepOrder(page: Page, ids: string[]): Promise<string[]> {
  const ys = await Promise.all(ids.map(async (id) => [id, (await stepNode(page, id).boundingBox())?.y ?? 0] as const));
  return ys.sort((a, b) => a[1] - b[1]).map(([id]) => id);
}
