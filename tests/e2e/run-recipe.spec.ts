import { expect, test } from '@playwright/test';
import { importFile, jobStatus, openStudio } from './helpers';

test('imports the big-invoices recipe, runs it and shows the job and its chat message', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await expect(page.getByRole('status')).toHaveText('Imported “Flag big invoices” (big-invoices) as version 1.');
  const listed = page.getByRole('region', { name: 'Recipes' }).getByRole('button', { name: /Flag big invoices/ });
  await expect(listed).toContainText('big-invoices · v1');
  await expect(listed).toContainText('no jobs yet');

  // The form starts from the trigger's fields; a person types the invoices in.
  const input = page.getByLabel('Trigger input (JSON)');
  await expect(input).toHaveValue('{\n  "invoices": []\n}');
  const invoices = [
    { id: 'INV-1', amount: 950 },
    { id: 'INV-2', amount: 120 },
    { id: 'INV-3', amount: 501 }
  ];
  await input.fill(JSON.stringify({ invoices }, null, 2));
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const steps = page.getByRole('list', { name: /^Steps of job/ });
  await expect(steps.getByRole('article')).toHaveCount(7);
  const report = steps.getByRole('article', { name: 'Step report' });
  await expect(report).toContainText('succeeded');
  await expect(report.getByLabel('Output')).toContainText('"text": "Big invoices: INV-1, INV-3"');
  const message = page.getByRole('log', { name: 'Chat' }).getByRole('listitem');
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('#finance');
  await expect(message.getByText('Big invoices: INV-1, INV-3', { exact: true })).toBeVisible();
  await expect(listed).toContainText('succeeded');
  await expect(page.getByRole('region', { name: 'Jobs' }).getByRole('button')).toHaveCount(1);

  await page.screenshot({ path: 'tests/screenshots/spine-page.png', fullPage: true });
});

test('a refused run names the missing input and starts no job', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await page.getByLabel('Trigger input (JSON)').fill('{}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The run was refused: missing required input: invoices');
  await expect(alert).toContainText('invoices: required (list)');
  await expect(page.getByText('No jobs yet: press Run.')).toBeVisible();
});
