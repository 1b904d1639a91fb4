/**
 * The invoice flow end to end, offline after the first load: a mail arrives with a PDF invoice; the
 * engine worker reads the PDF's text (pdf.js in a nested worker), and a recipe extracts its fields
 * (basic mode), finds or creates the vendor, records the invoice in the ERP and posts to chat. Also: an
 * image attachment is read by OCR inside the worker, and a damaged file still arrives, with its problem shown.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importFile, jobStatus, openStep, openStudio, toast, sandboxApp, startRecipe } from './helpers';

const INV = 'tests/fixtures/invoices';
const truth = (name: string) => JSON.parse(readFileSync(`${INV}/${name}.truth.json`, 'utf8'));

/**
 * Load the studio once, let the service worker cache it, make the heavy parts (PDF reader, OCR) available
 * offline as a workshop would before the Wi-Fi goes, then cut the network and reload.
 */
async function openOffline(page: Page) {
  await openStudio(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.goto('/models');
  const panel = page.getByRole('region', { name: 'Offline files' });
  await panel.getByRole('button', { name: 'Make available offline' }).click();
  await expect(panel.getByRole('status')).toContainText('Everything is available offline', { timeout: 60_000 });
  await page.goto('/');
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByText('No recipes yet')).toBeVisible();
}

/** Drop a file on the Mailbox page's attachment zone and make the mail arrive. */
async function receive(page: Page, subject: string, file: { name: string; type: string; bytes: Buffer }) {
  await page.getByLabel('From').fill('Accounts <ap@supplier.example>');
  await page.getByLabel('Subject').fill(subject);
  const dropped = await page.evaluateHandle(({ name, type, bytes }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return data;
  }, { name: file.name, type: file.type, bytes: [...file.bytes] });
  await page.getByRole('group', { name: /^Attachment/ }).dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByText(`Attached: ${file.name} (${file.type}`)).toBeVisible();
  await page.getByRole('button', { name: 'Receive mail' }).click();
}

test.afterEach(({ page }) => page.context().setOffline(false));

test('offline: a PDF invoice mailed in is read, recorded in the ERP and posted to chat', async ({ page }) => {
  test.setTimeout(120_000);
  const want = truth('pdf-04-en');
  await openOffline(page);
  await importFile(page, 'tests/fixtures/sandbox/invoice-mail-extract.json');
  await expect(toast(page)).toContainText('Imported “Invoice mail: read the invoice into the ERP”');
  await startRecipe(page, 'Invoice mail: read the invoice into the ERP');

  await sandboxApp(page, 'Mailbox');
  await receive(page, 'Your invoice', { name: 'invoice.pdf', type: 'application/pdf', bytes: readFileSync(`${INV}/pdf-04-en.pdf`) });
  await expect(page.getByText('Mail “Your invoice” arrived; started 1 job.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Read “Your invoice”' }).click();
  const mail = page.getByRole('article', { name: 'Message “Your invoice”' });
  await expect(mail).toContainText('application/pdf');
  await expect(mail).toContainText('1 page');
  await expect(mail).toContainText(`Invoice ${want.invoice_number}`);

  await page.getByRole('link', { name: 'See the jobs' }).click();
  await page.getByRole('link', { name: /succeeded, Invoice mail: read the invoice into the ERP/ }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const read = await openStep(page, 'read');
  await expect(read.getByLabel('Output', { exact: true })).toContainText('"reader": "pdf"');

  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Chat/ }).click();
  const message = page.getByRole('log', { name: 'Chat' }).getByRole('listitem');
  await expect(message).toHaveCount(1);
  await expect(message).toContainText(`Invoice ${want.invoice_number} from ${want.vendor}: ${want.currency} ${want.total}`);

  await sandboxApp(page, 'ERP');
  await expect(page.getByRole('table', { name: 'Vendors' }).getByRole('row').filter({ hasText: want.vendor })).toHaveCount(1);
  const row = page.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: want.invoice_number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(want.currency);
});

test('offline: an image attachment is read by OCR in the engine worker', async ({ page }) => {
  test.setTimeout(200_000);
  const want = truth('ocr-02-en');
  await openOffline(page);
  await sandboxApp(page, 'Mailbox');
  await receive(page, 'Scanned invoice', { name: 'scan.png', type: 'image/png', bytes: readFileSync(`${INV}/ocr-02-en.png`) });
  await expect(page.getByText('Mail “Scanned invoice” arrived.')).toBeVisible({ timeout: 180_000 });
  await page.getByRole('button', { name: 'Read “Scanned invoice”' }).click();
  await expect(page.getByRole('article', { name: 'Message “Scanned invoice”' })).toContainText(want.invoice_number);
});

test('a file that cannot be read still arrives, and the Mailbox says why', async ({ page }) => {
  await openStudio(page);
  await sandboxApp(page, 'Mailbox');
  await receive(page, 'Broken scan', { name: 'broken.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 this is not really a PDF') });
  await expect(page.getByText('Mail “Broken scan” arrived.')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The mail arrived, but its attachment has no text: "broken.pdf" cannot be opened as a PDF');
  await page.getByRole('button', { name: 'Read “Broken scan”' }).click();
  await expect(page.getByRole('note', { name: 'Problem reading broken.pdf' })).toContainText('it is damaged or not really a PDF');
});
