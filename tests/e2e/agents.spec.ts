/**
 * Agents in the studio, in real Chromium, basic mode (no WebGPU flag, no model), as a new user: the ERP
 * Genie's vendor registration from "Use template" with a correction and a cancel; the Finance Genie's
 * invoice intake by mail waiting for finance, approved in the chat and rejected in the Inbox; the Agents
 * page (new agent, import refusing a bad file, Replace / Keep both, export, Try).
 */
import { expect, test, type Page } from '@playwright/test';
import { say, useTemplate } from './agents-helpers';
import { jobStatus, nav, openStudio, recipeRow, sandboxApp } from './helpers';

async function mail(page: Page, from: string, subject: string, body: string) {
  await sandboxApp(page, 'Mailbox');
  await page.getByLabel('From').fill(from);
  await page.getByLabel('Subject').fill(subject);
  await page.getByRole('textbox', { name: 'Message' }).fill(body);
  await page.getByRole('button', { name: 'Receive mail' }).click();
  await expect(page.getByText(`Mail “${subject}” arrived; started 1 job.`)).toBeVisible();
}

function vendorRows(page: Page, name: string) {
  return page.getByRole('table', { name: 'Vendors' }).getByRole('row').filter({ hasText: name });
}

test('ERP Genie registers a vendor by chat: asks, takes a correction, confirms, runs once; a second request is cancelled', async ({ page }) => {
  await openStudio(page);
  const templates = page.getByRole('region', { name: 'Agent templates' });
  await expect(templates.getByRole('article')).toHaveCount(4);
  await templates.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/screenshots/agent-templates.png' });
  const chat = await useTemplate(page, /ERP Genie/, 'ERP Genie');

  await expect(await say(page, chat, 'register a vendor')).toContainText(/name/i);
  await expect(await say(page, chat, 'Bluefin Paper')).toContainText(/country/i);
  const first = await say(page, chat, 'DE');
  const card = first.getByRole('region', { name: 'Confirm Register a vendor' });
  await expect(card).toContainText('Bluefin Paper');
  await expect(card).toContainText('DE');

  const corrected = await say(page, chat, 'no, the name is Bluefin Paper Co');
  const again = corrected.getByRole('region', { name: 'Confirm Register a vendor' });
  await expect(again).toContainText('Bluefin Paper Co');
  await expect(again).toContainText('DE');
  await page.screenshot({ path: 'tests/screenshots/agent-chat.png', fullPage: true });

  const turns = chat.getByRole('listitem');
  const before = await turns.count();
  await again.getByRole('button', { name: 'Yes' }).click();
  await expect(turns).toHaveCount(before + 2);
  const done = turns.nth(before + 1);
  await expect(done).toContainText('Bluefin Paper Co');
  const open = done.getByRole('link', { name: 'Open job' });
  await expect(open).toBeVisible();

  // A second request, dropped before anything runs.
  await expect(await say(page, chat, 'register a vendor')).toContainText(/name/i);
  const cancelled = await say(page, chat, 'cancel');
  await expect(cancelled.getByRole('region')).toHaveCount(0);
  await expect(cancelled.getByRole('link', { name: 'Open job' })).toHaveCount(0);

  await open.click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');

  await sandboxApp(page, 'ERP');
  await expect(vendorRows(page, 'Bluefin Paper Co')).toHaveCount(1);
  await expect(vendorRows(page, 'Bluefin')).toHaveCount(1);
});

