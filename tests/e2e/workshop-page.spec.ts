/**
 * The Workshop page (issue 15): the imported pack's exercises by pack, Start opens the editor with the task
 * beside it (Open afterwards); the pack's sandbox seed replaces the ERP's vendors, said in the preview first;
 * /packs?from=room previews the room's pack (served here with Playwright's page.route on the same origin,
 * as the room server answers /room/pack.sous-pack.json: a pack, a 404, a broken file); once in Korean.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadRoomPack } from '../../proxy/room';
import { startServer } from '../../proxy/server';
import { openStudio, sandboxApp, toast } from './helpers';

const PACK = 'tests/fixtures/packs/finance-workshop.sous-pack.json';
const ROOM_PACK = '**/room/pack.sous-pack.json';

/** The left nav, by place rather than by its name (which follows the language). */
function studioNav(page: Page) {
  return page.getByRole('navigation').first();
}

/** The fixture with three vendors of its own in the ERP, under another name. */
function roomPackText(): string {
  const pack = JSON.parse(readFileSync(PACK, 'utf8'));
  pack.id = 'room-workshop';
  pack.name = 'Room workshop';
  const vendor = (id: string, name: string) => ({ id, name, email: `${id}@room.example`, created_at: '2026-01-05T09:00:00.000Z' });
  pack.sandbox = { erp: { vendors: [vendor('r-1', 'Room Vendor One'), vendor('r-2', 'Room Vendor Two'), vendor('r-3', 'Room Vendor Three')] } };
  return JSON.stringify(pack);
}

