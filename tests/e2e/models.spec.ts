/**
 * The Models page in the browsers this machine has: headless Chromium with no WebGPU (basic mode, said
 * plainly), and with --enable-unsafe-webgpu (SwiftShader: no 16-bit floats, so f32 models). Downloads come
 * from a 127.0.0.1 server this test starts, holding dummy files in a model's layout: no weights exist here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { importFile, jobStatus, openStudio, recipeRow, runRecipe } from './helpers';

test.describe('no WebGPU (default headless Chromium)', () => {
  test('the Models page says basic mode and why, and offers no download', async ({ page }) => {
    await page.goto('/models');
    await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
    await expect(page.getByTestId('gpu-message')).toHaveText(/^This browser (has no WebGPU|knows WebGPU but found no graphics adapter)/);
    await expect(page.getByTestId('mode-sentence')).toHaveText(/^Basic mode: /);
    const rows = page.getByTestId('model-row');
    await expect(rows.first()).toContainText('Cannot run here: no WebGPU');
    for (const button of await page.getByRole('button', { name: /^Download / }).all()) await expect(button).toBeDisabled();
    await expect(page.getByTestId('storage')).toContainText('Storage used by this site');
  });

  test('an ai.generate step fails plainly without a model, and "Why did this fail?" says what to do', async ({ page }) => {
    await openStudio(page);
    await importFile(page, 'tests/fixtures/ai-generate.recipe.json');
    await runRecipe(page, 'Write a thank-you note');
    await expect(jobStatus(page)).toContainText('failed');
    const failure = page.getByRole('alert', { name: 'Job error' });
    await expect(failure).toContainText('Writing text needs an on-device model: open Models, download one and choose it');
    await page.getByRole('button', { name: 'Why did this fail?' }).click();
    const why = page.getByTestId('failure-advice');
    await expect(why.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
    await expect(why).toContainText('Open Models, download a model and choose it');
    await expect(why.getByTestId('model-mode-note')).toHaveText(/^Basic mode: /);
  });

  test('"Explain" in the editor reads the recipe out in basic mode', async ({ page }) => {
    await openStudio(page);
    await importFile(page, 'tests/fixtures/ai-triage.recipe.json');
    await recipeRow(page, 'Triage a message').getByRole('link', { name: 'Triage a message' }).click();
    await page.getByRole('button', { name: 'Explain' }).click();
    const dialog = page.getByRole('dialog', { name: 'What this recipe does' });
    await expect(dialog.getByTestId('explanation-summary')).toHaveText('"Triage a message" starts when you press Run and has 3 steps.');
    await expect(dialog.getByTestId('explanation')).toContainText('uses ai to classify');
    await expect(dialog.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
    await expect(dialog.getByTestId('model-mode-note')).toHaveText(/^Basic mode: /);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('Models is in the nav and reached by keyboard', async ({ page }) => {
    await page.goto('/');
    const link = page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Models' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/models$/);
  });
});

const GOOD = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const BROKEN = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const SHARD = 256 * 1024;

/** Dummy model files; the good model's shards come slowly, in small pieces, so the bar can be seen moving. */
function modelServer(): Promise<{ base: string; server: Server }> {
  const files = new Map<string, Buffer>();
  const put = (path: string, body: string | Buffer) => files.set(path, Buffer.from(body));
  for (const [id, promised] of [[GOOD, SHARD], [BROKEN, SHARD * 2]] as const) {
    put(`/${id}/resolve/main/mlc-chat-config.json`, JSON.stringify({ tokenizer_files: ['tokenizer.json'] }));
    put(`/${id}/resolve/main/tensor-cache.json`, JSON.stringify({ records: [0, 1, 2].map((i) => ({ dataPath: `params_shard_${i}.bin`, nbytes: promised })) }));
    for (const i of [0, 1, 2]) put(`/${id}/resolve/main/params_shard_${i}.bin`, Buffer.alloc(SHARD, i));
    put(`/${id}/resolve/main/tokenizer.json`, '{}');
  }
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '').replace(/^\/models/, '');
    const lib = path.startsWith('/libs/') ? Buffer.alloc(1000, 9) : undefined;
    const body = files.get(path) ?? lib;
    const headers = { 'access-control-allow-origin': '*' };
    if (!body) return res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'content-length': body.length, 'content-type': 'application/octet-stream' });
    if (!path.startsWith(`/${GOOD}/`) || !path.endsWith('.bin')) return res.end(body);
    for (let at = 0; at < body.length; at += 16 * 1024) {
      res.write(body.subarray(at, at + 16 * 1024));
      await new Promise((r) => setTimeout(r, 60));
    }
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/models` })));
}

async function setBase(page: Page, base: string) {
  await page.getByLabel('Model base URL').fill(base);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

/** The good dummy model downloaded from `base` and in use (the first downloaded is chosen); then the studio. */
async function downloadAndChoose(page: Page, base: string) {
  await page.goto('/models');
  await setBase(page, base);
  const row = page.locator(`[data-model="${GOOD}"]`);
  await row.getByRole('button', { name: 'Download SmolLM2 360M' }).click();
  await expect(row).toContainText('· in use', { timeout: 30_000 });
  await page.goto('/');
}

test.describe('WebGPU on a software adapter (--enable-unsafe-webgpu)', () => {
  // Its own browser: the flag is a launch option, and the other tests need the browser without it.
  let browser: Browser;
  let page: Page;
  test.beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] });
  });
  test.afterAll(() => browser.close());
  test.beforeEach(async ({ baseURL }) => {
    page = await (await browser.newContext({ baseURL })).newPage();
  });
  test.afterEach(() => page.context().close());

  test('says there are no 16-bit floats and offers f32 models', async () => {
    await page.goto('/models');
    await expect(page.getByTestId('gpu-message')).toHaveText(/^WebGPU here is a software adapter without 16-bit floats: only f32 models/);
    const rows = page.getByTestId('model-row');
    await expect(rows.first()).toHaveAttribute('data-model', GOOD);
    for (const id of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-model')))) expect(id).toMatch(/-q4f32_1-MLC$/);
    await expect(page.getByTestId('mode-sentence')).toHaveText(/^Basic mode: no model is chosen/);
  });

  test('a download from the model base URL moves its bar, can be used and deleted; a broken model says why', async () => {
    const { server, base } = await modelServer();
    try {
      await page.goto('/models');
      await page.getByLabel('Model base URL').fill('not a url');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert')).toHaveText(/not a web address/);
      await setBase(page, base);

      const row = page.locator(`[data-model="${GOOD}"]`);
      await row.getByRole('button', { name: 'Download SmolLM2 360M' }).click();
      const bar = row.getByTestId('download-bar');
      await expect(bar).toBeVisible();
      await expect.poll(() => bar.evaluate((el: HTMLProgressElement) => el.value)).toBeGreaterThan(0);
      const first = await bar.evaluate((el: HTMLProgressElement) => el.value);
      await expect.poll(() => bar.evaluate((el: HTMLProgressElement) => el.value)).toBeGreaterThan(first);
      await expect(row.getByTestId('download-text')).toHaveText(/^\d[\d.]* (KB|MB) of 7\d\d KB · .+\/s · (about|almost|working)/);
      await expect(row).toContainText('Downloaded (768 KB) · in use', { timeout: 30_000 });
      await expect(page.getByTestId('mode-sentence')).toHaveText(`Model mode: ${GOOD} runs in this browser; nothing leaves this machine.`);

      // The files are in WebLLM's caches, under the base URL.
      const cached = await page.evaluate(async () => (await (await caches.open('webllm/model')).keys()).map((r) => r.url));
      expect(cached).toContain(`${base}/${GOOD}/resolve/main/params_shard_2.bin`);

      // Trying it starts WebLLM in its own worker (imported only now); dummy weights fail, said plainly.
      await row.getByRole('button', { name: 'Try SmolLM2 360M' }).click();
      await expect(row.getByTestId('try-result')).toHaveText(new RegExp(`^Could not start the model ${GOOD}: .+`), { timeout: 30_000 });

      // Settings survive a reload; and with no network (the studio from its service worker, the model from
      // the cache) the model is still there and in use.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.context().setOffline(true);
      await page.reload();
      await expect(page.getByLabel('Model base URL')).toHaveValue(base);
      await expect(row).toContainText('Downloaded (768 KB) · in use');
      await expect(page.getByTestId('mode-sentence')).toHaveText(/^Model mode: /);
      await page.context().setOffline(false);

      const broken = page.locator(`[data-model="${BROKEN}"]`);
      await broken.getByRole('button', { name: 'Download Qwen2.5 0.5B' }).click();
      await expect(broken.getByRole('alert')).toHaveText(/params_shard_0\.bin is 262144 bytes, but the model's file list says 524288: the copy at this address is broken/);
      await broken.getByRole('button', { name: 'Delete partial files' }).click();
      await expect(broken.getByRole('alert')).toHaveCount(0);

      await row.getByRole('button', { name: 'Delete SmolLM2 360M' }).click();
      await expect(row).toContainText('Not downloaded');
      await expect(page.getByTestId('mode-sentence')).toHaveText(/^Basic mode: no model is chosen/);
      expect(await page.evaluate(async () => (await (await caches.open('webllm/model')).keys()).length)).toBe(0);
    } finally {
      server.close();
    }
  });

  test('with a model chosen, an ai step in a job goes to it (WebLLM in a worker the engine worker starts)', async () => {
    const { server, base } = await modelServer();
    try {
      await downloadAndChoose(page, base);
      await importFile(page, 'tests/fixtures/ai-triage.recipe.json');
      await runRecipe(page, 'Triage a message', '{"text": "Please refund order 77."}');
      await expect(jobStatus(page)).toContainText('failed', { timeout: 30_000 });
      // The dummy weights cannot run: the step says which model and why, rather than quietly using basic mode.
      await expect(page.getByRole('alert', { name: 'Job error' })).toContainText(`Could not start the model ${GOOD}: its library file (.wasm) is broken`);
    } finally {
      server.close();
    }
  });

  test('with a chosen model that cannot start, the copilot gives the basic answer labelled basic and says why', async () => {
    const { server, base } = await modelServer();
    try {
      await downloadAndChoose(page, base);
      await page.getByRole('button', { name: 'New from words' }).click();
      const dialog = page.getByRole('dialog', { name: 'New recipe from words' });
      await expect(dialog.getByTestId('model-mode-note')).toHaveText(new RegExp(`^Model mode: ${GOOD} runs in this browser`));
      await dialog.getByLabel('What should the recipe do?').fill('manually tell #finance');
      await dialog.getByRole('button', { name: 'Draft', exact: true }).click();
      // The page loads WebLLM for the copilot; the dummy weights cannot run, which is said, not hidden.
      const preview = dialog.getByRole('region', { name: 'Draft preview' });
      await expect(preview).toBeVisible({ timeout: 30_000 });
      await expect(preview.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
      await expect(preview.getByTestId('model-problem')).toHaveText(
        new RegExp(`^The on-device model failed, so this is the basic-mode answer\\. Could not start the model ${GOOD}: `)
      );
      await expect(preview.getByTestId('canvas')).toContainText('Post to chat');
    } finally {
      server.close();
    }
  });

  test('cancel stops a download', async () => {
    const { server, base } = await modelServer();
    try {
      await page.goto('/models');
      await setBase(page, base);
      const row = page.locator(`[data-model="${GOOD}"]`);
      await row.getByRole('button', { name: 'Download SmolLM2 360M' }).click();
      await expect.poll(() => row.getByTestId('download-bar').evaluate((el: HTMLProgressElement) => el.value)).toBeGreaterThan(0);
      await row.getByRole('button', { name: 'Cancel download' }).click();
      await expect(row.getByRole('alert')).toHaveText(/^The download was cancelled/);
      await expect(row).toContainText('Not downloaded');
    } finally {
      server.close();
    }
  });
});
