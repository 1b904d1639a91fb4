import { expect, test } from '@playwright/test';
import { importFile, jobStatus, openStudio } from './helpers';

test('an approval waits for a person and the job goes on with the answer given on the page', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/approval.recipe.json');
  // The form starts from the trigger's sample.
  await expect(page.getByLabel('Trigger input (JSON)')).toHaveValue('{\n  "amount": 120\n}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(jobStatus(page)).toHaveText('Status: waiting');
  const ask = page.getByRole('article', { name: 'Step ask' });
  await expect(ask).toContainText('Refund 120 EUR?');
  const choices = ask.getByRole('group', { name: 'Answer approval ask' }).getByRole('button');
  await expect(choices).toHaveText(['refund', 'decline']);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();

  await choices.filter({ hasText: 'refund' }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await expect(ask.getByLabel('Output')).toContainText('"choice": "refund"');
  await expect(ask.getByRole('group')).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Chat' })).toContainText('Decision: refund (120 EUR)');
});
