import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { exportRecipe, parseRecipeText } from '../../src/lib/recipe';
import { fixture, importFile, jobStatus, nav, openStudio, recipeRow, runRecipe, toast } from './helpers';

async function newRecipe(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.getByRole('button', { name: '+ New recipe' }).click();
  const dialog = page.getByRole('dialog', { name: 'New recipe' });
  await dialog.getByLabel('Recipe name').fill(name);
  await dialog.getByLabel('Recipe name').press('Enter');
}

test('create a blank recipe: it asks a name, makes a unique id and opens the editor', async ({ page }) => {
  await openStudio(page);
  await newRecipe(page, 'Weekly report');
  await expect(page).toHaveURL(/\/recipes\/weekly-report$/);
  await nav(page, 'Recipes');
  await expect(recipeRow(page, 'Weekly report')).toContainText('weekly-report');
  await expect(recipeRow(page, 'Weekly report')).toContainText('v1');

  // The same name again gets the next free id.
  await newRecipe(page, 'Weekly report');
  await expect(page).toHaveURL(/\/recipes\/weekly-report-2$/);
  await nav(page, 'Recipes');
  await expect(page.getByRole('table', { name: 'Recipes' }).getByText('weekly-report-2', { exact: true })).toBeVisible();

  // A name is needed.
  await page.getByRole('button', { name: '+ New recipe' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('A recipe needs a name.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('duplicate, rename, search, and delete with undo', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await runRecipe(page, 'Flag big invoices', JSON.stringify({ invoices: [] }));
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await nav(page, 'Recipes');

  await page.getByRole('button', { name: 'Duplicate Flag big invoices' }).click();
  await expect(toast(page)).toContainText('Duplicated “Flag big invoices” as big-invoices-copy.');
  await expect(recipeRow(page, 'Flag big invoices (copy)')).toContainText('big-invoices-copy');
  await expect(recipeRow(page, 'Flag big invoices (copy)')).toContainText('no jobs yet');
  await expect(recipeRow(page, 'Flag big invoices')).toContainText('succeeded');

  await page.getByRole('button', { name: 'Rename Flag big invoices (copy)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename “Flag big invoices (copy)”' });
  await expect(dialog.getByLabel('Recipe name')).toHaveValue('Flag big invoices (copy)');
  await dialog.getByLabel('Recipe name').fill('Huge invoices');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(recipeRow(page, 'Huge invoices')).toContainText('v2');

  const search = page.getByRole('searchbox', { name: 'Search recipes' });
  await search.fill('huge');
  await expect(page.getByRole('table', { name: 'Recipes' }).getByRole('row')).toHaveCount(2);
  await search.fill('big-invoices-copy');
  await expect(recipeRow(page, 'Huge invoices')).toBeVisible();
  await search.fill('nothing like it');
  await expect(page.getByText('No recipe matches “nothing like it”.')).toBeVisible();
  await search.fill('');

  await page.getByRole('button', { name: 'Delete Huge invoices' }).click();
  await expect(toast(page)).toContainText('Deleted Huge invoices');
  await expect(recipeRow(page, 'Huge invoices')).toHaveCount(0);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(recipeRow(page, 'Huge invoices')).toContainText('v2');

  // Its versions came back too: a rename makes version 3.
  await page.getByRole('button', { name: 'Rename Huge invoices' }).click();
  await page.getByRole('dialog').getByLabel('Recipe name').fill('Huge ones');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(recipeRow(page, 'Huge ones')).toContainText('v3');
  await page.screenshot({ path: 'tests/screenshots/recipes.png' });
});

test('export downloads ID.recipe.json as exportRecipe writes it, and says when secrets were blanked', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await importFile(page, 'tests/fixtures/with-secret.recipe.json');

  for (const [name, file, id] of [
    ['Flag big invoices', 'tests/conformance/big-invoices.recipe.json', 'big-invoices'],
    ['Call an API with a key', 'tests/fixtures/with-secret.recipe.json', 'with-secret']
  ]) {
    const waiting = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${name}` }).click();
    const download = await waiting;
    expect(download.suggestedFilename()).toBe(`${id}.recipe.json`);
    const parsed = parseRecipeText(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    expect(readFileSync(await download.path(), 'utf8')).toBe(exportRecipe(parsed.recipe).text);
  }
  await expect(toast(page)).toHaveText(/Exported with-secret\.recipe\.json; secrets were blanked at steps\[0\]\.input\.headers\.Authorization\./);
  expect(fixture('with-secret.recipe.json')).toContain('sk-live-123');
});

test('the left nav is reachable by keyboard and marks the current section', async ({ page }) => {
  await openStudio(page);
  const studio = page.getByRole('navigation', { name: 'Studio' });
  await expect(studio.getByRole('link', { name: 'Recipes' })).toHaveAttribute('aria-current', 'page');
  await studio.getByRole('link', { name: 'Jobs' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(studio.getByRole('link', { name: 'Jobs' })).toHaveAttribute('aria-current', 'page');
  await studio.getByRole('link', { name: 'Inbox' }).focus();
  await page.keyboard.press('Tab');
  await expect(studio.getByRole('link', { name: 'Chat' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole('heading', { name: 'Chat', level: 1 })).toBeVisible();
});
