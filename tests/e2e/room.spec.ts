/**
 * The Room page in real Chromium, against a second server this spec starts on 127.0.0.1 in room mode (the
 * participant is told apart by a header the test adds, as proxy/room.test.ts does): the trainer sees the
 * room URL with its QR code; a participant gets the link to import the room's pack; the studio the config
 * serves (no room) says how to start one.
 */
import { expect, test } from '@playwright/test';
import { loadRoomPack } from '../../proxy/room';
import { startServer, type RunningServer } from '../../proxy/server';

const ROOT = process.env.E2E_BUILD ?? 'build';
let running: RunningServer;

test.beforeAll(async () => {
  const loaded = await loadRoomPack('tests/fixtures/packs/finance-workshop.sous-pack.json');
  if (!loaded.ok) throw new Error(loaded.message);
  running = await startServer({
    root: ROOT,
    port: 0,
    proxy: false,
    room: { addresses: ['127.0.0.1'], pack: loaded.pack, isRoomClient: (req) => req.headers['x-test-room'] === '1' }
  });
});
test.afterAll(async () => running?.close());

test('the trainer sees the room URL and its QR code', async ({ page }) => {
  await page.goto(`${running.url}/room`);
  const url = page.getByTestId('room-url');
  await expect(url.locator('code')).toHaveText(`${running.url}/room`);
  await expect(url.getByRole('img', { name: `QR code for ${running.url}/room` })).toBeVisible();
  await expect(page.getByText('Pack for the room: Finance workshop')).toBeVisible();
});

test('a participant gets the import link', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-test-room': '1' });
  await page.goto(`${running.url}/room`);
  await expect(page.getByRole('link', { name: 'Import the room’s pack' })).toHaveAttribute('href', '/packs?from=room');
  await expect(page.getByTestId('room-url')).toHaveCount(0);
});

test('without a room, the page says how to start one', async ({ page }) => {
  await page.goto('/room');
  await expect(page.getByText('npm start -- --host 0.0.0.0 --pack FILE')).toBeVisible();
});

test.describe('on an insecure origin, as a participant loads http://LAN-IP:PORT', () => {
  // room.test is mapped to 127.0.0.1 inside this Chromium: no DNS is asked, and the origin is not a secure context.
  // crypto.randomUUID exists only in secure contexts: src/lib/platform/random-uuid.ts fills it in first.
  test('the studio opens its home page and the Room page', async ({ playwright }) => {
    const browser = await playwright.chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP room.test 127.0.0.1'] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // Chromium's own notice that the server's Cross-Origin-Opener-Policy header means nothing on plain http is no studio error.
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('Cross-Origin-Opener-Policy')) errors.push(m.text()); });
    const origin = `http://room.test:${new URL(running.url).port}`;
    await page.setExtraHTTPHeaders({ 'x-test-room': '1' });
    await page.goto(`${origin}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(page.locator('nav').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
    await page.goto(`${origin}/room`);
    await expect(page.getByRole('link', { name: 'Import the room’s pack' })).toBeVisible();
    expect(errors).toEqual([]);
    await browser.close();
  });
});
