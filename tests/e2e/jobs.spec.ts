import { expect, test } from '@playwright/test';
import { importFile, jobStatus, nav, openStep, openStudio, runRecipe } from './helpers';

const invoices = JSON.stringify({ invoices: [{ id: 'INV-1', amount: 950 }, { id: 'INV-2', amount: 120 }] });

test('the jobs page lists every job newest first and filters by recipe, status and date', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await importFile(page, 'tests/fixtures/flaky-total.recipe.json');
  await runRecipe(page, 'Flag big invoices', invoices);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await nav(page, 'Recipes');
  await runRecipe(page, 'Post a total');
  await expect(jobStatus(page)).toHaveText('Status: failed');

  await nav(page, 'Jobs');
  const rows = page.getByRole('table', { name: 'Jobs' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Post a total'); // newest first
  await expect(rows.nth(2)).toContainText('Flag big invoices');

  const filters = page.getByRole('search', { name: 'Filter jobs' });
  await filters.getByLabel('Status', { exact: true }).selectOption('failed');
  await expect(page).toHaveURL(/\/jobs\?status=failed$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('failed');

  await filters.getByLabel('Status', { exact: true }).selectOption('');
  await filters.getByLabel('Recipe', { exact: true }).selectOption({ label: 'Flag big invoices' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Flag big invoices');

  // A range of days that holds no job, then one that holds today.
  const day = (offset: number) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  await filters.getByLabel('From', { exact: true }).fill(day(1));
  await expect(page.getByText('No job matches these filters.')).toBeVisible();
  await filters.getByLabel('From', { exact: true }).fill(day(0));
  await filters.getByLabel('To', { exact: true }).fill(day(0));
  await expect(rows).toHaveCount(2);

  // The filters live in the address: a reload keeps them.
  await page.reload();
  await expect(filters.getByLabel('Recipe', { exact: true })).toHaveValue('big-invoices');
  await expect(rows).toHaveCount(2);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  // The chat the two jobs posted to, one channel at a time.
  await nav(page, 'Chat');
  const log = page.getByRole('log', { name: 'Chat' });
  await expect(log.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('navigation', { name: 'Channels' }).getByRole('button', { name: /^#ops/ }).click();
  await expect(page.getByRole('heading', { name: '#ops' })).toBeVisible();
  await expect(log.getByRole('listitem')).toHaveText([/Counting…/]);
  await page.getByRole('navigation', { name: 'Channels' }).getByRole('button', { name: /^#finance/ }).click();
  await expect(log.getByRole('listitem')).toHaveText([/Big invoices: INV-1/]);
});

test('the job view shows the timeline, each step’s data, and the error on its step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await runRecipe(page, 'Flag big invoices', invoices);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');

  const header = page.getByRole('region', { name: 'Job summary' });
  await expect(header).toContainText('v1');
  await expect(header).toContainText('Duration');
  const timeline = page.getByRole('list', { name: /^Steps of job/ });
  // Nested steps are indented under their loop; every row has a duration.
  const names = await timeline.getByRole('button').evaluateAll((buttons) =>
    buttons.map((b) => [b.getAttribute('aria-label'), getComputedStyle(b.querySelector('.name')!).paddingLeft])
  );
  expect(names[0][0]).toMatch(/^Step each, succeeded, \d+ ms$/);
  expect(names.find(([label]) => label?.startsWith('Step each[0]/check,'))?.[1]).not.toBe('0px');
  expect(names.at(-1)?.[0]).toMatch(/^Step report, succeeded/);

  const report = await openStep(page, 'report');
  const output = report.getByLabel('Output', { exact: true });
  await expect(output).toContainText('Big invoices: INV-1');
  await report.getByRole('button', { name: 'Output', exact: true }).click();
  await expect(output).toBeHidden();
  await report.getByRole('button', { name: 'Output', exact: true }).click();
  await expect(output).toBeVisible();
  await report.getByRole('button', { name: 'Copy Output' }).click();
  await expect(report.getByRole('button', { name: 'Copy Output' })).toHaveText('Copied');
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toMatchObject({ channel: 'finance', text: 'Big invoices: INV-1' });
  await page.screenshot({ path: 'tests/screenshots/job-view.png' });
});

test('a failed job is re-run from its failed step after the recipe is fixed, on the newest version', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/flaky-total.recipe.json');
  await runRecipe(page, 'Post a total');
  await expect(jobStatus(page)).toHaveText('Status: failed');
  const failedJob = page.url();

  // The error names its step, and the view opens on it, highlighted.
  await expect(page.getByRole('alert', { name: 'Job error' })).toContainText('Failed at step compute');
  await expect(page.getByRole('alert', { name: 'Job error' })).toContainText('the total cannot be computed');
  const compute = page.getByRole('region', { name: 'Step compute' });
  await expect(compute.getByRole('note', { name: 'Error of step compute' })).toContainText('the total cannot be computed');
  await expect(page.getByRole('list', { name: /^Steps of job/ }).getByRole('listitem').filter({ hasText: 'compute' })).toHaveClass(/failed-step/);

  // Fix the recipe: import a fixed version of the same id (version 2).
  await nav(page, 'Recipes');
  await importFile(page, 'tests/fixtures/flaky-total-fixed.recipe.json');
  await page.getByRole('dialog').getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Recipes' })).toContainText('v2');

  await page.goto(failedJob);
  await page.getByRole('button', { name: 'Re-run from failed step' }).click();
  await expect(page).not.toHaveURL(failedJob);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await expect(page.getByText(/re-run of/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Job summary' })).toContainText('v2');
  const report = await openStep(page, 'report');
  await expect(report.getByLabel('Output', { exact: true })).toContainText('Total: 42');

  // The step that had succeeded was kept, not run again: one "Counting…" message in the chat.
  await nav(page, 'Chat');
  await expect(page.getByRole('log', { name: 'Chat' }).getByText('Counting…')).toHaveCount(1);
  await expect(page.getByRole('log', { name: 'Chat' })).toContainText('Total: 42');
});
