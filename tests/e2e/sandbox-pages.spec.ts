import { expect, test } from '@playwright/test';
import { importFile, openStudio, toast, sandboxApp, startRecipe } from './helpers';

test('ERP page: add a vendor with the keyboard, refuse a duplicate, edit, and start a vendor.created recipe', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/sandbox/welcome-vendor.json');
  await expect(toast(page)).toContainText('Imported');
  await startRecipe(page, 'Welcome a new vendor');
  await sandboxApp(page, 'ERP');
  const form = page.getByRole('form', { name: 'Add a vendor' });
  await form.getByLabel('Name').fill('Nimbus Labs');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ap@nimbus.example');
  await form.getByLabel('Country').fill('se');
  await form.getByLabel('Name').press('Enter');
  await expect(page.getByText('Added Nimbus Labs; started 1 job.')).toBeVisible();
  const vendors = page.getByRole('table', { name: 'Vendors' });
  await expect(vendors.getByRole('row').filter({ hasText: 'Nimbus Labs' })).toContainText('SE');

  // The same company under another legal form is refused, in words, and nothing is added.
  await form.getByLabel('Name').fill('ACME Office Supplies GmbH');
  await form.getByRole('button', { name: 'Add vendor' }).click();
  await expect(form.getByRole('alert')).toHaveText('a vendor with the same name already exists: "Acme Office Supplies Inc." (ven-001)');
  await expect(vendors.getByRole('row')).toHaveCount(14);

  await vendors.getByRole('button', { name: 'Edit Nimbus Labs' }).click();
  const edit = page.getByRole('form', { name: 'Edit Nimbus Labs' });
  await edit.getByLabel('Tax id').fill('SE556000111201');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(vendors.getByRole('row').filter({ hasText: 'Nimbus Labs' })).toContainText('SE556000111201');

  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Chat/ }).click();
  await expect(page.getByRole('log', { name: 'Chat' }).getByRole('listitem')).toContainText(['Welcome, Nimbus Labs']);
});

test('Shop page: a refund with a wrong quantity changes nothing; a right one restocks', async ({ page }) => {
  await openStudio(page);
  await sandboxApp(page, 'Shop');
  const stock = page.getByRole('table', { name: 'Stock levels' });
  const mugs = stock.getByRole('row').filter({ hasText: 'MUG-CER-01' });
  await expect(mugs).toContainText('120');
  const form = page.getByRole('form', { name: 'Refund items' });
  await form.getByLabel('Order').selectOption('ord-1001');
  await form.getByLabel('Product (SKU)').selectOption('MUG-CER-01');
  await form.getByLabel('Quantity').fill('5');
  await form.getByRole('button', { name: 'Refund' }).click();
  await expect(form.getByRole('alert')).toContainText('the refund was not made, nothing changed: only 2 of MUG-CER-01 can still be refunded, not 5');
  await expect(mugs).toContainText('120');
  await form.getByLabel('Order').selectOption('ord-1001');
  await form.getByLabel('Product (SKU)').selectOption('MUG-CER-01');
  await form.getByLabel('Quantity').fill('2');
  await form.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByText('Refunded 24.00 EUR on ord-1001')).toBeVisible();
  await expect(mugs).toContainText('122');
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row').filter({ hasText: 'ord-1001' })).toContainText('partially refunded');

  // Reset asks first; Cancel keeps everything.
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Reset shop?' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(mugs).toContainText('122');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Reset shop?' }).getByRole('button', { name: 'Reset shop' }).click();
  await expect(mugs).toContainText('120');
});
