import { expect, test } from '@playwright/test';
import { importFile, jobStatus, openStep, openStudio, runRecipe, startTestApi } from './helpers';

// Two tabs; the one that opened first is the runner. It starts a job and is closed mid-call: the other
// tab, opened before the job began (so its start-up resume never saw it), takes it over within seconds,
// and its job page follows the job live all along.
test('when the tab running a job is closed, another open tab takes the job over and finishes it', async ({ page, context }) => {
  const api = await startTestApi(4000);
  const name = 'A quick call, then a slow one';
  try {
    await openStudio(page);
    await importFile(page, 'tests/fixtures/reload-mid-job.recipe.json');
    const other = await context.newPage();
    await other.goto('/');

    await runRecipe(page, name, JSON.stringify({ base: api.base }));
    await expect.poll(() => api.hits['/slow'] ?? 0).toBe(1);
    await other.goto(page.url());
    await expect(jobStatus(other)).toHaveText('Status: running');
    await expect(await openStep(other, 'quick')).toContainText('succeeded');

    const closedAt = Date.now();
    await page.close();
    // The slow call (a GET, safe to repeat) is made again by the other tab's worker.
    await expect.poll(() => api.hits['/slow'] ?? 0, { timeout: 10_000 }).toBe(2);
    expect(Date.now() - closedAt).toBeLessThan(9_000);
    await expect(jobStatus(other)).toHaveText('Status: succeeded', { timeout: 15_000 });
    expect(api.hits['/quick']).toBe(1);
  } finally {
    await api.close();
  }
});
