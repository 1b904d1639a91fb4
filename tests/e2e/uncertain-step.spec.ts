import { expect, test, type Page } from '@playwright/test';
import { importFile, jobStatus, openStudio, runRecipe, startTestApi } from './helpers';

/**
 * A POST is not safe to repeat: reloaded while it is in flight, the job does not post again but stops as
 * `uncertain` on its page, and goes on only as the person answers with one of the three buttons.
 */
async function cutOff(page: Page, api: { base: string; hits: Record<string, number> }) {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/uncertain-post.recipe.json');
  await runRecipe(page, 'A payment cut off mid-call', JSON.stringify({ base: api.base }));
  await expect.poll(() => api.hits['/slow'] ?? 0).toBe(1);
  // The worker (and its fetch) goes away with the page: the POST's answer is never saved.
  await page.reload();
  await expect(jobStatus(page)).toHaveText('Status: uncertain', { timeout: 15_000 });
  const panel = page.getByRole('region', { name: 'This step may have run pay' });
  await expect(panel).toContainText('Sous cannot tell whether the call happened');
  return panel;
}

test.describe('an uncertain step on the job page', () => {
  test('"It ran: continue" goes on with the output the person gives, without posting again', async ({ page }) => {
    const api = await startTestApi(3000);
    try {
      const panel = await cutOff(page, api);
      await panel.getByLabel('What it answered, if you know it (JSON, optional)').fill('{ "body": { "path": "/checked" } }');
      await panel.getByRole('button', { name: 'It ran: continue' }).click();
      await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 15_000 });
      expect(api.hits['/slow']).toBe(1);
      expect(api.hits['/tell/checked']).toBe(1);
      await expect(page.getByTestId('uncertain-answers')).toContainText('answered “it ran: continue”');
    } finally {
      await api.close();
    }
  });

  test('"Run it again" makes the call once more', async ({ page }) => {
    const api = await startTestApi(1500);
    try {
      const panel = await cutOff(page, api);
      await panel.getByRole('button', { name: 'Run it again' }).click();
      await expect(jobStatus(page)).toHaveText('Status: succeeded', { timeout: 15_000 });
      expect(api.hits['/slow']).toBe(2);
      expect(api.hits['/tell/slow']).toBe(1);
    } finally {
      await api.close();
    }
  });

  test('"Stop the job" cancels it, saying who stopped it, and nothing more is called', async ({ page }) => {
    const api = await startTestApi(3000);
    try {
      const panel = await cutOff(page, api);
      await panel.getByRole('button', { name: 'Stop the job' }).click();
      await expect(jobStatus(page)).toHaveText('Status: cancelled');
      await expect(page.getByRole('alert', { name: 'Job error' })).toContainText(/stopped by .* may or may not have run/);
      await expect(panel).toBeHidden();
      expect(api.hits['/slow']).toBe(1);
      expect(Object.keys(api.hits).some((p) => p.startsWith('/tell'))).toBe(false);
    } finally {
      await api.close();
    }
  });

  test('bad JSON in the output box is refused, and the step stays uncertain', async ({ page }) => {
    const api = await startTestApi(3000);
    try {
      const panel = await cutOff(page, api);
      await panel.getByLabel('What it answered, if you know it (JSON, optional)').fill('{ nope');
      await panel.getByRole('button', { name: 'It ran: continue' }).click();
      await expect(panel.getByRole('alert')).toContainText('This is not JSON');
      await expect(jobStatus(page)).toHaveText('Status: uncertain');
    } finally {
      await api.close();
    }
  });
});

test('the Inbox lists the uncertain step, counts it, and leads to the job page to answer it', async ({ page }) => {
  const api = await startTestApi(3000);
  try {
    await cutOff(page, api);
    const jobUrl = page.url();
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /Inbox, 1 waiting/ }).click();
    const list = page.getByRole('list', { name: 'Steps that may have run' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Step pay may have run: check in the app, then say what happened.');
    await expect(list).toContainText('A payment cut off mid-call');
    await list.getByRole('link', { name: 'Check and answer' }).click();
    await expect(page).toHaveURL(jobUrl);
    await page.getByRole('region', { name: 'This step may have run pay' }).getByRole('button', { name: 'Stop the job' }).click();
    await expect(jobStatus(page)).toHaveText('Status: cancelled');
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Inbox', exact: true }).click();
    await expect(page.getByText('Nothing is waiting')).toBeVisible();
  } finally {
    await api.close();
  }
});
