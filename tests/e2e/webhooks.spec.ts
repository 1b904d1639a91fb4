/**
 * Webhooks through the local server to the studio (issue 11, item 3): a POST to /hooks/PATH with the
 * install's token starts a job of the started recipe on PATH, whether the studio is open then or opens
 * later; without the token it is refused and nothing runs. Posts come from the test (Node), as a sender
 * would, to 127.0.0.1. Recipes are started with the recipe list's Start button. Each test uses a path of
 * its own: the server is shared by the run's tests.
 */
import { expect, test, type Page } from '@playwright/test';
import { importFile, openStudio, recipeRow, startRecipe, toast } from './helpers';

interface HookInfo {
  token: string;
  base_url: string;
}

function hookRecipe(id: string, path: string) {
  return {
    format: 'sous.recipe/v1',
    id,
    name: `Take an order (${id})`,
    trigger: { kind: 'webhook', path },
    steps: [
      { id: 'note', kind: 'set', values: { hello: '{{ trigger.body.hello }}' } },
      { id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'orders', text: 'New order: {{ vars.hello }}' } }
    ]
  };
}

async function importRecipe(page: Page, recipe: ReturnType<typeof hookRecipe>): Promise<void> {
  await importFile(page, { name: `${recipe.id}.recipe.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(recipe)) });
  await expect(toast(page)).toHaveText(new RegExp(`Imported .*\\(${recipe.id}\\)`));
}

/** The token and base URL, as the studio asks for them (the route answers only the studio's own pages). */
function hookInfo(page: Page): Promise<HookInfo> {
  return page.evaluate(() => fetch('/hooks-relay/info').then((r) => r.json() as Promise<HookInfo>));
}

/** One row of the studio's IndexedDB, read in the page (null when there is none). */
function readRow(page: Page, store: string, key: string): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    ([store, key]) =>
      new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const open = indexedDB.open('sous');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(store).objectStore(store).get(key);
          get.onsuccess = () => (resolve((get.result as Record<string, unknown>) ?? null), db.close());
          get.onerror = () => (reject(get.error), db.close());
        };
      }),
    [store, key] as const
  );
}

function countJobs(page: Page, recipeId: string): Promise<number> {
  return page.evaluate(
    (recipeId) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sous');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('jobs').objectStore('jobs').getAll();
          all.onsuccess = () => (resolve((all.result as Array<{ recipe_id: string }>).filter((j) => j.recipe_id === recipeId).length), db.close());
          all.onerror = () => (reject(all.error), db.close());
        };
      }),
    recipeId
  );
}

const jobStatusOf = async (page: Page, id: string) => ((await readRow(page, 'jobs', id)) as { status?: string } | null)?.status ?? 'none';

/** A studio with the recipe imported and started; answers the webhook's URL and token. */
async function startedHook(page: Page, id: string, path: string) {
  await openStudio(page);
  const recipe = hookRecipe(id, path);
  await importRecipe(page, recipe);
  await startRecipe(page, recipe.name);
  const info = await hookInfo(page);
  return { ...info, url: `${info.base_url}${path}`, name: recipe.name };
}

test('a webhook posted while the studio is open starts a job whose trigger holds the body and no token', async ({ page, request }) => {
  const hook = await startedHook(page, 'open-hook', 'e2e/open');
  // The leader tab publishes the started paths a moment after the start: until then the server says 404.
  let first: { event_id: string } | undefined;
  await expect
    .poll(async () => {
      const res = await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}`, 'X-Order': 'A-1' }, data: { hello: 'world' } });
      if (res.status() === 202) first = await res.json();
      return res.status();
    })
    .toBe(202);
  expect(first!.event_id).toMatch(/^wh_/);
  await expect.poll(() => jobStatusOf(page, first!.event_id), { timeout: 15_000 }).toBe('succeeded');
  const job = (await readRow(page, 'jobs', first!.event_id)) as { recipe_id: string; trigger: { method: string; headers: Record<string, string>; query: Record<string, string>; body: unknown } };
  expect(job.recipe_id).toBe('open-hook');
  expect(job.trigger.body).toEqual({ hello: 'world' });
  expect(job.trigger.method).toBe('POST');
  expect(job.trigger.headers['x-order']).toBe('A-1');
  const names = Object.keys(job.trigger.headers).map((h) => h.toLowerCase());
  expect(names).not.toContain('authorization');
  expect(JSON.stringify(job)).not.toContain(hook.token);

  // The token as a query parameter works too, and never reaches the job either.
  const second = await request.post(`${hook.url}?token=${hook.token}&source=crm`, { data: { hello: 'again' } });
  expect(second.status()).toBe(202);
  const { event_id } = await second.json();
  await expect.poll(() => jobStatusOf(page, event_id), { timeout: 15_000 }).toBe('succeeded');
  const again = (await readRow(page, 'jobs', event_id)) as { trigger: { query: Record<string, string> } };
  expect(again.trigger.query).toEqual({ source: 'crm' });
  expect(JSON.stringify(again)).not.toContain(hook.token);
  expect(await countJobs(page, 'open-hook')).toBe(2);
});

