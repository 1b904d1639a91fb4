/**
 * Workshop mode (issue 15): a participant imports the trainer's pack, starts an exercise from its starter,
 * checks it with one click and sees the failing test's first difference, brings in a fixed recipe (Replace),
 * checks again and sees every test pass.
 */
import { expect, test } from '@playwright/test';
import { importFile, nav, openStudio, recipeRow } from './helpers';

test('import a pack, start an exercise, a check fails with its first difference, the fixed recipe passes', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Packs' }).click();
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles('tests/fixtures/packs/finance-workshop.sous-pack.json');
  const preview = page.getByRole('region', { name: 'Import “Finance workshop”?' });
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden();

  await nav(page, 'Recipes');
  await recipeRow(page, 'Flag big invoices (start here)').getByRole('link').first().click();
  const task = page.getByRole('complementary', { name: 'Exercise' });
  await expect(task).toContainText('Post the ids of invoices over 500 to the finance channel.');
  await task.getByRole('button', { name: 'Start this exercise' }).click();
  await expect(page).toHaveURL(/\/recipes\/flag-big$/);

  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByRole('status')).toContainText('1 of 2 tests passed');
  await expect(task.getByRole('listitem').first()).toContainText('Failed');
  await expect(task.getByRole('listitem').first()).toContainText('chat');

  // The participant's fixed recipe (built elsewhere) replaces the starter copy as its next version.
  await nav(page, 'Recipes');
  await importFile(page, 'tests/fixtures/packs/submissions/ana.recipe.json');
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.goto('/recipes/flag-big');
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByRole('status')).toContainText('All 2 tests passed.');
});
