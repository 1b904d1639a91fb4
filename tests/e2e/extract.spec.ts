/**
 * Reading documents in the browser, offline: a PDF by pdf.js, a Korean scan by tesseract.js with the
 * language data the app serves itself. Every request outside this machine is refused and recorded.
 */
import { expect, test, type Page } from '@playwright/test';

const INV = 'tests/fixtures/invoices';

function field(page: Page, name: string) {
  return page.locator(`tr[data-field="${name}"] td`).first();
}

test.describe('extract page', () => {
  let outside: string[];

  test.beforeEach(async ({ page }) => {
    outside = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    await page.goto('/extract');
    await expect(page.getByRole('heading', { name: 'Extract' })).toBeVisible();
  });

  test.afterEach(() => expect(outside).toEqual([]));

  test('a PDF is read from its text layer and its fields shown, labelled basic mode', async ({ page }) => {
    await page.getByLabel('Document (text, PDF, PNG or JPEG)').setInputFiles(`${INV}/pdf-01-en.pdf`);
    await expect(page.getByTestId('extract-mode')).toContainText("Basic mode (layout and label rules, no model) · read from the PDF's text layer");
    await expect(field(page, 'vendor')).toHaveText('Atlas Cloud Services BV');
    await expect(field(page, 'invoice_number')).toHaveText('A20719');
    await expect(field(page, 'invoice_date')).toHaveText('2026-02-25');
    await expect(field(page, 'total')).toHaveText('1,230.25');
    await expect(page.locator('tr[data-field="total"] td.source')).toHaveText('Total  £1,230.25');
  });

  test('a scanned Korean invoice is read by OCR, offline', async ({ page }) => {
    test.setTimeout(180_000);
    await page.getByLabel('Document (text, PDF, PNG or JPEG)').setInputFiles(`${INV}/ocr-06-ko.png`);
    await expect(page.getByTestId('extract-mode')).toContainText('read from the image by OCR', { timeout: 150_000 });
    await expect(field(page, 'vendor')).toHaveText('푸른들식품');
    await expect(field(page, 'invoice_number')).toHaveText('KR-65824');
    await expect(field(page, 'currency')).toHaveText('KRW');
    await expect(field(page, 'total')).toHaveText('1,538,900');
  });

  test('a file it cannot read gets a plain message', async ({ page }) => {
    await page.getByLabel('Document (text, PDF, PNG or JPEG)').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]) });
    await expect(page.getByRole('alert')).toHaveText('"notes.zip" is not a document Sous can read. Give a text file, a PDF, or an image (PNG, JPEG, GIF, WebP, BMP).');
  });
});
