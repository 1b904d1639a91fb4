import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { importFile, nav, openStudio, recipeRow, toast } from './helpers';

test('the audit page shows what was done, a filter narrows it, and the CSV holds the filtered rows', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await nav(page, 'Recipes');
  await page.getByRole('button', { name: 'Duplicate Flag big invoices' }).click();
  await expect(toast(page)).toContainText('Duplicated');
  await expect(recipeRow(page, 'Flag big invoices (copy)')).toBeVisible();

  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit entries, newest first' });
  await expect(table.getByRole('row').filter({ hasText: 'Recipe created' })).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Flag big invoices (copy)');

  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('audit-status')).toContainText('The chain is intact: 2 entries');

  await page.getByLabel('Search').fill('copied_from');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('audit-count')).toHaveText('1 of 2 entries match.');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.startsWith('\uFEFFseq,at,actor,')).toBe(true);
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('recipe.create');
  expect(lines[1]).toContain('copied_from=big-invoices');
});
