/**
 * A full disk, as Chromium makes one (CDP `Storage.overrideQuotaForOrigin`): each write path a person uses
 * says the browser's storage is full, in their language, within seconds; nothing else breaks (pages still
 * read and navigate); and once the quota is lifted the same action works. A job run on the full disk is
 * never left "running": it is not there, or it ended saying why.
 *
 * How headless Chromium enforces it (found by trying): the whole origin counts, the service worker's
 * caches included (about 9 MB of this build), and an IndexedDB transaction is refused once its writes
 * would go past the quota. But IndexedDB keeps the space it last learnt it has for about 30 seconds, so a
 * lowered quota bites only after that: the test lowers it to what the origin uses (read from CDP; no
 * headroom, as a chat message or a job row is a few hundred bytes), waits that long once, tries every
 * write path on the full disk, then lifts the quota (which counts at once: a refused-for-space cache asks
 * again) and tries them all again. Run with E2E_PORT=4483.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { importFile, jobStatus, nav, openStudio, recipeRow, sandboxApp, toast } from './helpers';

const FULL = /storage for Sous is full/;
const FULL_KO = /저장 공간이 가득 차서 저장하지 못했습니다/;
/** Generous: a refused write answers at once, but the first use of a page may load its code. */
const SAYS = { timeout: 15_000 };
/** How long Chromium's IndexedDB trusts the free space it last asked for, with a margin. */
const SPACE_CACHE_MS = 36_000;

