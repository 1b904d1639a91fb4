import { expect, test } from '@playwright/test';
import { canvas, openEditor, stepNode } from './editor-helpers';

test('the editor draws a recipe with an if inside a foreach, and looks like a product', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await expect(stepNode(page, 'check')).toBeVisible();
  await expect(canvas(page).locator('.svelte-flow__minimap')).toBeVisible();
  await stepNode(page, 'check').click();
  await expect(stepNode(page, 'check')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'tests/screenshots/editor.png' });
});
