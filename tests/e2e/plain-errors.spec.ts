/**
 * Plain words, and the fix in the studio: a recipe calling a server on this machine through the proxy is
 * refused in plain words (the technical detail folded away) with "Allow HOST for this studio"; allowed,
 * "Re-run from this step" succeeds. The server listens on [::1], which the test config's `--allow 127.0.0.1`
 * does not cover (an IPv4 entry never matches an IPv6 address). Nothing leaves the loopback interface.
 * Run with E2E_PORT=4461.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { importFile, jobStatus, openStudio, runRecipe } from './helpers';

let server: Server;
let port = 0;
let hits = 0;

// A server of each test's own: an address allowed by one test stays allowed while the studio's server runs.
test.beforeEach(async () => {
  hits = 0;
  server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"pong":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
  port = (server.address() as AddressInfo).port;
});
test.afterEach(async () => {
  await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
});

const recipe = () => ({
  format: 'sous.recipe/v1',
  id: 'call-local',
  name: 'Call a local server',
  trigger: { kind: 'manual' },
  steps: [{ id: 'ping_local', kind: 'action', connector: 'http', action: 'request', input: { method: 'GET', url: `http://[::1]:${port}/ping` } }]
});

test('a refused local address is said plainly, allowed from the studio, and the re-run succeeds', async ({ page }) => {
  await openStudio(page);
  await importFile(page, { name: 'call-local.recipe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(recipe())) });
  await runRecipe(page, 'Call a local server');
  await expect(jobStatus(page)).toContainText('failed');
  expect(hits).toBe(0);

  const failure = page.getByRole('alert', { name: 'Job error' });
  const plain = failure.getByTestId('plain-error');
  await expect(plain).toContainText(`The studio's proxy refused the address the step "ping_local" calls.`);
  await expect(plain).toContainText('What to do');
  // The developer's words (the command-line flag, the range name) are folded away, not shown.
  await expect(plain.getByText(/--allow/)).toBeHidden();
  await expect(plain.getByText('Technical details')).toBeVisible();

  const host = `[::1]:${port}`;
  await plain.getByRole('button', { name: `Allow ${host} for this studio` }).click();
  await expect(plain).toContainText(`${host} is allowed for this studio until the local server stops.`);
  const failedUrl = page.url();
  await plain.getByRole('button', { name: 'Re-run from this step' }).click();
  await expect(page).not.toHaveURL(failedUrl);
  await expect(jobStatus(page)).toContainText('succeeded');
  expect(hits).toBe(1);
});

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the same refusal speaks Korean, with the Allow button in Korean', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('레시피 파일 (.json)').setInputFiles({ name: 'call-local.recipe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...recipe(), id: 'call-local-ko' })) });
    const preview = page.getByRole('dialog');
    await preview.getByRole('button', { name: '가져오기', exact: true }).click();
    await expect(preview).toBeHidden();
    await page.getByRole('link', { name: 'Call a local server' }).click();
    await page.getByRole('button', { name: '테스트 실행', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '실행', exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: '작업' }).click();
    await page.getByRole('table').getByRole('link').first().click();
    const plain = page.getByTestId('plain-error').first();
    await expect(plain).toContainText('스튜디오의 프록시가');
    await expect(plain.getByRole('button', { name: `이 스튜디오에서 [::1]:${port} 허용` })).toBeVisible();
  });
});