test('a webhook posted while the studio is closed runs when it opens, once', async ({ page, context, request }) => {
  const hook = await startedHook(page, 'closed-hook', 'e2e/closed');
  // A first webhook proves the path is published (and the relay works) before the studio closes.
  await expect.poll(async () => (await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}` }, data: { hello: 'open' } })).status()).toBe(202);
  await expect.poll(() => countJobs(page, 'closed-hook'), { timeout: 15_000 }).toBe(1);

  for (const p of context.pages()) await p.close();
  const res = await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}` }, data: { hello: 'while closed' } });
  expect(res.status()).toBe(202);
  const { event_id } = await res.json();

  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect.poll(() => jobStatusOf(reopened, event_id), { timeout: 15_000 }).toBe('succeeded');
  const job = (await readRow(reopened, 'jobs', event_id)) as { trigger: { body: unknown } };
  expect(job.trigger.body).toEqual({ hello: 'while closed' });

  // Opened again: the event was acknowledged, so it does not run a second time.
  await reopened.reload();
  await expect(recipeRow(reopened, hook.name)).toBeVisible();
  await reopened.waitForTimeout(1500);
  expect(await countJobs(reopened, 'closed-hook')).toBe(2);
});

test('without the token a webhook is refused with 401 and starts no job; once stopped, 404', async ({ page, request }) => {
  const hook = await startedHook(page, 'guarded-hook', 'e2e/guarded');
  await expect.poll(async () => (await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}` }, data: { hello: 'ok' } })).status()).toBe(202);
  await expect.poll(() => countJobs(page, 'guarded-hook'), { timeout: 15_000 }).toBe(1);

  for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer not-the-token' }, { Authorization: hook.token }]) {
    const res = await request.post(hook.url, { headers, data: { hello: 'intruder' } });
    expect(res.status()).toBe(401);
    expect(JSON.stringify(await res.json())).not.toContain(hook.token);
  }
  expect((await request.post(`${hook.url}?token=wrong`, { data: {} })).status()).toBe(401);
  await page.waitForTimeout(1500);
  expect(await countJobs(page, 'guarded-hook')).toBe(1);

  // Stopped, its path is no longer published: the server answers 404 (with the token) and keeps nothing.
  await page.goto('/recipes/guarded-hook');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(async () => (await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}` }, data: {} })).status()).toBe(404);
});

test("the webhook trigger's inspector shows the URL, the token behind Show, a curl example and whether it is started", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openStudio(page);
  const recipe = hookRecipe('shown-hook', 'e2e/shown');
  await importRecipe(page, recipe);
  const info = await hookInfo(page);
  const url = `${info.base_url}e2e/shown`;

  await page.goto(`/recipes/${recipe.id}`);
  await page.getByRole('button', { name: 'Trigger: webhook' }).click();
  const panel = page.getByRole('region', { name: 'Receiving webhooks' });
  await expect(panel.getByTestId('webhook-url')).toHaveText(url);
  await expect(panel.getByTestId('webhook-token')).not.toContainText(info.token);
  await expect(panel.getByTestId('webhook-curl')).not.toContainText(info.token);
  await expect(panel.getByTestId('webhook-state')).toHaveText(/must be started to receive webhooks/);

  const show = panel.getByRole('button', { name: 'Show the token' });
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('webhook-token')).toHaveText(info.token);
  await expect(panel.getByTestId('webhook-curl')).toHaveText(
    `curl -X POST '${url}' -H 'Authorization: Bearer ${info.token}' -H 'Content-Type: application/json' -d '{"hello":"world"}'`
  );

  await panel.getByRole('button', { name: 'Copy a curl example' }).click();
  await expect(panel.getByRole('button', { name: 'Copy a curl example' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`-H 'Authorization: Bearer ${info.token}'`);
  await panel.getByRole('button', { name: 'Copy the token' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(info.token);

  await page.goto('/');
  await startRecipe(page, recipe.name);
  await page.goto(`/recipes/${recipe.id}`);
  await page.getByRole('button', { name: 'Trigger: webhook' }).click();
  await expect(page.getByRole('region', { name: 'Receiving webhooks' }).getByTestId('webhook-state')).toHaveText(/This recipe is started/);
});

test('with two tabs open each webhook still runs once', async ({ page, context, request }) => {
  const hook = await startedHook(page, 'two-tab-hook', 'e2e/two-tabs');
  const second = await context.newPage();
  await second.goto('/');
  await expect(recipeRow(second, hook.name)).toBeVisible();
  await expect.poll(async () => (await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}` }, data: { n: 0 } })).status()).toBe(202);
  for (let n = 1; n <= 3; n++) {
    expect((await request.post(hook.url, { headers: { Authorization: `Bearer ${hook.token}` }, data: { n } })).status()).toBe(202);
  }
  await expect.poll(() => countJobs(page, 'two-tab-hook'), { timeout: 15_000 }).toBe(4);
  await page.waitForTimeout(1500);
  expect(await countJobs(second, 'two-tab-hook')).toBe(4);
});

test('a studio not opened from the local server says so in the inspector and relays nothing', async ({ page }) => {
  // As under `vite dev`: the relay's routes are not there.
  await page.route('**/hooks-relay/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  const streams: string[] = [];
  page.on('request', (req) => req.url().includes('/hooks-relay/stream') && streams.push(req.url()));
  await openStudio(page);
  const recipe = hookRecipe('no-server-hook', 'e2e/no-server');
  await importRecipe(page, recipe);
  await page.goto(`/recipes/${recipe.id}`);
  await page.getByRole('button', { name: 'Trigger: webhook' }).click();
  const panel = page.getByRole('region', { name: 'Receiving webhooks' });
  await expect(panel.getByTestId('webhook-no-server')).toHaveText(/Webhooks need the local server/);
  await expect(panel.getByTestId('webhook-url')).toHaveCount(0);
  expect(streams).toEqual([]);
  await expect(page.getByRole('alert').filter({ hasText: /webhook/i })).toHaveCount(0);
});
