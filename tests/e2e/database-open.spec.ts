/**
 * The studio's database cannot be opened (the browser blocks this site's data, as Chromium's "Don't allow
 * sites to save data" does): the shell says so in words, in the person's language, instead of showing
 * empty pages. The refusal is faked at the browser's edge: IndexedDB's open throws what Chromium throws
 * then. Run with E2E_PORT=4471.
 */
import { expect, test, type Page } from '@playwright/test';

async function siteDataBlocked(page: Page): Promise<void> {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'UnknownError');
    };
  });
}

test('site data blocked: the studio says it could not open its data, and why', async ({ page }) => {
  await siteDataBlocked(page);
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'could not open its data' });
  await expect(banner).toContainText('The studio could not open its data in this browser');
  await expect(banner).toContainText('The user denied permission to access the database.');
});

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('the same, in Korean', async ({ page }) => {
    await siteDataBlocked(page);
    await page.goto('/');
    await expect(page.getByRole('alert').filter({ hasText: '데이터를 열지 못했습니다' })).toContainText('스튜디오가 이 브라우저의 데이터를 열지 못했습니다');
  });
});
