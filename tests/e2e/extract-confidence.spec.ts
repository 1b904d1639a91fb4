/**
 * The extract page marks the values Sous is unsure of: "Check this" (확인 필요) beside each, reached by
 * the keyboard, saying how sure it is; sure values carry no mark and a field not found is not guessed.
 */
import { expect, test, type Page } from '@playwright/test';

/** A vendor that is only the first line and a date with no label: both found, both unsure. */
const UNSURE = 'Kestrel Bakery\nTotal $5.00\n2026-03-01\n';

async function extract(page: Page, label: string) {
  await page.getByLabel(label).setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from(UNSURE) });
}

const row = (page: Page, field: string) => page.locator(`tr[data-field="${field}"]`);

test.describe('extract: check the unsure values', () => {
  test('each unsure field has a visible, keyboard-reachable "Check this" that says why', async ({ page }) => {
    await page.goto('/extract');
    await extract(page, 'Document (text, PDF, PNG or JPEG)');
    await expect(page.getByTestId('extract-checks')).toHaveText('2 fields to check: Sous is not sure of them.');
    for (const field of ['vendor', 'invoice_date']) {
      await expect(row(page, field).getByRole('button', { name: 'Check this' })).toBeVisible();
    }
    // Sure values carry no mark; a field with nothing to find is "not found", not a guess.
    await expect(row(page, 'total').getByRole('button')).toHaveCount(0);
    await expect(row(page, 'invoice_number')).toContainText('not found');
    await expect(row(page, 'invoice_number').getByRole('button')).toHaveCount(0);

    // Tab from the file input reaches the first mark; Enter shows why.
    await page.getByLabel('Document (text, PDF, PNG or JPEG)').focus();
    const first = row(page, 'vendor').getByRole('button', { name: 'Check this' });
    for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await expect(row(page, 'vendor').getByRole('note')).toHaveText(/Sous is only \d+% sure of this value/);
  });

  test('in Korean the mark reads 확인 필요', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('sous.locale', 'ko'));
    await page.goto('/extract');
    await extract(page, '문서 (텍스트, PDF, PNG, JPEG)');
    await expect(row(page, 'vendor').getByRole('button', { name: '확인 필요' })).toBeVisible();
    await expect(page.getByTestId('extract-checks')).toHaveText('확인할 항목 2개: Sous가 확신하지 못합니다.');
  });
});
