import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nav, openStudio } from './helpers';

const KEY = 'key-CANARY-check-e2e';

test('Check connection: the right key passes and a wrong one fails in plain words', async ({ page }) => {
  // An API on 127.0.0.1 that wants an API key in a header, as many do.
  const server = createServer((req, res) => {
    const ok = req.headers['x-api-key'] === KEY;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ ok }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const checkUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/me`;
  try {
    await openStudio(page);
    await nav(page, 'Connections');
    await page.getByRole('button', { name: 'No passphrase (this device only)' }).click();
    await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible();

    for (const [label, key] of [
      ['Good API', KEY],
      ['Bad API', 'not-the-key']
    ]) {
      await page.getByLabel('Connector').selectOption('http');
      await page.getByLabel('Label').fill(label);
      await page.getByLabel('Kind of auth').selectOption('api_key_header');
      await page.getByLabel(/^Header or query parameter name/).fill('x-api-key');
      await page.getByLabel(/^API key/).fill(key);
      await page.getByLabel(/^Address to check the connection/).fill(checkUrl);
      await page.getByRole('button', { name: 'Save connection' }).click();
      await expect(page.getByRole('table').getByText(label)).toBeVisible();
    }

    await page.getByRole('button', { name: 'Check Good API' }).click();
    await expect(page.getByRole('status', { name: 'Check of Good API' })).toContainText('answered 200: the connection works');
    await page.getByRole('button', { name: 'Check Bad API' }).click();
    await expect(page.getByRole('status', { name: 'Check of Bad API' })).toContainText('refused these credentials (401): check the key');
    await expect(page.getByText(KEY)).toHaveCount(0);
    await page.screenshot({ path: 'tests/screenshots/connections-check.png' });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a Slack webhook is checked only by a test post, which the person asks for', async ({ page }) => {
  const posts: string[] = [];
  // Plays Slack's incoming webhook on 127.0.0.1: answers "ok" and keeps what was posted.
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (posts.push(body), res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T1/B1/CANARYhook`;
  try {
    await openStudio(page);
    await nav(page, 'Connections');
    await page.getByRole('button', { name: 'No passphrase (this device only)' }).click();
    await page.getByLabel('Connector').selectOption('slack');
    await page.getByLabel('Label').fill('Team Slack');
    await page.getByLabel('How Sous posts').selectOption('webhook');
    await page.getByLabel(/^Incoming webhook URL/).fill(hook);
    await page.getByRole('button', { name: 'Save connection' }).click();

    await page.getByRole('button', { name: 'Check Team Slack' }).click();
    const result = page.getByRole('status', { name: 'Check of Team Slack' });
    await expect(result).toContainText('can only be checked by posting');
    expect(posts).toEqual([]);
    await result.getByRole('button', { name: 'Send a test post' }).click();
    await expect(result).toContainText('The test post was accepted');
    expect(posts.map((p) => JSON.parse(p))).toEqual([{ text: 'Test post from Sous: this connection works.' }]);
    await expect(page.getByText('CANARYhook')).toHaveCount(0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