test('the Workshop page lists the pack’s exercises; Start opens the editor with the task, then Open; the ERP has the pack’s vendors', async ({ page }) => {
  await openStudio(page);
  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await expect(page).toHaveURL(/\/workshop$/);
  await expect(page.getByText('No exercises are installed yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Room:/ })).toHaveAttribute('href', '/room');
  await page.getByRole('link', { name: 'Import a pack' }).click();

  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles(PACK);
  const preview = page.getByRole('region', { name: 'Import “Finance workshop”?' });
  const sandbox = preview.getByRole('list', { name: 'Sandbox data' });
  await expect(sandbox).toContainText('Replaces the ERP’s data: vendors 12 rows → 1, invoices');
  await expect(sandbox).toContainText('purchase_orders');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden();
  await expect(toast(page)).toContainText('2 exercises are on the Workshop page. Sandbox data replaced: ERP.');

  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  const pack = page.getByRole('region', { name: 'Exercises of “Finance workshop”' });
  const items = pack.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Flag big invoices');
  await expect(items.nth(0)).toContainText('Post the ids of invoices over 500 to the finance channel.');
  await expect(items.nth(1)).toContainText('Add a vendor after approval');
  await pack.getByRole('button', { name: 'Start “Flag big invoices”' }).click();
  await expect(page).toHaveURL(/\/recipes\/flag-big$/);
  const task = page.getByRole('complementary', { name: 'Exercise' });
  await expect(task).toContainText('Post the ids of invoices over 500 to the finance channel.');
  await expect(task.getByRole('button', { name: 'Check' })).toBeVisible();

  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await expect(pack.getByRole('link', { name: 'Open “Flag big invoices”' })).toHaveAttribute('href', '/recipes/flag-big');
  await expect(pack.getByRole('button', { name: 'Start “Add a vendor after approval”' })).toBeVisible();

  await sandboxApp(page, 'ERP');
  const vendors = page.getByRole('table', { name: 'Vendors' });
  await expect(vendors.getByRole('row')).toHaveCount(2);
  await expect(vendors).toContainText('Acme Office Supplies');
  await expect(vendors).not.toContainText('Globex');
});

test.describe('from the room', () => {
  // page.route sees the page's own requests only: with the studio's service worker in control, its
  // fetches would pass it by.
  test.use({ serviceWorkers: 'block' });

  test('the served pack opens its preview and its vendors replace the ERP’s; none and broken ones say so', async ({ page }) => {
    await page.route(ROOM_PACK, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: roomPackText() }));
    await openStudio(page);
    await page.goto('/packs?from=room');
    const preview = page.getByRole('region', { name: 'Import “Room workshop”?' });
    await expect(preview).toContainText('From the room’s pack');
    await expect(preview.getByRole('list', { name: 'Sandbox data' })).toContainText('vendors 12 rows → 3');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(preview).toBeHidden();
    await sandboxApp(page, 'ERP');
    const vendors = page.getByRole('table', { name: 'Vendors' });
    await expect(vendors.getByRole('row')).toHaveCount(4);
    await expect(vendors).toContainText('Room Vendor Two');

    await page.unroute(ROOM_PACK);
    await page.route(ROOM_PACK, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found"}}' }));
    await page.goto('/packs?from=room');
    await expect(page.getByRole('status').filter({ hasText: 'No pack is served here' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Import “/ })).toHaveCount(0);

    await page.unroute(ROOM_PACK);
    await page.route(ROOM_PACK, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format":"sous.pack/v1","id":"x"}' }));
    await page.goto('/packs?from=room');
    const refused = page.getByRole('alert').filter({ hasText: 'the room’s pack was not imported, and nothing was changed:' });
    await expect(refused.getByRole('listitem').first()).toContainText('name');
  });
});

test('a participant of a real room server imports its pack from the Room page', async ({ page }) => {
  // A second server in room mode on 127.0.0.1, the participant told apart by a header, as room.spec.ts does.
  const loaded = await loadRoomPack(PACK);
  if (!loaded.ok) throw new Error(loaded.message);
  const running = await startServer({
    root: process.env.E2E_BUILD ?? 'build',
    port: 0,
    proxy: false,
    room: { addresses: ['127.0.0.1'], pack: loaded.pack, isRoomClient: (req) => req.headers['x-test-room'] === '1' }
  });
  try {
    await page.setExtraHTTPHeaders({ 'x-test-room': '1' });
    await page.goto(`${running.url}/room`);
    await expect(page.getByRole('link', { name: 'Its exercises are then on the Workshop page.' })).toHaveAttribute('href', '/workshop');
    await page.getByRole('link', { name: 'Import the room’s pack' }).click();
    await expect(page).toHaveURL(/\/packs\?from=room$/);
    const preview = page.getByRole('region', { name: 'Import “Finance workshop”?' });
    await expect(preview.getByRole('list', { name: 'Exercises' })).toContainText('Flag big invoices');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(preview).toBeHidden();
    await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
    await expect(page.getByRole('region', { name: 'Exercises of “Finance workshop”' }).getByRole('listitem')).toHaveCount(2);
  } finally {
    await running.close();
  }
});

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the Workshop page and the sandbox line of the preview speak Korean', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await studioNav(page).getByRole('link', { name: '워크숍' }).click();
    await expect(page.getByRole('heading', { name: '워크숍', level: 1 })).toBeVisible();
    await expect(page.getByText('아직 설치된 연습 문제가 없습니다.', { exact: false })).toBeVisible();
    await page.getByRole('link', { name: '팩 가져오기' }).click();
    await page.getByLabel('팩 파일 (.sous-pack.json)').setInputFiles(PACK);
    const preview = page.getByRole('region', { name: '“Finance workshop”을(를) 가져올까요?' });
    await expect(preview.getByRole('list', { name: '샌드박스 데이터' })).toContainText('ERP 데이터를 바꿉니다: vendors 12행 → 1');
    await preview.getByRole('button', { name: '가져오기', exact: true }).click();
    await expect(preview).toBeHidden();
    await studioNav(page).getByRole('link', { name: '워크숍' }).click();
    const pack = page.getByRole('region', { name: '“Finance workshop”의 연습 문제' });
    await expect(pack.getByRole('button', { name: '“Flag big invoices” 시작' })).toBeVisible();
    await expect(pack).toContainText('테스트 2개');
  });
});
