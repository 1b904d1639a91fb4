import { expect, test } from '@playwright/test';
import { importFile, jobStatus, nav, openStep, openStudio, runRecipe, triggerJson } from './helpers';

test('an approval waits for a person and the job goes on with the answer given in the job view', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/approval.recipe.json');
  // The dialog starts from the trigger's sample.
  await page.getByRole('button', { name: 'Run Approve a refund' }).click();
  await expect(page.getByRole('dialog').getByRole('spinbutton', { name: 'amount', exact: true })).toHaveValue('120');
  await expect(await triggerJson(page.getByRole('dialog'), 'Trigger input (JSON)')).toHaveValue('{\n  "amount": 120\n}');
  await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();

  await expect(jobStatus(page)).toHaveText('Status: waiting');
  // The job view opens on the waiting step.
  const ask = page.getByRole('region', { name: 'Step ask' });
  await expect(ask).toContainText('Refund 120 EUR?');
  const choices = ask.getByRole('group', { name: 'Answer approval ask' }).getByRole('button');
  await expect(choices).toHaveText(['refund', 'decline']);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inbox, 1 waiting' })).toBeVisible();

  await choices.filter({ hasText: 'refund' }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const answered = await openStep(page, 'ask');
  await expect(answered.getByLabel('Output', { exact: true })).toContainText('"choice": "refund"');
  await expect(answered.getByRole('group')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();
  await nav(page, 'Chat');
  await expect(page.getByRole('log', { name: 'Chat' })).toContainText('Decision: refund (120 EUR)');
});

test('the inbox lists waiting approvals and answers them', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/approval.recipe.json');
  await runRecipe(page, 'Approve a refund', '{ "amount": 75 }');
  await expect(jobStatus(page)).toHaveText('Status: waiting');
  const job = page.url();

  await nav(page, 'Inbox');
  const card = page.getByRole('list', { name: 'Waiting approvals' }).getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Refund 75 EUR?');
  await expect(card).toContainText('Approve a refund');
  await expect(card).toContainText('for anyone');
  await card.getByRole('group', { name: 'Answer approval ask' }).getByRole('button', { name: 'decline' }).click();
  await expect(page.getByText('Nothing is waiting')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

  await page.goto(job);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await nav(page, 'Chat');
  await expect(page.getByRole('log', { name: 'Chat' })).toContainText('Decision: decline (75 EUR)');
});
