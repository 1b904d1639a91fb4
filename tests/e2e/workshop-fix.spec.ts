/**
 * A participant's whole exercise loop (issue 15): import the trainer's pack and map its connection
 * reference to a connection here, start the exercise, bring in a first try that is wrong, check it (one
 * test fails, with its first difference), fix the condition in the editor, save, check again: all pass.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { canvas, stepNode } from './editor-helpers';
import { importFile, nav, openStudio, recipeRow, storeConnections, toast } from './helpers';

const PACK = JSON.parse(readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8'));

test('map a connection on import, a check fails with its first difference, fixed in the editor it passes', async ({ page }) => {
  await openStudio(page);
  await storeConnections(page, [{ id: 'c-erp', connector: 'sandbox.erp', label: 'Our ERP' }]);
  const pack = structuredClone(PACK);
  pack.recipes[0].connections = { erp: { connector: 'sandbox.erp', label: 'Company ERP' } };

  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Packs' }).click();
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles({ name: 'room.sous-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await page.getByLabel('Company ERP (sandbox.erp) for “Flag big invoices (start here)”').selectOption({ label: 'Our ERP' });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(toast(page)).toContainText('Imported “Finance workshop”');

  await nav(page, 'Recipes');
  await recipeRow(page, 'Flag big invoices (start here)').getByRole('link').first().click();
  const task = page.getByRole('complementary', { name: 'Exercise' });
  await task.getByRole('button', { name: 'Start this exercise' }).click();
  await expect(page).toHaveURL(/\/recipes\/flag-big$/);

  // A first try built elsewhere: it flags an invoice of exactly 500 too.
  await nav(page, 'Recipes');
  await importFile(page, 'tests/fixtures/packs/submissions/ben.recipe.json');
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.goto('/recipes/flag-big');
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByRole('status')).toContainText('1 of 2 tests passed');
  const failed = task.getByRole('listitem').filter({ hasText: 'none big' });
  await expect(failed).toContainText('Failed');
  await expect(failed).toContainText('expected 0 messages, got 1');

  // The fix, in the editor: "greater than", not "at least".
  await page.getByRole('button', { name: /fit view/i }).click();
  await expect(canvas(page)).toHaveAttribute('data-settled', 'true');
  await stepNode(page, 'big').click();
  await expect(stepNode(page, 'big')).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel(/^Operator/).first().selectOption('gt');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/^Saved · version \d+$/)).toBeVisible();
  await task.getByRole('button', { name: 'Check' }).click();
  await expect(task.getByRole('status')).toContainText('All 2 tests passed.');
});
