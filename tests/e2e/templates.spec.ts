/**
 * The first ten minutes: on a fresh profile every recipe template is used from the Recipes page, opens in
 * the editor and test-runs from its sample to succeeded with no typing (an approval is answered with a
 * click); a Korean browser shows the gallery in Korean. Run with E2E_PORT=4331.
 */
import { expect, test, type Page } from '@playwright/test';
import { jobStatus, nav, openStudio } from './helpers';

/** [id, card title, recipe name] of every template, in gallery order (the index imports JSON, which Playwright's loader cannot). */
const TEMPLATES: Array<[string, string, string]> = [
  ["vendor-registration", "Vendor registration", "Vendor registration"],
  ["invoice-mail-approval", "Invoice intake with approval", "Invoice intake with approval"],
  ["document-extraction", "Read invoices from documents", "Read invoices from documents"],
  ["big-invoice-alert", "Flag big invoices", "Flag big invoices"],
  ["open-invoices-digest", "Daily open-invoices digest", "Daily open-invoices digest"],
  ["purchase-request-approval", "Purchase request with approval", "Purchase request with approval"],
  ["new-vendor-welcome", "Welcome new vendors", "Welcome new vendors"],
  ["leave-request-manager", "Leave requests to the manager", "Leave requests to the manager"],
  ["weekly-headcount", "Weekly headcount report", "Weekly headcount report"],
  ["order-stock-alert", "Order → low-stock alert", "Order → low-stock alert"],
  ["order-confirmation-mail", "Order confirmation mail", "Order confirmation mail"],
  ["daily-orders-report", "Daily orders report", "Daily orders report"],
  ["sandbox-health-check", "API health check", "API health check"],
  ["webhook-to-table", "Webhook → table", "Webhook → table"],
  ["sort-incoming-mail", "Sort incoming mail", "Sort incoming mail"]
];

async function useTemplate(page: Page, title: string) {
  await page.getByRole('article', { name: title, exact: true }).getByRole('button', { name: 'Use template' }).click();
  await expect(page).toHaveURL(/\/recipes\/[\w-]+$/);
}

/** Test run from the prefilled sample, then the job, answering an approval with its first choice. */
async function testRunToSuccess(page: Page, name: string) {
  await page.getByRole('button', { name: 'Test run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Test run' });
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog).toBeHidden();
  await nav(page, 'Jobs');
  await page.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: new RegExp(`, ${escape(name)}$`) }).first().click();
  await expect(jobStatus(page)).toHaveText(/Status: (succeeded|waiting)/);
  if ((await jobStatus(page).textContent())?.includes('waiting')) {
    await page.getByRole('group', { name: /^Answer approval/ }).getByRole('button', { name: 'approve' }).click();
  }
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the Recipes page shows the gallery when there are no recipes, and its heading stays Recipes', async ({ page }) => {
  await openStudio(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Recipe templates' }).getByRole('listitem');
  await expect(cards).toHaveCount(TEMPLATES.length);
  // Keyboard: the first Use template button is reachable with Tab and Enter uses it.
  await page.getByRole('list', { name: 'Recipe templates' }).getByRole('button', { name: 'Use template' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/recipes\/vendor-registration$/);
});

test('New recipe offers the templates beside a blank recipe', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: '+ New recipe' }).click();
  const dialog = page.getByRole('dialog', { name: 'New recipe' });
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeVisible();
  await dialog.getByRole('article', { name: 'Weekly headcount report', exact: true }).getByRole('button', { name: 'Use template' }).click();
  await expect(page).toHaveURL(/\/recipes\/weekly-headcount$/);
});

for (const [id, title, name] of TEMPLATES) {
  test(`template “${title}” test-runs to succeeded with no typing`, async ({ page }) => {
    await openStudio(page);
    await useTemplate(page, title);
    await expect(page).toHaveURL(new RegExp(`/recipes/${id}$`));
    await testRunToSuccess(page, name);
  });
}

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('the gallery speaks Korean', async ({ page }) => {
    await page.goto('/');
    const list = page.getByRole('list', { name: '레시피 템플릿' });
    await expect(list.getByRole('heading', { name: '거래처 등록' })).toBeVisible();
    await expect(list.getByRole('heading', { name: '송장 접수와 승인' })).toBeVisible();
    await list.getByRole('article', { name: '거래처 등록', exact: true }).getByRole('button', { name: '템플릿 사용' }).click();
    await expect(page).toHaveURL(/\/recipes\/vendor-registration$/);
  });
});
