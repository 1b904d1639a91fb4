import { expect, test, type Page } from '@playwright/test';
import { canvas, stepNode } from './editor-helpers';
import { importFile, openStudio } from './helpers';

const saveState = (page: Page) => page.getByTestId('save-state');

// A workshop laptop loses its Wi-Fi after one visit to the home page: the editor (never opened online) still
// opens from the installed shell, takes an edit, saves it, and the saved edit is there after an offline reload.
test('offline: the editor opens from the shell cached at install, and an edit saved offline survives a reload', async ({ page, context }) => {
  await openStudio(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await importFile(page, 'tests/fixtures/editor-demo.recipe.json');
  await context.setOffline(true);
  try {
    await page.goto('/recipes/invoice-review');
    await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();
    await canvas(page).getByRole('button', { name: 'Add a step after report' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('searchbox', { name: 'Search steps' })).toBeFocused();
    await page.keyboard.type('stop');
    await page.keyboard.press('Enter');
    await expect(stepNode(page, 'stop')).toBeVisible();
    await expect(saveState(page)).toHaveText('Unsaved changes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(saveState(page)).not.toHaveText('Unsaved changes');

    await page.reload();
    await expect(stepNode(page, 'stop')).toBeVisible();
    await expect(saveState(page)).not.toHaveText('Unsaved changes');
  } finally {
    await context.setOffline(false);
  }
});
