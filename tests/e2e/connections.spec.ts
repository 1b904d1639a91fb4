import { expect, test, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, jobStatus, nav, openStudio, runRecipe, toast } from './helpers';

const MARKER = 'tok-CANARY-e2e-4c9d71';

/** Everything the studio keeps in IndexedDB, as text: what a copy of the browser profile would show. */
async function rawDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('sous');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const out: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((ok) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
      });
      out.push(JSON.stringify(rows, (_k, v) => (v instanceof CryptoKey ? '[CryptoKey]' : v)));
    }
    db.close();
    return out.join('\n');
  });
}

test('a connection with a passphrase: its secret reaches the API, the job never records it, and it locks again', async ({ page }) => {
  // The API checks the bearer token and says only whether it was right, so a leak could only be ours.
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: req.headers.authorization === `Bearer ${MARKER}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'sous-conn-'));
  const file = join(dir, 'who-am-i.recipe.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'sous.recipe/v1',
      id: 'who-am-i',
      name: 'Who am I',
      trigger: { kind: 'manual' },
      connections: { api: { connector: 'http', label: 'The API' } },
      steps: [{ id: 'me', kind: 'action', connector: 'http', action: 'request', connection: 'api', input: { url: `http://127.0.0.1:${port}/me` } }]
    })
  );
  try {
    await openStudio(page);
    await importFile(page, file);
    // The file names the connection it needs (never a secret); the person is sent to choose their own.
    await expect(toast(page)).toContainText('It needs a connection: api (http).');
    await toast(page).getByRole('button', { name: 'Choose connections' }).click();
    await expect(page).toHaveURL(/\/connections$/);
    await page.getByLabel('Passphrase', { exact: true }).fill('workshop passphrase');
    await page.getByLabel('Passphrase again').fill('workshop passphrase');
    await page.getByRole('button', { name: 'Set up with passphrase' }).click();
    await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible();

    await page.getByLabel('Connector').selectOption('http');
    await page.getByLabel('Label').fill('Echo API');
    await page.getByLabel('Kind of auth').selectOption('bearer');
    await page.getByLabel(/^Bearer token/).fill(MARKER);
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('table').getByText('Echo API')).toBeVisible();
    await page.getByLabel('Connection for api in Who am I').selectOption({ label: 'Echo API' });
    await expect(page.getByText('not set: its steps will fail')).toHaveCount(0);
    await page.locator('#connections-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/screenshots/connections.png' });

    await nav(page, 'Recipes');
    await runRecipe(page, 'Who am I');
    await expect(jobStatus(page)).toHaveText('Status: succeeded');
    await expect(page.getByText('"ok": true').first()).toBeVisible();
    expect(await rawDump(page)).not.toContain(MARKER);

    // A new page (a reload) starts locked: a run fails plainly until the passphrase unlocks it again.
    await page.reload();
    await nav(page, 'Recipes');
    await runRecipe(page, 'Who am I');
    await expect(jobStatus(page)).toHaveText('Status: failed');
    // Said in plain words, with what to do (the engine's own message is folded under the technical details).
    await expect(page.getByText(/the connections vault was locked/).first()).toBeVisible();
    await expect(page.getByText(/unlock the vault/i).first()).toBeVisible();
    await nav(page, 'Connections');
    await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('not right');
    await page.getByLabel('Passphrase', { exact: true }).fill('workshop passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible();
    expect(await rawDump(page)).not.toContain(MARKER);
  } finally {
    server.close();
  }
});
