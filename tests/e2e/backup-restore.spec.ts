/**
 * Backup and restore on the Settings page, as a person would: a recipe imported and run once, a table
 * row, a connection with a secret, a backup downloaded (holding no secret); the site's IndexedDB cleared (as "clear site data" does); the file restored,
 * and the recipe, its job and the row are back. A bad file is refused with its problem and changes
 * nothing; a ko-KR browser sees the panel in Korean. Run with E2E_PORT=4482.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, jobStatus, nav, openStudio, recipeRow, runRecipe, startTestApi } from './helpers';

async function settings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Settings/ }).click();
  await expect(page.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
}

async function addTableRow(page: Page): Promise<void> {
  await nav(page, 'Tables');
  await page.getByLabel('CSV file').setInputFiles({ name: 'vendors.csv', mimeType: 'text/csv', buffer: Buffer.from('name,city\nAcme Backup Co,Busan\n') });
  await page.getByLabel('New table name').fill('Vendors');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByRole('table', { name: 'Rows of Vendors' }).getByRole('cell', { name: 'Acme Backup Co' })).toBeVisible();
}

const MARKER = 'tok-CANARY-backup-7e21';

/** A connection whose bearer token is MARKER, in a vault set up with a passphrase. */
async function addConnection(page: Page): Promise<void> {
  await nav(page, 'Connections');
  await page.getByLabel('Passphrase', { exact: true }).fill('workshop passphrase');
  await page.getByLabel('Passphrase again').fill('workshop passphrase');
  await page.getByRole('button', { name: 'Set up with passphrase' }).click();
  await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible();
  await page.getByLabel('Connector').selectOption('http');
  await page.getByLabel('Label').fill('Echo API');
  await page.getByLabel('Kind of auth').selectOption('bearer');
  await page.getByLabel(/^Bearer token/).fill(MARKER);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByRole('table').getByText('Echo API')).toBeVisible();
}

async function restore(page: Page, file: string): Promise<void> {
  await page.getByLabel('Backup file (.json)').setInputFiles(file);
}

test('a backup downloaded, the site data cleared, the backup restored: the recipe, its job and the row are back', async ({ page, context }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sous-backup-'));
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await runRecipe(page, 'Flag big invoices', JSON.stringify({ invoices: [{ id: 'INV-1', amount: 950 }] }));
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const jobUrl = page.url();
  await addTableRow(page);
  await addConnection(page);

  await settings(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sous-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('backup-saved')).toContainText(download.suggestedFilename());
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  expect(backup).toMatchObject({ format: 'sous-backup', version: 1 });
  expect(backup.tables.recipes).toHaveLength(1);
  // No secret and no sealed value leaves the browser; the connection is marked so a restore can say so.
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(MARKER);
  expect(text).not.toContain('"ct"');
  expect(backup.tables.connections).toMatchObject([{ label: 'Echo API', sealed: null, secrets: 'left-out' }]);

  // A bad file: its problem is named, and nothing changes.
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...backup, tables: { ...backup.tables, recipes: [{ ...backup.tables.recipes[0], version: 'x'.repeat(5000) }] } }));
  await restore(page, bad);
  const alert = page.getByRole('alert').filter({ hasText: 'bad.json' });
  await expect(alert).toContainText('bad.json cannot be restored; nothing was changed');
  await expect(alert).toContainText('tables.recipes[0].version: expected a number');
  expect((await alert.textContent())!.length).toBeLessThan(1000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await nav(page, 'Recipes');
  await expect(recipeRow(page, 'Flag big invoices')).toBeVisible();

  // Clear the site's IndexedDB with nothing open on it (as "clear site data" would), then come back.
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  const origin = new URL(jobUrl).origin;
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  await openStudio(page);
  await settings(page);

  await restore(page, file);
  const preview = page.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(preview).toContainText('1 recipe');
  await expect(preview).toContainText('1 job');
  await expect(preview).toContainText('1 table row');
  await expect(preview).toContainText('Made on');
  await expect(preview.getByTestId('backup-needs-secrets')).toContainText('Echo API (http)');
  await page.screenshot({ path: 'tests/screenshots/backup-restore.png' });
  await preview.getByRole('button', { name: 'Replace everything' }).click();
  await expect(preview).toBeHidden();
  const restored = page.getByTestId('backup-restored');
  await expect(restored).toContainText(`Restored from ${download.suggestedFilename()}`);
  await expect(restored).toContainText('Without their secrets: Echo API.');
  await restored.getByRole('button', { name: 'Reload now' }).click();

  await nav(page, 'Recipes');
  await expect(recipeRow(page, 'Flag big invoices')).toBeVisible();
  await page.goto(jobUrl);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await nav(page, 'Tables');
  await expect(page.getByRole('table', { name: 'Rows of Vendors' }).getByRole('cell', { name: 'Acme Backup Co' })).toBeVisible();

  // The connection came back without its token: it says so, and takes one again in place.
  await nav(page, 'Connections');
  await page.getByRole('button', { name: 'No passphrase (this device only)' }).click();
  await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Echo API' });
  await expect(row).toContainText('No secrets yet');
  await row.getByRole('button', { name: 'Enter the secrets of Echo API' }).click();
  const form = page.getByRole('form', { name: 'Secrets of Echo API' });
  await form.getByLabel(/^Bearer token/).fill(MARKER);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the secrets of “Echo API”.' })).toBeVisible();
  await expect(row).not.toContainText('No secrets yet');
});

