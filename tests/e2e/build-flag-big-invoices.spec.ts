/**
 * A new user builds the format spec's "Flag big invoices" example on the canvas, by pointer and keyboard
 * only (no recipe JSON typed anywhere), runs it with sample data and checks the job's output.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvas, stepNode } from './editor-helpers';
import { jobStatus, nav, openStep, openStudio } from './helpers';

const INVOICES = [
  { id: 'INV-1', amount: 950 },
  { id: 'INV-2', amount: 120 },
  { id: 'INV-3', amount: 501 }
];

const saveState = (page: Page) => page.getByTestId('save-state');
const picker = (page: Page) => page.getByRole('dialog', { name: 'Add a step' });

/** Create a blank recipe from the recipes page; ends in its editor. */
async function createBlank(page: Page, name: string): Promise<void> {
  await openStudio(page);
  await page.getByRole('button', { name: '+ New recipe' }).click();
  await page.getByLabel('Recipe name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/recipes\/[\w-]+$/);
  await expect(canvas(page).getByRole('button', { name: /^Trigger: manual/ })).toBeVisible();
}

/** Rename the selected step's id in the inspector; answers the inspector under its new id. */
async function renameStep(page: Page, from: string, to: string) {
  const id = page.getByRole('region', { name: from }).getByRole('textbox', { name: 'Id', exact: true });
  await id.fill(to);
  await id.press('Enter');
  await expect(stepNode(page, to)).toBeVisible();
  return page.getByRole('region', { name: to });
}

test('a new user builds "Flag big invoices" on the canvas, runs it with sample data and gets the report', async ({ page }) => {
  await createBlank(page, 'Flag big invoices');

  // The manual trigger takes one required list, "invoices".
  await canvas(page).getByRole('button', { name: /^Trigger: manual/ }).click();
  const trigger = page.getByRole('region', { name: 'Trigger' });
  await trigger.getByRole('button', { name: '+ Add input' }).click();
  await trigger.getByRole('textbox', { name: 'Name', exact: true }).fill('invoices');
  await trigger.getByRole('combobox', { name: 'Type' }).selectOption('list');
  await trigger.getByRole('checkbox', { name: /^Required/ }).check();
  await expect(canvas(page).getByRole('button', { name: /^Trigger: manual/ })).toContainText('invoices');

  // A foreach at the start; its list comes from the data-pill picker, by keyboard.
  await canvas(page).getByRole('button', { name: 'Add a step at the start' }).click();
  await picker(page).getByRole('button', { name: /For each/ }).click();
  await expect(picker(page)).toBeHidden();
  const each = await renameStep(page, 'for_each', 'each');
  const items = each.getByRole('textbox', { name: 'Items', exact: true });
  await items.fill('');
  await each.getByRole('button', { name: 'Insert data into Items' }).click();
  const pills = page.getByRole('dialog', { name: 'Data for Items' });
  await expect(pills.getByRole('option', { name: /^invoices/ })).toBeVisible();
  await page.keyboard.type('invoices');
  await page.keyboard.press('Enter');
  await expect(pills).toBeHidden();
  await expect(items).toHaveValue('{{ trigger.invoices }}');
  await each.getByRole('textbox', { name: 'As', exact: true }).fill('inv');
  await expect(stepNode(page, 'each')).toContainText('inv');

  // Inside the loop, an if on the invoice's amount.
  await canvas(page).getByRole('button', { name: 'Add a step at the start of the loop in each' }).click();
  await picker(page).getByRole('button', { name: /If \/ else/ }).click();
  const check = await renameStep(page, 'if_else', 'check');
  await check.getByRole('textbox', { name: 'Condition', exact: true }).fill('{{ inv.amount > 500 }}');

  // In its then branch, a set step that appends the invoice's id to vars.flagged.
  await page.getByRole('button', { name: /fit view/i }).click();
  await canvas(page).getByRole('button', { name: 'Add a step at the start of then in check' }).click();
  await picker(page).getByRole('button', { name: /Set variables/ }).click();
  const flag = await renameStep(page, 'set_variables', 'flag');
  await flag.getByRole('button', { name: '+ Add values' }).click();
  const key = flag.getByRole('textbox', { name: 'Values name 1' });
  await key.fill('flagged');
  await key.press('Tab');
  await flag.getByRole('textbox', { name: 'flagged value', exact: true }).fill('{{ $append(vars.flagged, inv.id) }}');

  // After the loop, a chat post to finance, found in the picker by typing.
  await page.getByRole('button', { name: /fit view/i }).click();
  await canvas(page).getByRole('button', { name: 'Add a step after each' }).focus();
  await page.keyboard.press('Enter');
  await expect(picker(page).getByRole('searchbox', { name: 'Search steps' })).toBeFocused();
  await page.keyboard.type('post a message');
  await page.keyboard.press('Enter');
  await expect(picker(page)).toBeHidden();
  const report = await renameStep(page, 'post_message', 'report');
  await report.getByRole('textbox', { name: 'Channel', exact: true }).fill('finance');
  await report.getByRole('textbox', { name: 'Text', exact: true }).fill('Big invoices: {{ $join(vars.flagged, \', \') }}');
  await expect(report.getByRole('list', { name: 'Problems with this step' })).toHaveCount(0);

  // The canvas draws the recipe as built: the if inside the loop, the set in its then branch, the report after.
  await page.getByRole('button', { name: /fit view/i }).click();
  for (const id of ['each', 'check', 'flag', 'report']) await expect(stepNode(page, id)).toBeVisible();
  await expect(stepNode(page, 'report')).toContainText('finance');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveState(page)).toHaveText(/^Saved · version \d+$/);

  // Test run with sample data typed into the run form.
  await page.getByRole('button', { name: 'Test run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Test run' });
  // The form is generated from the trigger's one input, a list: its own small JSON box.
  await dialog.getByRole('textbox', { name: 'invoices', exact: true }).fill(JSON.stringify(INVOICES));
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog).toBeHidden();
  // Every step on the canvas turns succeeded, the ones inside the loop and the branch included.
  await expect(canvas(page).locator('[data-step]')).toHaveCount(4);
  for (const id of ['each', 'check', 'flag', 'report']) {
    await expect(stepNode(page, id)).toHaveAttribute('data-status', 'succeeded');
  }

  // The report's output, in the editor and in the job view.
  await stepNode(page, 'report').focus();
  const records = page.getByRole('region', { name: 'In the latest test job' });
  await expect(records).toContainText('Big invoices: INV-1, INV-3');
  await records.getByRole('link', { name: 'open job' }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const output = JSON.parse(await page.getByLabel('Job output', { exact: true }).innerText());
  expect(output).toMatchObject({ channel: 'finance', text: 'Big invoices: INV-1, INV-3' });
  // Every step record of the job succeeded: the loop, each iteration's check, the two flags, the report.
  const timeline = page.getByRole('list', { name: /^Steps of job/ }).getByRole('button');
  const labels = await timeline.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  expect(labels.filter((l) => /^Step each\[\d\]\/check\/flag,/.test(l))).toHaveLength(2);
  expect(labels.filter((l) => !/, succeeded/.test(l))).toEqual([]);
  const step = await openStep(page, 'report');
  await expect(step.getByLabel('Output', { exact: true })).toContainText('"text": "Big invoices: INV-1, INV-3"');
});

