import { expect, test } from '@playwright/test';
import { importFile, jobStatus, nav, openStep, openStudio, runRecipe, startTestApi } from './helpers';

test('a second tab never drives a job the first one runs, and can cancel it', async ({ page, context }) => {
  const api = await startTestApi(3000);
  const name = 'A quick call, then a slow one';
  try {
    await openStudio(page);
    await importFile(page, 'tests/fixtures/reload-mid-job.recipe.json');
    await runRecipe(page, name, JSON.stringify({ base: api.base }));
    await expect.poll(() => api.hits['/slow'] ?? 0).toBe(1);

    // The second tab's worker finds the job "running" at start; the job's Web Lock keeps it from running it too.
    const second = await context.newPage();
    await second.goto(page.url());
    await expect(jobStatus(second)).toHaveText('Status: running');
    await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 10_000 });
    await expect(jobStatus(second)).toHaveText('Status: succeeded');
    expect(api.hits).toEqual({ '/quick': 1, '/slow': 1 });

    // A job run from the first tab is cancelled from the second: its worker passes the cancel on.
    await nav(page, 'Recipes');
    await runRecipe(page, name, JSON.stringify({ base: api.base }));
    await expect.poll(() => api.hits['/slow']).toBe(2);
    await nav(second, 'Jobs');
    await second.getByRole('table', { name: 'Jobs' }).getByRole('link', { name: /running/ }).click();
    await second.getByRole('button', { name: 'Cancel' }).click();
    await expect(jobStatus(page)).toHaveText('Status: cancelled');
    await expect(await openStep(page, 'slow')).toContainText('cancelled');

    // Re-running the cancelled job starts a new one, which the page then shows.
    await page.getByRole('button', { name: 'Re-run', exact: true }).click();
    await expect(page.getByText(/re-run of/)).toBeVisible();
    await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 10_000 });
    await nav(page, 'Jobs');
    await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('row')).toHaveCount(4); // the header and 3 jobs
  } finally {
    await api.close();
  }
});
