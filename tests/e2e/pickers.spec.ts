/**
 * Pickers, not names: an event trigger's app and event are chosen by their labels (no internal names
 * typed), a condition is built from rows of field · operator · value and shows as JSONata in formula
 * mode, and a schedule is chosen in words and writes its cron.
 */
import { expect, test } from '@playwright/test';
import { importFile, recipeRow } from './helpers';

const RECIPE = {
  format: 'sous.recipe/v1',
  id: 'pick-demo',
  name: 'Pick demo',
  trigger: { kind: 'manual', input: [] },
  steps: [
    { id: 'vendors-search', kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', input: { query: 'Acme' } },
    { id: 'check', kind: 'if', condition: '{{ true }}', then: [] }
  ]
};

test('pick the app and event, build a condition, and choose a schedule in words', async ({ page }) => {
  await page.goto('/');
  await importFile(page, { name: 'pick.recipe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(RECIPE)) });
  await expect(recipeRow(page, 'Pick demo')).toBeVisible();
  await page.goto('/recipes/pick-demo');

  // The trigger: an event, picked as Sandbox mailbox → A mail arrived; nothing is called wrong before.
  await page.getByRole('button', { name: /^Trigger: manual/ }).click();
  const trigger = page.getByRole('region', { name: 'Trigger' });
  await trigger.getByRole('combobox', { name: 'Starts when' }).selectOption('event');
  await expect(trigger.getByRole('alert')).toHaveCount(0);
  await trigger.getByRole('combobox', { name: 'App', exact: true }).selectOption({ label: 'Sandbox mailbox' });
  const event = trigger.getByRole('combobox', { name: 'Event', exact: true });
  await event.selectOption({ label: 'A mail arrived' });
  await expect(event).toHaveValue('mail.received');
  await expect(trigger.getByRole('region', { name: 'What the event gives' })).toContainText('subject');
  await trigger.getByRole('button', { name: 'Show internal names' }).click();
  await expect(trigger.getByRole('textbox', { name: 'Connector id' })).toHaveValue('sandbox.mail');
  await expect(trigger.getByRole('textbox', { name: 'Event name' })).toHaveValue('mail.received');

  // The condition: "vendors is empty", built from rows; formula mode shows the JSONata it wrote.
  await page.getByRole('button', { name: /^Step check/ }).click();
  const check = page.getByRole('region', { name: 'check' });
  await check.getByRole('button', { name: '+ Add a condition' }).click();
  await check.getByRole('combobox', { name: 'Field 1' }).selectOption({ label: 'vendors-search (Search vendors) › vendors' });
  await check.getByRole('combobox', { name: 'Operator 1' }).selectOption({ label: 'is empty' });
  await check.getByRole('button', { name: 'Formula mode for Condition' }).click();
  await expect(check.getByLabel('Condition formula')).toHaveValue('$count(steps.`vendors-search`.vendors) = 0');

  // The schedule: every weekday at 9:00 writes the cron 0 9 * * 1-5.
  await page.getByRole('button', { name: /^Trigger: event/ }).click();
  await trigger.getByRole('combobox', { name: 'Starts when' }).selectOption('schedule');
  await trigger.getByRole('combobox', { name: 'Repeats' }).selectOption({ label: 'Every weekday (Monday to Friday)' });
  await trigger.getByLabel('At', { exact: true }).fill('09:00');
  await expect(trigger.getByTestId('schedule-writes')).toContainText('cron 0 9 * * 1-5');
  await expect(trigger.getByTestId('schedule-writes')).toContainText('At 09:00 on weekdays');
});