test("a restore in one tab tells the studio's other tabs, which offer to reload", async ({ page, context }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sous-backup-'));
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await settings(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const file = join(dir, (await downloading).suggestedFilename());
  await (await downloading).saveAs(file);

  const other = await context.newPage();
  await other.goto('/');
  await expect(recipeRow(other, 'Flag big invoices')).toBeVisible();

  await restore(page, file);
  await page.getByRole('dialog', { name: 'Restore from a backup' }).getByRole('button', { name: 'Replace everything' }).click();
  await expect(page.getByTestId('backup-restored')).toBeVisible();
  // Only the other tab is told; this one says so in its own panel.
  const told = other.getByRole('alert', { name: 'Restored in another tab' });
  await expect(told).toContainText('A backup was restored in another tab');
  await expect(page.getByRole('alert', { name: 'Restored in another tab' })).toHaveCount(0);
  await told.getByRole('button', { name: 'Reload this tab' }).click();
  await expect(told).toBeHidden();
  await expect(recipeRow(other, 'Flag big invoices')).toBeVisible();
});

test('a restore asked for while a job runs says so first', async ({ page }) => {
  const api = await startTestApi(20_000);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sous-backup-'));
    await openStudio(page);
    await importFile(page, 'tests/fixtures/uncertain-post.recipe.json');
    await settings(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a backup' }).click();
    const file = join(dir, (await downloading).suggestedFilename());
    await (await downloading).saveAs(file);

    await nav(page, 'Recipes');
    await runRecipe(page, 'A payment cut off mid-call', JSON.stringify({ base: api.base }));
    await expect.poll(() => api.hits['/slow'] ?? 0).toBe(1);
    await settings(page);
    await restore(page, file);
    const preview = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(preview.getByTestId('backup-running')).toHaveText(/^1 job is running now\. .*wait for it to finish/);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview).toBeHidden();
  } finally {
    await api.close();
  }
});

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the backup panel speaks Korean', async ({ page }) => {
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: '백업과 복원' })).toBeVisible();
    await expect(page.getByRole('button', { name: '백업 다운로드' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '백업에서 복원…' })).toBeVisible();
    await expect(page.getByLabel('백업 파일(.json)')).toBeAttached();
    await expect(page.getByTestId('backup-panel')).toContainText('비밀 값');
  });
});
