/** What the studio's browser tests share: importing and running through the page, reading a job. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Import a recipe file through the recipes page's file input, as a person would: choose the file (a path,
 * or a name and its contents), then press Import in the preview it opens. An id that exists asks Replace /
 * Keep both instead: that preview is left open for the test to answer.
 */
export async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel('Recipe file (.json)').setInputFiles(file);
  const preview = page.getByRole('dialog');
  await expect(preview).toBeVisible();
  const button = preview.getByRole('button', { name: 'Import', exact: true });
  if ((await button.count()) === 0) return; // the id exists: the test answers Replace / Keep both itself
  await button.click();
  await expect(preview).toBeHidden();
}

/** The notification at the bottom of the screen (imports, exports, deletes with their Undo). */
export function toast(page: Page) {
  return page.getByRole('status', { name: 'Notifications' });
}

/** A recipe's row in the recipes table, found by its name. */
export function recipeRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Recipes' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** The job's status in the job view's header: "Status: succeeded". */
export function jobStatus(page: Page) {
  return page.getByTestId('job-status');
}

/** Open the studio on an empty workspace and wait until the page is live (hydrated). */
export async function openStudio(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('No recipes yet')).toBeVisible();
}

/**
 * Run a recipe from its row: the run dialog starts from the trigger's sample; `input` (JSON text)
 * replaces it. Ends on the new job's page.
 */
export async function runRecipe(page: Page, name: string, input?: string): Promise<void> {
  await page.getByRole('button', { name: `Run ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Run “${name}”` });
  if (input !== undefined) await (await triggerJson(dialog, 'Trigger input (JSON)')).fill(input);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
}

/**
 * The trigger input's whole-JSON textarea in a run or test-run dialog: a trigger with input fields shows a
 * generated form first, so this presses its "JSON" toggle.
 */
export async function triggerJson(dialog: Locator, label: string): Promise<Locator> {
  await expect(dialog).toBeVisible();
  const toggle = dialog.getByRole('button', { name: 'JSON', exact: true });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const json = dialog.getByLabel(label);
  await expect(json).toBeVisible();
  return json;
}

/** Pick a step on the job's timeline; answers the panel that shows it. */
export async function openStep(page: Page, path: string) {
  await page.getByRole('list', { name: /^Steps of job/ }).getByRole('button', { name: new RegExp(`^Step ${escape(path)},`) }).click();
  return page.getByRole('region', { name: `Step ${path}` });
}

/** Go to a section through the left nav. */
export async function nav(page: Page, section: 'Recipes' | 'Jobs' | 'Inbox' | 'Chat' | 'Tables' | 'Connections'): Promise<void> {
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: new RegExp(`^${section}`) }).click();
}

/**
 * Start a recipe from its row on the recipes page (going there through the nav), as a person would: a
 * recipe fires on sandbox events, mail and other triggers only once started.
 */
export async function startRecipe(page: Page, name: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/') await nav(page, 'Recipes');
  const row = recipeRow(page, name);
  await row.getByRole('button', { name: `Start ${name}`, exact: true }).click();
  await expect(row.getByTestId('lifecycle-state')).toHaveText('Started');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SANDBOX_PATHS = { ERP: '/sandbox/erp', HR: '/sandbox/hr', Shop: '/sandbox/orders', Mailbox: '/sandbox/mail' } as const;

/** Go to a sandbox app through the left nav and the overview, as a person would (no page load), and wait for it. */
export async function sandboxApp(page: Page, title: keyof typeof SANDBOX_PATHS): Promise<void> {
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: /^Sandbox/ }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${SANDBOX_PATHS[title]}$`));
}

export function fixture(name: string): string {
  return readFileSync(`tests/fixtures/${name}`, 'utf8');
}

/**
 * A small API for the engine to call from the browser: answers every path at once, except `/slow`
 * (after `slowMs`), with CORS open to the studio's origin, and counts the hits per path.
 */
export async function startTestApi(slowMs = 3000): Promise<{ base: string; hits: Record<string, number>; close: () => Promise<void> }> {
  const hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
      res.end(JSON.stringify({ path, hit: hits[path] }));
    };
    if (path === '/slow') setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
  };
}

/** Connections as the Connections page stores them (ones that need no secret), written straight to the database. */
export async function storeConnections(page: Page, rows: Array<{ id: string; connector: string; label: string }>): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('sous');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction('connections', 'readwrite');
    const at = new Date().toISOString();
    for (const row of rows) tx.objectStore('connections').put({ ...row, fields: {}, sealed: null, created_at: at, updated_at: at });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, rows);
}

/**
 * On the Governance page: Ana (an admin, PIN 1234) and Lee (a runner) are added, which makes Ana the one using
 * the studio; the caller switches to Lee when it needs a runner.
 */
export async function addAnaAndLee(page: Page): Promise<void> {
  const people = page.getByTestId('people-card');
  const form = people.getByTestId('person-form');
  await people.getByRole('button', { name: 'Add person' }).click();
  await form.getByLabel('Name').fill('Ana');
  await form.getByTestId('person-pin').fill('1234');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByTestId('current-person')).toHaveText('You are: Ana · admin');
  await people.getByRole('button', { name: 'Add person' }).click();
  await form.getByLabel('Name').fill('Lee');
  await form.getByLabel('Role').selectOption('runner');
  await form.getByRole('button', { name: 'Add person' }).click();
}
