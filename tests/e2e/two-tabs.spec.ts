import { expect, test } from '@playwright/test';
import { importFile, jobStatus, openStudio, startTestApi } from './helpers';

test('a second tab never drives a job the first one runs, and can cancel it', async ({ page, context }) => {
  const api = await startTestApi(3000);
  try {
    await openStudio(page);
    await importFile(page, 'tests/fixtures/reload-mid-job.recipe.json');
    await page.getByLabel('Trigger input (JSON)').fill(JSON.stringify({ base: api.base }));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => api.hits['/slow'] ?? 0).toBe(1);

    // The second tab's worker finds the job "running" at start; the job's Web Lock keeps it from running it too.
    const second = await context.newPage();
    await second.goto(page.url());
    await expect(jobStatus(second)).toHaveText('Status: running');
    await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 10_000 });
    await expect(jobStatus(second)).toHaveText('Status: succeeded');
    expect(api.hits).toEqual({ '/quick': 1, '/slow': 1 });

    // A job run from the first tab is cancelled from the second: its worker passes the cancel on.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => api.hits['/slow']).toBe(2);
    await second.getByRole('region', { name: 'Jobs' }).getByRole('button', { name: /running/ }).click();
    await second.getByRole('button', { name: 'Cancel' }).click();
    await expect(jobStatus(page)).toHaveText('Status: cancelled');
    await expect(page.getByRole('article', { name: 'Step slow' })).toContainText('cancelled');

    // Re-running the cancelled job starts a new one, which the page then shows.
    await page.getByRole('button', { name: 'Re-run' }).click();
    await expect(page.getByText(/re-run of/)).toBeVisible();
    await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 10_000 });
    await expect(page.getByRole('region', { name: 'Jobs' }).getByRole('button')).toHaveCount(3);
  } finally {
    await api.close();
  }
});