const RECIPE = (id: string, name: string) => ({
  name: `${id}.recipe.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({ format: 'sous.recipe/v1', id, name, trigger: { kind: 'manual' }, steps: [{ id: 'note', kind: 'set', values: { total: '{{ 1 + 1 }}' } }] })
  )
});

// A control that is not there fails the step soon, rather than at the end of the long test.
test.use({ actionTimeout: 20_000 });

class Quota {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string
  ) {}

  static async of(page: Page): Promise<Quota> {
    const cdp = await page.context().newCDPSession(page);
    return new Quota(cdp, new URL(page.url()).origin);
  }

  /** The disk is full from now on: the quota is what the origin holds already (`room` bytes more). */
  async fill(page: Page, room = 0): Promise<void> {
    const { usage } = await this.cdp.send('Storage.getUsageAndQuota', { origin: this.origin });
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin, quotaSize: usage + room });
    // Not an assertion on time: IndexedDB's remembered free space must run out before the quota counts.
    await page.waitForTimeout(SPACE_CACHE_MS);
  }

  /** Without quotaSize, the browser's own quota again. */
  async lift(): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin });
  }
}

/** Every job the studio holds, read from IndexedDB as it is (no studio code): id and status. */
function storedJobs(page: Page): Promise<Array<{ id: string; status: string; error?: { message?: string } | null; recipe_id: string }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sous');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('jobs').objectStore('jobs').getAll();
          read.onsuccess = () => (open.result.close(), resolve(read.result));
          read.onerror = () => reject(read.error);
        };
      })
  );
}

async function studioReady(page: Page): Promise<Quota> {
  await openStudio(page);
  // The service worker's precache counts against the quota: let it finish before measuring.
  await page.evaluate(() => navigator.serviceWorker?.ready);
  return Quota.of(page);
}

test('each write path says the storage is full, and works again once there is room', async ({ page }) => {
  test.setTimeout(360_000);
  const quota = await studioReady(page);

  await test.step('with room: a recipe, a table, the vault and an agent to use later', async () => {
    await importFile(page, RECIPE('quota-note', 'Quota note'));
    await expect(recipeRow(page, 'Quota note')).toBeVisible(SAYS);
    await nav(page, 'Tables');
    await page.getByRole('button', { name: 'New table' }).click();
    await page.getByLabel('Table name').fill('Vendors');
    await page.getByLabel('Column 1 name').fill('name');
    await page.getByRole('button', { name: 'Create table' }).click();
    await expect(page.getByRole('table', { name: 'Rows of Vendors' })).toBeVisible(SAYS);
    await nav(page, 'Connections');
    await page.getByRole('button', { name: 'No passphrase (this device only)' }).click();
    await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible(SAYS);
    await createAgent(page, 'Quota helper');
    await expect(toast(page)).toContainText('Quota helper', SAYS);
    await openChat(page, 'Quota helper');
    await nav(page, 'Recipes');
  });

  await quota.fill(page);

  await test.step('full: import a recipe', async () => {
    await importFile(page, RECIPE('quota-two', 'Quota two'));
    // In plain English, naming what was not saved.
    await expect(page.getByText(FULL).first()).toContainText(
      'The browser\'s storage for Sous is full, so recipe "quota-two" could not be saved. Everything saved before is still there',
      SAYS
    );
    await expect(recipeRow(page, 'Quota two')).toHaveCount(0);
    await expect(recipeRow(page, 'Quota note')).toBeVisible();
  });

  await test.step('full: run a job, which does not start or ends saying why, never left running', async () => {
    await page.getByRole('button', { name: 'Run Quota note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run “Quota note”' });
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    // Either the job could not be created (the dialog says so), or it ran and stopped on the full journal.
    await expect(dialog.getByText(FULL).or(page.getByText(FULL)).first()).toBeVisible(SAYS);
    await expect.poll(async () => (await storedJobs(page)).filter((j) => j.status === 'running').length, SAYS).toBe(0);
    for (const job of await storedJobs(page)) expect([job.status, job.error?.message]).toEqual(['failed', expect.stringMatching(FULL)]);
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('full: save an edit in the editor', async () => {
    await page.goto('/recipes/quota-note');
    const name = page.getByLabel('Recipe name');
    await expect(name).toHaveValue('Quota note', SAYS);
    await name.fill('Quota note, renamed');
    await name.press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
    // The edit is still there, unsaved, to save again.
    await expect(page.getByTestId('save-state')).toHaveText('Unsaved changes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
  });

  await test.step('full: add a table row', async () => {
    await page.goto('/tables');
    await addRow(page, 'Acme');
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
    // No row was added (what was typed stays in the new-row line, to add again).
    await expect(page.getByRole('table', { name: 'Rows of Vendors' }).getByRole('button', { name: 'Edit row 1' })).toHaveCount(0);
  });

  await test.step('full: save a connection', async () => {
    await nav(page, 'Connections');
    await saveConnection(page, 'Echo API');
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
  });

  await test.step('full: create an agent', async () => {
    const editor = await createAgent(page, 'Second helper');
    await expect(editor.getByText(FULL).first()).toBeVisible(SAYS);
    await editor.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('full: send a chat message', async () => {
    await nav(page, 'Chat');
    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Quota helper' }).click();
    const box = page.getByRole('textbox', { name: 'Message' });
    // The chat opened in the setup goes on; were a new conversation made, its first save is refused.
    await expect(box.or(page.getByText(FULL)).first()).toBeVisible(SAYS);
    if (await box.isVisible()) await send(page, 'hello');
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
  });

  await test.step('full: a sandbox app opened for the first time', async () => {
    await sandboxApp(page, 'HR');
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
  });

  await quota.lift();

  await test.step('room again: every one of them works', async () => {
    await page.reload();
    await expect(page.getByLabel('Acting as')).toBeVisible(SAYS);
    await expect(page.getByText(FULL)).toHaveCount(0);

    await nav(page, 'Recipes');
    await importFile(page, RECIPE('quota-two', 'Quota two'));
    await expect(recipeRow(page, 'Quota two')).toBeVisible(SAYS);

    await page.getByRole('button', { name: 'Run Quota note' }).click();
    await page.getByRole('dialog', { name: 'Run “Quota note”' }).getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
    await expect(jobStatus(page)).toContainText('succeeded', SAYS);

    await page.goto('/recipes/quota-note');
    await page.getByLabel('Recipe name').fill('Quota note, renamed');
    await page.getByLabel('Recipe name').press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-state')).toHaveText('Saved · version 2', SAYS);

    await page.goto('/tables');
    await addRow(page, 'Acme');
    await expect(page.getByRole('table', { name: 'Rows of Vendors' }).getByRole('button', { name: 'Edit row 1' })).toBeVisible(SAYS);

    await nav(page, 'Connections');
    await saveConnection(page, 'Echo API');
    await expect(page.getByRole('table').getByText('Echo API')).toBeVisible(SAYS);

    await createAgent(page, 'Second helper');
    await expect(toast(page)).toContainText('Second helper', SAYS);

    await openChat(page, 'Quota helper');
    await send(page, 'hello again');
    await expect(page.getByRole('log').getByText('hello again')).toBeVisible(SAYS);
    await expect(page.getByText(FULL)).toHaveCount(0);
  });
});

async function addRow(page: Page, name: string): Promise<void> {
  await page.getByLabel('New row: name').fill(name);
  await page.getByRole('button', { name: 'Add row' }).click();
}

async function saveConnection(page: Page, label: string): Promise<void> {
  await page.getByLabel('Connector').selectOption('http');
  await page.getByLabel('Label').fill(label);
  await page.getByLabel('Kind of auth').selectOption('bearer');
  await page.getByLabel(/^Bearer token/).fill('tok-quota');
  await page.getByRole('button', { name: 'Save connection' }).click();
}

async function createAgent(page: Page, name: string) {
  await page.goto('/agents');
  await page.getByRole('button', { name: 'New agent' }).click();
  const editor = page.getByRole('dialog', { name: 'New agent' });
  await editor.getByLabel('Name').fill(name);
  await editor.getByLabel(/^Description/).fill('answers questions about the quota');
  await editor.getByRole('button', { name: 'Create' }).click();
  return editor;
}

async function openChat(page: Page, agent: string): Promise<void> {
  await nav(page, 'Chat');
  await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: agent }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible(SAYS);
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the storage-full message is in Korean', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('아직 레시피가 없습니다')).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker?.ready);
    const quota = await Quota.of(page);
    await quota.fill(page);
    await page.getByLabel('레시피 파일 (.json)').setInputFiles(RECIPE('quota-ko', '할당량'));
    await page.getByRole('dialog').getByRole('button', { name: '가져오기', exact: true }).click();
    await expect(page.getByText(FULL_KO).first()).toContainText('(recipe "quota-ko"). 전에 저장한 것은 모두 그대로 있습니다.', SAYS);
    await expect(page.getByText(FULL)).toHaveCount(0);
    await quota.lift();
  });
});

const BIG_RANDOM = randomBytes(2_250_000).toString('base64');

/**
 * An API whose one answer, 3 MB, is held until `answer()`: the disk fills up while a job waits for it. Held
 * rather than timed, so a slow start (a loaded machine) cannot let the answer in before the disk is full.
 */
async function lateBigApi() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((_req, res) => {
    void released.then(() => {
      if (res.destroyed) return;
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
      // Random, not 'x' repeated: Chromium compresses IndexedDB values, and a run of one letter shrinks to nothing.
      res.end(JSON.stringify({ data: BIG_RANDOM }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: () => release(),
    close: () => new Promise<void>((resolve) => (release(), server.closeAllConnections(), server.close(() => resolve())))
  };
}

test('a job whose result no longer fits ends failed saying so, not left running', async ({ page }) => {
  test.setTimeout(180_000);
  const api = await lateBigApi();
  try {
    const quota = await studioReady(page);
    await importFile(page, {
      name: 'fetch-big.recipe.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'sous.recipe/v1',
          id: 'fetch-big',
          name: 'Fetch big',
          trigger: { kind: 'manual', input: [{ name: 'base', type: 'text', required: true }] },
          steps: [{ id: 'big', kind: 'action', connector: 'http', action: 'request', input: { url: '{{ trigger.base }}/big', timeout_ms: 120000 } }]
        })
      )
    });
    await page.getByRole('button', { name: 'Run Fetch big' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run “Fetch big”' });
    const input = dialog.getByLabel('base');
    await input.fill(api.base);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
    await expect(jobStatus(page)).toHaveText('Status: running');

    // A nearly full disk: a status or a small record still fits (1 MB is left), the 3 MB answer does not.
    await quota.fill(page, 1_000_000);
    // Not an assertion on time: Chromium counts a new quota some seconds after the cache above runs out;
    // the answer came 12 s after it when this test passed, and comes so now, however slow the start was.
    await page.waitForTimeout(12_000);
    api.answer();
    await expect(jobStatus(page)).toHaveText('Status: failed', { timeout: 60_000 });
    await expect(page.getByText(FULL).first()).toBeVisible(SAYS);
    const [job] = await storedJobs(page);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(FULL);
    await quota.lift();
  } finally {
    await api.close();
  }
});
