import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, jobStatus, nav, openStudio, runRecipe } from './helpers';

// A spreadsheet export as it comes: a byte-order mark, CRLF, a quoted comma, and one broken line.
const CSV =
  '\uFEFFname,id,active,email\r\n' +
  '"Acme, Inc.",1,yes,ap@acme.example\r\n' +
  'Globex,2,no,billing@globex.example\r\n' +
  'Broken line,3\r\n' +
  'Initech,4,yes,\r\n';

test('import a CSV, edit a row, and a recipe looks the edited row up', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sous-tables-'));
  const recipeFile = join(dir, 'find-vendor.recipe.json');
  writeFileSync(
    recipeFile,
    JSON.stringify({
      format: 'sous.recipe/v1',
      id: 'find-vendor',
      name: 'Find vendor',
      trigger: { kind: 'manual' },
      steps: [{ id: 'find', kind: 'action', connector: 'tables', action: 'lookup', input: { table: 'Vendors', column: 'id', value: '2' } }]
    })
  );

  await openStudio(page);
  await nav(page, 'Tables');
  await expect(page.getByText('No tables yet.')).toBeVisible();
  await page.getByLabel('CSV file').setInputFiles({ name: 'vendors.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  // The preview guesses the types, shows the rows, and names the broken line instead of dropping it.
  const preview = page.getByRole('table', { name: 'Preview of vendors.csv' });
  await expect(preview.getByRole('cell', { name: 'Acme, Inc.' })).toBeVisible();
  await expect(page.getByLabel('Type of column id')).toHaveValue('number');
  await expect(page.getByLabel('Type of column active')).toHaveValue('boolean');
  await expect(page.getByRole('alert')).toContainText('Line 4: has 2 cells but the header names 4 columns');
  const importButton = page.getByRole('button', { name: 'Import 3 rows' });
  await expect(importButton).toBeDisabled();
  await page.getByLabel(/Skip the lines with problems/).check();
  await page.getByLabel('New table name').fill('Vendors');
  await importButton.click();

  const rows = page.getByRole('table', { name: 'Rows of Vendors' });
  await expect(rows.getByRole('cell', { name: 'Acme, Inc.' })).toBeVisible();
  await expect(rows.getByRole('row')).toHaveCount(5); // header, three rows, the new-row line

  // Edit row 2 in place with the keyboard: a bad number is refused naming the column, then fixed.
  await rows.getByRole('button', { name: 'Edit row 2' }).click();
  await expect(page.getByLabel('name of row 2')).toBeFocused();
  await page.getByLabel('id of row 2').fill('two');
  await page.getByLabel('id of row 2').press('Enter');
  await expect(page.getByRole('alert')).toContainText('column "id" of table "Vendors" is a number column');
  await page.getByLabel('id of row 2').fill('2');
  await page.getByLabel('email of row 2').fill('ap@globex.example');
  await page.getByLabel('email of row 2').press('Enter');
  await expect(rows.getByRole('cell', { name: 'ap@globex.example' })).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/tables.png' });

  await nav(page, 'Recipes');
  await importFile(page, recipeFile);
  await runRecipe(page, 'Find vendor');
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await expect(page.getByText('"ap@globex.example"').first()).toBeVisible();
});

test('a table is created by hand, renamed, exported and deleted with an Undo', async ({ page }) => {
  await openStudio(page);
  await nav(page, 'Tables');
  await page.getByRole('button', { name: 'New table' }).click();
  await page.getByLabel('Table name').fill('Rates');
  await page.getByLabel('Column 1 name').fill('code');
  await page.getByRole('button', { name: 'Add column' }).click();
  await page.getByLabel('Column 2 name').fill('rate');
  await page.getByLabel('Column 2 type').selectOption('number');
  await page.getByRole('button', { name: 'Create table' }).click();

  await page.getByLabel('New row: code').fill('EUR');
  await page.getByLabel('New row: rate').fill('1.08');
  await page.getByLabel('New row: rate').press('Enter');
  const rows = page.getByRole('table', { name: 'Rows of Rates' });
  await expect(rows.getByRole('cell', { name: '1.08' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name for Rates').fill('FX rates');
  await page.getByLabel('New name for Rates').press('Enter');
  await expect(page.getByRole('heading', { name: 'FX rates' })).toBeVisible();

  await page.getByRole('button', { name: 'Add column' }).click();
  await page.getByLabel('New column name').fill('note');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /^note/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('FX rates.csv');
  const text = await new Promise<string>(async (resolve) => {
    const stream = await file.createReadStream();
    let out = '';
    stream.on('data', (c) => (out += c));
    stream.on('end', () => resolve(out));
  });
  expect(text).toBe('code,rate,note\r\nEUR,1.08,');

  await page.getByRole('button', { name: 'Delete table' }).click();
  await expect(page.getByText('No tables yet.')).toBeVisible();
  await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('table', { name: 'Rows of FX rates' }).getByRole('cell', { name: 'EUR' })).toBeVisible();
});
