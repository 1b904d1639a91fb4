/**
 * Started and stopped recipes, in real Chromium (issue 11, item 1): a stopped event recipe does not fire on
 * a sandbox ERP event; started, it does, on its active version; edited, the event still runs the active
 * version while the list and the editor say "draft"; "Update running recipe" makes the new version run;
 * Stop ends it. A recipe with a lint problem, or a connection not set up, cannot start, and says why.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixture, importFile, nav, openStudio, recipeRow, sandboxApp, toast } from './helpers';

const NAME = 'Welcome a new vendor';

/** Add a vendor on the ERP page; answers the page's note ("Added X." or "Added X; started 1 job."). */
async function addVendor(page: Page, name: string): Promise<string> {
  await sandboxApp(page, 'ERP');
  const form = page.getByRole('form', { name: 'Add a vendor' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add vendor' }).click();
  const note = page.getByText(new RegExp(`^Added ${name}[.;]`));
  await expect(note).toBeVisible();
  return (await note.textContent()) ?? '';
}

async function chatSays(page: Page, texts: string[]) {
  await nav(page, 'Chat');
  await expect(page.getByRole('log', { name: 'Chat' }).getByRole('listitem')).toContainText(texts);
}

async function importText(page: Page, name: string, text: string) {
  await importFile(page, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(toast(page)).toContainText('Imported');
}

test('an event recipe fires only while started, on its active version, until "Update running recipe"', async ({ page }) => {
  await openStudio(page);
  await importText(page, 'welcome-vendor.json', fixture('sandbox/welcome-vendor.json'));
  const row = recipeRow(page, NAME);
  await expect(row.getByTestId('lifecycle-state')).toHaveText('Stopped');

  // Stopped: the event starts nothing.
  expect(await addVendor(page, 'Nimbus Labs')).toBe('Added Nimbus Labs.');
  await nav(page, 'Recipes');
  await expect(row).toContainText('no jobs yet');

  // Started from the list (keyboard): the next event runs it, and the row shows its last job.
  await row.getByRole('button', { name: `Start ${NAME}` }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('lifecycle-state')).toHaveText('Started');
  expect(await addVendor(page, 'Orca Freight')).toBe('Added Orca Freight; started 1 job.');
  await chatSays(page, ['Welcome, Orca Freight']);
  await nav(page, 'Recipes');
  await expect(row.getByRole('link', { name: /ago|just now/ })).toHaveAttribute('href', /^\/jobs\//);

  // Edited and saved: a draft; events still run the active version (1).
  await row.getByRole('link', { name: NAME, exact: true }).click();
  await page.getByRole('button', { name: /^Step hi/ }).click();
  const inspector = page.getByRole('region', { name: 'hi', exact: true });
  await inspector.getByRole('textbox', { name: 'Text', exact: true }).fill('Hello again, {{ trigger.name }}');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved · version 2');
  await expect(page.getByTestId('lifecycle-draft')).toHaveText('Draft (v2) · running v1');
  await expect(page.getByTestId('lifecycle-state')).toHaveText('Started');
  await page.screenshot({ path: 'tests/screenshots/lifecycle-draft.png' });
  await page.getByRole('link', { name: 'Back to recipes' }).click();
  await expect(row.getByTestId('lifecycle-draft')).toHaveText('Draft (v2) · running v1');
  expect(await addVendor(page, 'Puffin Press')).toBe('Added Puffin Press; started 1 job.');
  await chatSays(page, ['Welcome, Orca Freight', 'Welcome, Puffin Press']);

  // Update running recipe: version 2 is active; the next event runs it.
  await page.goto('/recipes/welcome-vendor');
  await page.getByRole('button', { name: 'Update running recipe' }).click();
  await expect(page.getByTestId('lifecycle-draft')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Update running recipe' })).toHaveCount(0);
  await expect(page.getByTestId('lifecycle-state')).toHaveText('Started');
  expect(await addVendor(page, 'Quail Paper')).toBe('Added Quail Paper; started 1 job.');
  await chatSays(page, ['Welcome, Orca Freight', 'Welcome, Puffin Press', 'Hello again, Quail Paper']);

  // Stop (in the editor, no confirmation): no job; the list says Stopped.
  await page.goto('/recipes/welcome-vendor');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('lifecycle-state')).toHaveText('Stopped');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  expect(await addVendor(page, 'Raven Ink')).toBe('Added Raven Ink.');
  await nav(page, 'Recipes');
  await expect(row.getByTestId('lifecycle-state')).toHaveText('Stopped');
});

test('a recipe with a lint problem, or a connection not set up, cannot start: every reason is shown, nothing changes', async ({ page }) => {
  await openStudio(page);
  const base = JSON.parse(fixture('sandbox/welcome-vendor.json'));
  const broken = { ...base, id: 'broken-welcome', name: 'Broken welcome', steps: [{ ...base.steps[0], input: { channel: 'vendors', text: '{{ steps.ghost.name }}' } }] };
  const needsApi = {
    ...base,
    id: 'tell-billing',
    name: 'Tell billing',
    connections: { api: { connector: 'http', label: 'Billing API' } },
    steps: [{ id: 'call', kind: 'action', connector: 'http', action: 'request', connection: 'api', input: { method: 'POST', url: 'https://billing.example/vendors' } }]
  };
  await importText(page, 'broken.json', JSON.stringify(broken));
  await importText(page, 'billing.json', JSON.stringify(needsApi));

  await recipeRow(page, 'Broken welcome').getByRole('button', { name: 'Start Broken welcome' }).click();
  let dialog = page.getByRole('dialog', { name: '“Broken welcome” cannot start' });
  await expect(dialog.getByRole('alert')).toContainText('problem 1 of 1, at step "hi": steps.ghost');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(recipeRow(page, 'Broken welcome').getByTestId('lifecycle-state')).toHaveText('Stopped');

  await recipeRow(page, 'Tell billing').getByRole('button', { name: 'Start Tell billing' }).click();
  dialog = page.getByRole('dialog', { name: '“Tell billing” cannot start' });
  await expect(dialog.getByRole('alert')).toContainText('connection "api" (Billing API) is not set up: choose one on the Connections page');
  await page.screenshot({ path: 'tests/screenshots/lifecycle-refused.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(recipeRow(page, 'Tell billing').getByTestId('lifecycle-state')).toHaveText('Stopped');
  // Still stopped: the event starts nothing.
  expect(await addVendor(page, 'Nimbus Labs')).toBe('Added Nimbus Labs.');
});

test('a Start in one tab shows in the other at once; a started schedule says its next run in the time zone', async ({ page, context }) => {
  await openStudio(page);
  const hourly = { format: 'sous.recipe/v1', id: 'hourly-hello', name: 'Hourly hello', trigger: { kind: 'schedule', every: '1h' }, steps: [{ id: 'hi', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'c', text: 'hello' } }] };
  await importText(page, 'hourly.json', JSON.stringify(hourly));
  const other = await context.newPage();
  await other.goto('/');
  const there = recipeRow(other, 'Hourly hello');
  await expect(there.getByTestId('lifecycle-state')).toHaveText('Stopped');

  await recipeRow(page, 'Hourly hello').getByRole('button', { name: 'Start Hourly hello' }).click();
  await expect(there.getByTestId('lifecycle-state')).toHaveText('Started');
  // In the browser's own zone and locale (12 or 24 hours, with the date after midnight).
  const zone = await other.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(there).toContainText(new RegExp(`Every hour · next run .*\\d{1,2}:00.* \\(${zone}\\)`));
  await expect(there.getByRole('button', { name: 'Stop Hourly hello' })).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/lifecycle-list.png' });

  await there.getByRole('button', { name: 'Stop Hourly hello' }).click();
  await expect(recipeRow(page, 'Hourly hello').getByTestId('lifecycle-state')).toHaveText('Stopped');
  await expect(recipeRow(page, 'Hourly hello')).not.toContainText('next run');
});
