import { expect, test } from '@playwright/test';
import { importFile, jobStatus, nav, openStep, openStudio, recipeRow, runRecipe, toast, triggerJson } from './helpers';

test('imports the big-invoices recipe, runs it and shows the job and its chat message', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await expect(toast(page)).toHaveText(/Imported “Flag big invoices” \(big-invoices\) as version 1\./);
  const listed = recipeRow(page, 'Flag big invoices');
  await expect(listed).toContainText('big-invoices');
  await expect(listed).toContainText('v1');
  await expect(listed).toContainText('no jobs yet');

  // The run dialog starts from the trigger's fields; a person types the invoices in.
  await page.getByRole('button', { name: 'Run Flag big invoices' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'invoices', exact: true })).toHaveValue('[]');
  const input = await triggerJson(page.getByRole('dialog'), 'Trigger input (JSON)');
  await expect(input).toHaveValue('{\n  "invoices": []\n}');
  const invoices = [
    { id: 'INV-1', amount: 950 },
    { id: 'INV-2', amount: 120 },
    { id: 'INV-3', amount: 501 }
  ];
  await input.fill(JSON.stringify({ invoices }, null, 2));
  await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);

  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const steps = page.getByRole('list', { name: /^Steps of job/ });
  await expect(steps.getByRole('listitem')).toHaveCount(7);
  const report = await openStep(page, 'report');
  await expect(report).toContainText('succeeded');
  await expect(report.getByLabel('Output', { exact: true })).toContainText('"text": "Big invoices: INV-1, INV-3"');

  await nav(page, 'Chat');
  const message = page.getByRole('log', { name: 'Chat' }).getByRole('listitem');
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('#finance');
  await expect(message.getByText('Big invoices: INV-1, INV-3', { exact: true })).toBeVisible();

  await nav(page, 'Recipes');
  await expect(listed).toContainText('succeeded');
  await nav(page, 'Jobs');
  await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('row')).toHaveCount(2); // the header and the one job
});

test('a refused run names the missing input and starts no job', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await page.getByRole('button', { name: 'Run Flag big invoices' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run “Flag big invoices”' });
  await (await triggerJson(dialog, 'Trigger input (JSON)')).fill('{}');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The run was refused: missing required input: invoices');
  await expect(alert).toContainText('invoices: required (list)');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(recipeRow(page, 'Flag big invoices')).toContainText('no jobs yet');
  await nav(page, 'Jobs');
  await expect(page.getByText('No jobs yet: run a recipe from the Recipes page.')).toBeVisible();
});

test('the run dialog is keyboard usable: Escape closes it, and Run starts the job', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/approval.recipe.json');
  const run = page.getByRole('button', { name: 'Run Approve a refund' });
  await run.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Run “Approve a refund”' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await runRecipe(page, 'Approve a refund');
  await expect(jobStatus(page)).toHaveText('Status: waiting');
});