test('Finance Genie: an invoice mail from an unknown vendor waits; approved in the chat it finishes, rejected no vendor is made', async ({ page }) => {
  await openStudio(page);
  const chat = await useTemplate(page, /Finance Genie/, 'Finance Genie');
  await expect(chat.getByRole('listitem')).toHaveCount(0);
  // Use template starts the recipe that runs by itself (mail intake), and the list says so.
  await nav(page, 'Recipes');
  await expect(recipeRow(page, 'Invoice by mail').getByTestId('lifecycle-state')).toHaveText('Started');

  await mail(page, 'Bluefin Paper <ap@bluefin.example>', 'Invoice BF-2026-031', 'Hello,\nour invoice is attached.\nTotal: EUR 1,250.00');
  await nav(page, 'Jobs');
  await expect(page.getByRole('link', { name: /waiting, Invoice by mail/ })).toBeVisible();
  await nav(page, 'Inbox');
  const inbox = page.getByRole('list', { name: 'Waiting approvals' }).getByRole('article');
  await expect(inbox).toHaveCount(1);
  await expect(inbox).toContainText('New vendor Bluefin Paper (ap@bluefin.example) sent invoice BF-2026-031 for EUR 1250');

  await nav(page, 'Chat');
  await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Finance Genie' }).click();
  const finance = page.getByRole('log', { name: 'Conversation with Finance Genie' });
  const card = finance.getByRole('region', { name: /^Approval / });
  await expect(card).toContainText('New vendor Bluefin Paper');
  await card.getByRole('group', { name: /^Answer approval / }).getByRole('button', { name: 'approve' }).click();
  await expect(card).toContainText(/Answered approve by/);

  await nav(page, 'Jobs');
  await page.getByRole('link', { name: /succeeded, Invoice by mail/ }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await nav(page, 'Inbox');
  await expect(page.getByText('Nothing is waiting')).toBeVisible();
  await sandboxApp(page, 'ERP');
  await expect(vendorRows(page, 'Bluefin Paper')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: 'BF-2026-031' })).toHaveCount(1);

  // The same from another unknown vendor, rejected in the Inbox: no vendor, no invoice.
  await mail(page, 'Kestrel Print <billing@kestrel.example>', 'Invoice KP-77', 'Total: EUR 90.00');
  await nav(page, 'Inbox');
  const second = page.getByRole('list', { name: 'Waiting approvals' }).getByRole('article');
  await expect(second).toContainText('New vendor Kestrel Print');
  await second.getByRole('group', { name: /^Answer approval / }).getByRole('button', { name: 'reject' }).click();
  await expect(page.getByText('Nothing is waiting')).toBeVisible();
  await nav(page, 'Chat');
  await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Finance Genie' }).click();
  await expect(finance.getByRole('region', { name: /^Approval / }).last()).toContainText(/Answered reject by/);
  await sandboxApp(page, 'ERP');
  await expect(vendorRows(page, 'Kestrel')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: 'KP-77' })).toHaveCount(0);
});

const GOOD = {
  format: 'sous.agent/v1',
  id: 'vendor-desk',
  name: 'Vendor Desk',
  description: 'Registers vendors.',
  skills: [{ recipe: 'register-vendor', examples: ['onboard a supplier'] }]
};

