import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importFile, jobStatus, openStep, openStudio, runRecipe, toast, sandboxApp, startRecipe } from './helpers';

async function goOffline(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.context().setOffline(true);
}

// The workshop scenario, with no network at all once the studio has loaded: an invoice mail arrives,
// a recipe looks the sender's company up in the ERP, creates the vendor, and posts to chat.
test('offline workshop: an invoice mail creates the missing vendor and posts to chat', async ({ page }) => {
  await openStudio(page);
  await goOffline(page);
  await page.reload();
  await expect(page.getByText('No recipes yet')).toBeVisible();

  await importFile(page, 'tests/fixtures/sandbox/invoice-mail-vendor.json');
  await expect(toast(page)).toContainText('Imported “Invoice mail: find or create the vendor”');
  await startRecipe(page, 'Invoice mail: find or create the vendor');

  await sandboxApp(page, 'ERP');
  const vendors = page.getByRole('table', { name: 'Vendors' });
  await expect(vendors.getByRole('row')).toHaveCount(13);
  await expect(vendors).not.toContainText('Bluefin Paper');

  await sandboxApp(page, 'Mailbox');
  await page.getByLabel('From').fill('Bluefin Paper <ap@bluefinpaper.example>');
  await page.getByLabel('Subject').fill('Invoice BP-2026-031');
  const text = readFileSync('tests/fixtures/sandbox/bluefin-invoice.txt', 'utf8');
  const dropped = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'bluefin-invoice.txt', { type: 'text/plain' }));
    return data;
  }, text);
  await page.getByRole('group', { name: /^Attachment/ }).dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByText('Attached: bluefin-invoice.txt (text/plain')).toBeVisible();
  await page.getByRole('button', { name: 'Receive mail' }).click();
  await expect(page.getByText('Mail “Invoice BP-2026-031” arrived; started 1 job.')).toBeVisible();

  // The mail is in the inbox with its attachment's text.
  await page.getByRole('button', { name: 'Read “Invoice BP-2026-031”' }).click();
  await expect(page.getByRole('article', { name: 'Message “Invoice BP-2026-031”' })).toContainText('Total: SEK 11 600.00');

  await page.getByRole('link', { name: 'See the jobs' }).click();
  await page.getByRole('link', { name: /succeeded, Invoice mail: find or create the vendor/ }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const create = await openStep(page, 'missing/create');
  await expect(create.getByLabel('Output', { exact: true })).toContainText('"name": "Bluefin Paper"');

  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Chat/ }).click();
  const message = page.getByRole('log', { name: 'Chat' }).getByRole('listitem');
  await expect(message).toHaveCount(1);
  await expect(message).toContainText('#finance');
  await expect(message).toContainText('New vendor created: Bluefin Paper');

  await sandboxApp(page, 'ERP');
  await expect(vendors.getByRole('row')).toHaveCount(14);
  await expect(vendors.getByRole('row').filter({ hasText: 'Bluefin Paper' })).toHaveCount(1);

  // A second mail from the same company finds the vendor instead of making a duplicate.
  await sandboxApp(page, 'Mailbox');
  await page.getByLabel('From').fill('Bluefin Paper <ap@bluefinpaper.example>');
  await page.getByLabel('Subject').fill('Invoice BP-2026-032');
  await page.getByRole('button', { name: 'Receive mail' }).click();
  await expect(page.getByText('Mail “Invoice BP-2026-032” arrived; started 1 job.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Chat/ }).click();
  await expect(message).toHaveCount(2);
  await expect(message.nth(1)).toContainText('Invoice from a known vendor: Bluefin Paper');
  await sandboxApp(page, 'ERP');
  await expect(vendors.getByRole('row').filter({ hasText: 'Bluefin Paper' })).toHaveCount(1);

  // Reset puts the seed back (after a confirm).
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Reset ERP?' }).getByRole('button', { name: 'Reset ERP' }).click();
  await expect(vendors.getByRole('row')).toHaveCount(13);
  await expect(vendors).not.toContainText('Bluefin Paper');
  await page.context().setOffline(false);
});

// Verified user access from the studio: the same recipe, run while acting as two people, shows each
// their own pay slip only; asking for someone else's fails with "not allowed".
test('HR: acting as two people, each job shows only their own pay slip', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/sandbox/my-payslip.json');
  await expect(toast(page)).toContainText('Imported “My pay slip”');

  for (const [person, title, id, gross] of [['Dana Kim', 'Head of Finance', 'emp-002', '7600'], ['Tom Becker', 'Accountant', 'emp-003', '4700']] as const) {
    await sandboxApp(page, 'HR');
    await page.getByLabel('Acting as').selectOption({ label: `${person} · ${title}` });
    await expect(page.getByLabel('Acting as')).toHaveValue(id);
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Recipes/ }).click();
    await runRecipe(page, 'My pay slip', '{}');
    await expect(jobStatus(page)).toHaveText('Status: succeeded');
    const slip = await openStep(page, 'slip');
    const output = slip.getByLabel('Output', { exact: true });
    await expect(output).toContainText(`"employee_id": "${id}"`);
    await expect(output).toContainText(`"gross": ${gross}`);
  }

  // Tom asks for Dana's pay slip: the step fails, whatever the recipe asks.
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Recipes/ }).click();
  await runRecipe(page, 'My pay slip', '{ "employee_id": "emp-002" }');
  await expect(jobStatus(page)).toHaveText('Status: failed');
  await expect(page.getByRole('alert', { name: 'Job error' })).toContainText('not allowed: Tom Becker can read only their own pay slip');

  // The choice survives a reload.
  await sandboxApp(page, 'HR');
  await page.reload();
  await expect(page.getByLabel('Acting as')).toHaveValue('emp-003');
});
