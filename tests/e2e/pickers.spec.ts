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
  // At 1280×720 the row's controls stay inside the inspector (they wrap rather than overflow).
  const panel = (await check.boundingBox())!;
  for (const control of [check.getByRole('combobox', { name: 'Field 1' }), check.getByRole('combobox', { name: 'Operator 1' })]) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
  }
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

const TO_PEOPLE = {
  format: 'sous.recipe/v1',
  id: 'pick-people',
  name: 'Pick people',
  trigger: { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' },
  steps: [
    { id: 'reply', kind: 'action', connector: 'sandbox.mail', action: 'messages.send', input: { to: '', subject: 'Thanks', body: '' } },
    { id: 'ask', kind: 'approval', message: 'OK?' },
    { id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: '{{ trigger.to }}', text: 'hi' } }
  ]
};

test('recipients, assignees and channels are chosen from what exists; pills show the sample’s values and types', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Recipe file (.json)').setInputFiles({ name: 'people.recipe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TO_PEOPLE)) });
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(recipeRow(page, 'Pick people')).toBeVisible();
  await page.goto('/recipes/pick-people');

  // A mail's recipient: the sandbox HR app's people, by name and address; choosing one fills the box.
  await page.getByRole('button', { name: /^Step reply/ }).click();
  const reply = page.getByRole('region', { name: 'reply' });
  const to = reply.getByRole('combobox', { name: 'To from the list' });
  await expect(to.locator('optgroup[label="People"] option').first()).toHaveText(/<.+@.+>/);
  const first = await to.locator('optgroup[label="People"] option').first().getAttribute('value');
  await to.selectOption(first ?? '');
  await expect(reply.getByRole('textbox', { name: 'To', exact: true })).toHaveValue(first ?? '');

  // The pills before any run: the trigger's sample (the latest mail), each with its type.
  await reply.getByRole('button', { name: 'Insert data into Body' }).click();
  await expect(reply.getByRole('option', { name: /^from_email ".+@.+" text$/ })).toBeVisible();
  await expect(reply.getByRole('option', { name: /^attachments list of \d+$/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // An approval's assignee: roles (the HR departments) and people.
  await page.getByRole('button', { name: /^Step ask/ }).click();
  const ask = page.getByRole('region', { name: 'ask' });
  const assignee = ask.getByRole('combobox', { name: 'Assignee from the list' });
  await assignee.selectOption('finance');
  await expect(ask.getByRole('textbox', { name: 'Assignee', exact: true })).toHaveValue('finance');

  // A channel written as data is "Other…", its box keeps the pill.
  await page.getByRole('button', { name: /^Step tell/ }).click();
  const tell = page.getByRole('region', { name: 'tell' });
  await expect(tell.getByRole('combobox', { name: 'Channel from the list' })).toHaveValue(/other/);
  await expect(tell.getByRole('textbox', { name: 'Channel', exact: true })).toHaveValue('{{ trigger.to }}');
});