async function pick(page: Page, name: string, data: unknown) {
  const text = typeof data === 'string' ? data : JSON.stringify(data, null, 2);
  await page.getByLabel('Agent file (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('the Agents page: a bad file is refused with every problem, nothing changed; import, keep both, export, new agent, try', async ({ page }) => {
  await openStudio(page);
  await useTemplate(page, /ERP Genie/, 'ERP Genie');
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Agents/ }).click();
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Agents' });
  await expect(table.getByRole('row')).toHaveCount(2);

  await pick(page, 'broken.agent.json', { format: 'sous.agent/v1', id: 'Bad Id', skills: [{ recipe: 'register-vendor', extra: 1 }], agents: 'nobody' });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.agent.json is not an agent Sous can use; nothing was changed');
  const problems = alert.getByRole('listitem');
  await expect(problems).toHaveCount(4);
  await expect(alert).toContainText('id');
  await expect(alert).toContainText('name');
  await expect(alert).toContainText('skills[0]');
  await expect(alert).toContainText('agents');
  // Dropped on the drop area rather than chosen: the same checks.
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{ "format": "sous.agent/v1", '], 'not-json.agent.json', { type: 'application/json' }));
    return data;
  });
  await page.getByRole('group', { name: 'Drop an agent file here' }).dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByRole('alert')).toContainText('not-json.agent.json is not an agent');
  await expect(table.getByRole('row')).toHaveCount(2);

  await pick(page, 'vendor-desk.agent.json', GOOD);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Vendor Desk' })).toContainText('Register a vendor');
  await pick(page, 'vendor-desk.agent.json', { ...GOOD, description: 'A second one.' });
  await expect(page.getByText('An agent with the id vendor-desk exists already')).toBeVisible();
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText('vendor-desk-2');

  // Replace: the file's agent takes the place of the one with its id.
  await pick(page, 'vendor-desk.agent.json', { ...GOOD, description: 'Replaced from a file.' });
  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: 'Replaced from a file.' })).toHaveCount(1);

  // Edit: the skills' examples and the confirmation override are kept and can be changed.
  await page.getByRole('button', { name: 'Edit ERP Genie' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “ERP Genie”' });
  await expect(edit.getByRole('checkbox', { name: /Register a vendor/ })).toBeChecked();
  await expect(edit.getByRole('textbox', { name: 'Example 1 of Register a vendor' })).toHaveValue('register a vendor');
  await edit.getByLabel('Description').fill('Registers vendors, edited.');
  await edit.getByRole('button', { name: 'Add an example to Register a vendor' }).click();
  await edit.getByRole('textbox', { name: 'Example 8 of Register a vendor' }).fill('sign up a supplier');
  await edit.getByRole('combobox', { name: 'Confirmation for A vendor\'s invoices' }).selectOption('always');
  await edit.getByRole('button', { name: 'Save agent' }).click();
  await expect(edit).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: 'ERP Genie' }).first()).toContainText('Registers vendors, edited.');
  await page.getByRole('button', { name: 'Edit ERP Genie' }).click();
  await expect(edit.getByRole('textbox', { name: 'Example 8 of Register a vendor' })).toHaveValue('sign up a supplier');
  await expect(edit.getByRole('combobox', { name: 'Confirmation for A vendor\'s invoices' })).toHaveValue('always');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Vendor Desk', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('vendor-desk.agent.json');

  await page.getByRole('button', { name: 'New agent' }).click();
  const dialog = page.getByRole('dialog', { name: 'New agent' });
  await dialog.getByLabel('Name').fill('Supplier Helper');
  await dialog.getByRole('checkbox', { name: /Register a vendor/ }).check();
  await dialog.getByRole('textbox', { name: 'Example 1 of Register a vendor' }).fill('take on a new supplier');
  await dialog.getByRole('checkbox', { name: 'ERP Genie' }).check();
  await dialog.getByRole('button', { name: 'Create agent' }).click();
  await expect(dialog).toBeHidden();
  const row = table.getByRole('row').filter({ hasText: 'Supplier Helper' });
  await expect(row).toContainText('supplier-helper');
  await expect(row.getByRole('list', { name: 'Supplier Helper hands on to' })).toContainText('ERP Genie');

  await page.getByRole('button', { name: 'Delete Vendor Desk (vendor-desk-2)' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('row')).toHaveCount(5);

  await page.getByRole('button', { name: 'Try Supplier Helper' }).click();
  const side = page.getByRole('complementary', { name: 'Try Supplier Helper' });
  const chat = side.getByRole('log', { name: 'Conversation with Supplier Helper' });
  await expect(await say(page, chat, 'take on a new supplier')).toContainText(/name/i);
  await page.screenshot({ path: 'tests/screenshots/agents.png', fullPage: true });

  // An agent whose skill's recipe is not in the workspace is kept, and the list says what is wrong.
  await pick(page, 'ghost.agent.json', { ...GOOD, id: 'ghost', name: 'Ghost', skills: [{ recipe: 'nope' }] });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Ghost' })).toContainText('there is no recipe "nope" in this workspace');
});