test('a job that failed is re-run from its failed step after the step is fixed in the editor', async ({ page }) => {
  await createBlank(page, 'Count and report');

  // Two chat posts: the first says it is counting, the second has a channel that comes out empty.
  await canvas(page).getByRole('button', { name: 'Add a step at the start' }).click();
  await picker(page).getByRole('button', { name: /Post a message/ }).click();
  const hello = await renameStep(page, 'post_message', 'hello');
  await hello.getByRole('textbox', { name: 'Channel', exact: true }).fill('finance');
  await hello.getByRole('textbox', { name: 'Text', exact: true }).fill('Counting…');
  await page.getByRole('button', { name: /fit view/i }).click();
  await canvas(page).getByRole('button', { name: 'Add a step after hello' }).click();
  await picker(page).getByRole('button', { name: /Post a message/ }).click();
  let report = await renameStep(page, 'post_message', 'report');
  await report.getByRole('textbox', { name: 'Channel', exact: true }).fill("{{ '' }}");
  await report.getByRole('textbox', { name: 'Text', exact: true }).fill('All counted');
  await page.keyboard.press('Control+s');
  await expect(saveState(page)).toHaveText(/^Saved · version \d+$/);

  // The test job fails at report; hello succeeded.
  await page.getByRole('button', { name: 'Test run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Test run' });
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(stepNode(page, 'hello')).toHaveAttribute('data-status', 'succeeded');
  await expect(stepNode(page, 'report')).toHaveAttribute('data-status', 'failed');

  // Fix the channel in the inspector and save: a new version.
  // Focus selects the node as a click does, with no pointer aimed while Fit View pans the canvas.
  await page.getByRole('button', { name: /fit view/i }).click();
  await stepNode(page, 'report').focus();
  report = page.getByRole('region', { name: 'report', exact: true });
  await expect(report).toBeVisible();
  const records = page.getByRole('region', { name: 'In the latest test job' });
  await expect(records).toContainText('failed');
  const failedJobLink = records.getByRole('link', { name: 'open job' });
  const failedJob = (await failedJobLink.getAttribute('href'))!;
  await report.getByRole('textbox', { name: 'Channel', exact: true }).fill('finance');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveState(page)).toHaveText(/^Saved · version \d+$/);
  const fixedVersion = (await saveState(page).innerText()).replace(/^.*version /, 'v');

  // The failed job: its error names report; hello's record says when it ran.
  await failedJobLink.click();
  await expect(page).toHaveURL(failedJob);
  await expect(jobStatus(page)).toHaveText('Status: failed');
  await expect(page.getByRole('alert', { name: 'Job error' })).toContainText('Failed at step report');
  await expect(page.getByRole('alert', { name: 'Job error' })).toContainText('channel');
  const helloRan = await (await openStep(page, 'hello')).locator('time').first().getAttribute('datetime');
  expect(helloRan).toBeTruthy();

  await page.getByRole('button', { name: 'Re-run from failed step' }).click();
  await expect(page).not.toHaveURL(failedJob);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await expect(page.getByText(/re-run of/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Job summary' })).toContainText(fixedVersion);
  await expect((await openStep(page, 'report')).getByLabel('Output', { exact: true })).toContainText('"channel": "finance"');
  // hello was carried over, not run again: the same record (same start), and one "Counting…" in the chat.
  await expect((await openStep(page, 'hello')).locator('time').first()).toHaveAttribute('datetime', helloRan!);
  await nav(page, 'Chat');
  const chat = page.getByRole('log', { name: 'Chat' });
  await expect(chat).toContainText('All counted');
  await expect(chat.getByText('Counting…')).toHaveCount(1);
});
