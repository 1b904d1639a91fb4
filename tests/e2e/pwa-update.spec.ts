import { expect, test, type Page } from '@playwright/test';
import { canvas, stepNode } from './editor-helpers';
import { importFile } from './helpers';
import { serveBuildCopy, type BuildServer } from './pwa-server';

// A new version deployed while the studio is open, on a copy of the build served by the local server's own
// static handler (pwa-server.ts), which counts what reaches the network.
let site: BuildServer;
test.beforeAll(async () => {
  site = await serveBuildCopy();
});
test.afterAll(async () => site?.close());

const saveState = (page: Page) => page.getByTestId('save-state');
const banner = (page: Page) => page.getByRole('status', { name: 'New version' });

/** The studio's first visit, until its service worker has installed the shell and controls the page. */
async function firstVisit(page: Page) {
  await page.goto(`${site.base}/`);
  await expect(page.getByText('No recipes yet')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

const cacheKeys = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
    return out;
  });

test('install caches the shell only; an update waits for unsaved edits and downloads only what changed', async ({ page }) => {
  await firstVisit(page);
  const plan = site.plan();
  // Install fetched no heavy part: no OCR file, no model runtime, no pdf.js worker.
  for (const file of plan.lazy) expect(site.hits.get(file.path) ?? 0, file.path).toBe(0);
  const before = await cacheKeys(page);
  expect(before['sous-app-files'].length).toBe(plan.shell.length);
  // WebLLM keeps model weights in its own caches: an update must never touch them.
  await page.evaluate(async () => (await caches.open('webllm/model')).put('/weights/shard-1.bin', new Response('weights')));
  // A heavy part cached on first use (the OCR language data) stays cached across the update.
  const ocr = plan.lazy.find((file) => file.path.endsWith('.traineddata.gz'))!;
  expect(await page.evaluate(async (path) => (await fetch(path)).ok, ocr.path)).toBe(true);

  // An edit, not saved.
  await importFile(page, 'tests/fixtures/editor-demo.recipe.json');
  await page.goto(`${site.base}/recipes/invoice-review`);
  await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();
  await canvas(page).getByRole('button', { name: 'Add a step after report' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Search steps' })).toBeFocused();
  await page.keyboard.type('stop');
  await page.keyboard.press('Enter');
  await expect(stepNode(page, 'stop')).toBeVisible();
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  site.hits.clear();
  const added = site.deploy();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(banner(page)).toContainText('A new version is ready — reload');

  // The new worker fetched the one new file and none the shell already had.
  const fetched = [...site.hits.keys()].filter((path) => path.startsWith('/_app/immutable/') || path.startsWith('/vendor/') || path.startsWith('/icons/'));
  expect(fetched).toEqual([added]);

  // Reload waits: the edit is on screen, unsaved, and the page was not reloaded.
  await banner(page).getByRole('button', { name: 'Reload' }).click();
  await expect(banner(page)).toContainText('Save your changes first');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expect(stepNode(page, 'stop')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Saved, the same button reloads onto the new version, and the edit is there.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveState(page)).not.toHaveText('Unsaved changes');
  await Promise.all([page.waitForEvent('load'), banner(page).getByRole('button', { name: 'Reload' }).click()]);
  await expect(stepNode(page, 'stop')).toBeVisible();
  await expect(banner(page)).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBeUndefined();

  const after = await cacheKeys(page);
  expect(after['webllm/model']).toEqual(['/weights/shard-1.bin']);
  expect(Object.keys(after).filter((name) => name.startsWith('sous-app-v-'))).toHaveLength(1);
  expect(after['sous-app-files']).toContain(added);
  expect(after['sous-app-files']).toContain(`${ocr.path}?sous-hash=${ocr.hash}`);
  expect(after['sous-app-files'].length).toBe(plan.shell.length + 2);
  expect(site.hits.get(ocr.path) ?? 0).toBe(0); // not fetched again since the deploy
});

test('"Make available offline" fetches the heavy parts with progress, then they load with no network', async ({ page }) => {
  await firstVisit(page);
  const lazy = site.plan().lazy;
  // A heavy part used once online is cached on that first use, and the panel counts it as offline.
  const runtime = lazy.find((file) => file.path.includes('webllm'))!;
  expect(await page.evaluate(async (path) => (await (await fetch(path)).blob()).size, runtime.path)).toBe(runtime.bytes);
  await page.goto(`${site.base}/models`);
  const panel = page.getByRole('region', { name: 'Offline files' });
  await expect(panel.getByRole('status')).toContainText(`1 of ${lazy.length} files offline`);
  await panel.getByRole('button', { name: 'Make available offline' }).click();
  await expect(panel.getByRole('status')).toContainText('Everything is available offline', { timeout: 30_000 });
  await expect(panel.getByRole('button', { name: 'Make available offline' })).toBeHidden();
  for (const file of lazy) expect(site.hits.get(file.path), file.path).toBe(1);

  await page.context().setOffline(true);
  const ocr = lazy.find((file) => file.path.startsWith('/vendor/ocr/'))!;
  const status = await page.evaluate(async (path) => (await fetch(path)).status, ocr.path);
  expect(status).toBe(200);
  expect(site.hits.get(ocr.path)).toBe(1);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Offline files' }).getByRole('status')).toContainText('Everything is available offline');
  await page.context().setOffline(false);
});
