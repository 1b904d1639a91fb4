import { expect, test } from '@playwright/test';
import { importFile, jobStatus, nav, openStep, openStudio, runRecipe, startTestApi } from './helpers';

test('a job goes on after the page is reloaded mid-request, without repeating the step that finished', async ({ page }) => {
  const api = await startTestApi(3000);
  try {
    await openStudio(page);
    await importFile(page, 'tests/fixtures/reload-mid-job.recipe.json');
    await runRecipe(page, 'A quick call, then a slow one', JSON.stringify({ base: api.base }));
    await expect(jobStatus(page)).toHaveText('Status: running');

    // Reload while the slow request is in flight: the worker (and its fetch) goes away with the page.
    await expect.poll(() => api.hits['/slow'] ?? 0).toBe(1);
    await page.reload();

    await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 15_000 });
    expect(api.hits['/quick']).toBe(1);
    expect(api.hits['/slow']).toBe(2);
    const slow = await openStep(page, 'slow');
    await expect(slow).toContainText('attempt 2');
    await nav(page, 'Chat');
    await expect(page.getByRole('log', { name: 'Chat' })).toContainText('Both calls answered: /quick and /slow');
  } finally {
    await api.close();
  }
});
