import { expect, test } from '@playwright/test';

// A workshop laptop loses its Wi-Fi: the studio, once visited, must still open (service worker cache).
test('the studio opens again with no network after its first visit', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page).toHaveTitle(/Sous/);
  await expect(page.locator('main')).toBeVisible();
  // The app itself ran (not a browser error page): its own script rendered the page's controls.
  await expect(page.getByRole('button').first()).toBeVisible();
  await context.setOffline(false);
});
