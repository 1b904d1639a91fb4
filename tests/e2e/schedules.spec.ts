/**
 * Schedules fire by themselves while the studio is open, on the page clock (page.clock fakes Date and
 * timers in the pages, where schedules keep time; the worker only receives ticks).
 *
 * Recipes are started by writing their started state with the page's (fake) clock and reloading, since
 * the worker's clock is real: a Start pressed in the page would record a start time the fake clock has
 * not reached. Stop is pressed in the recipe list, as a person would, since it needs no clock.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { importFile, openStudio, recipeRow } from './helpers';

test.use({ timezoneId: 'Europe/Berlin' });

const MINUTE = 60_000;
const NAME = 'Tick';

const NOTE = [{ id: 'note', kind: 'set', values: { ok: true } }];
const recipeText = (trigger: unknown, steps: unknown[]) => JSON.stringify({ format: 'sous.recipe/v1', id: 'tick', name: NAME, trigger, steps });

/** Import the recipe on the recipes page, start it on the page clock, and reload so the studio picks it up. */
async function startedRecipe(page: Page, trigger: unknown, steps: unknown[] = NOTE): Promise<void> {
  await openStudio(page);
  await importFile(page, { name: 'tick.recipe.json', mimeType: 'application/json', buffer: Buffer.from(recipeText(trigger, steps)) });
  await expect(recipeRow(page, NAME)).toBeVisible();
  await page.evaluate(async () => {
    const db = await openSous();
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('recipe_states', 'readwrite');
      tx.objectStore('recipe_states').put({ recipe_id: 'tick', state: 'started', active_version: 1, changed_at: new Date().toISOString() });
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();

    function openSous() {
      return new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('sous');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
    }
  });
  await page.reload();
  await expect(recipeRow(page, NAME)).toBeVisible();
}

interface Tick {
  at: string;
  catch_up: boolean;
  missed: number;
  waited_ms?: number;
}

/** The schedule jobs of the recipe: their trigger outputs, oldest due time first. */
async function ticks(page: Page): Promise<Tick[]> {
  const triggers = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('sous');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const jobs = await new Promise<Array<{ recipe_id: string; trigger: unknown }>>((ok) => {
      const req = db.transaction('jobs').objectStore('jobs').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return jobs.filter((j) => j.recipe_id === 'tick').map((j) => j.trigger);
  });
  return (triggers as Tick[]).sort((a, b) => a.at.localeCompare(b.at));
}

/** Minute by minute on the page clock, each due time's job made before the next minute. */
async function minutes(context: BrowserContext, page: Page, n: number, before: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await context.clock.fastForward(MINUTE);
    await expect.poll(async () => (await ticks(page)).length, { timeout: 10_000 }).toBe(before + i);
  }
}

/** A few seconds more: nothing else turns up. */
async function nothingMore(page: Page, count: number): Promise<void> {
  await page.waitForTimeout(1500);
  expect(await ticks(page)).toHaveLength(count);
}

const dues = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * MINUTE).toISOString());

test('a started every-1m recipe fires 5 times in 5 minutes, each on time', async ({ page, context }) => {
  await context.clock.install({ time: new Date('2030-03-01T09:00:20Z') });
  await startedRecipe(page, { kind: 'schedule', every: '1m' });
  await minutes(context, page, 5, 0);
  await nothingMore(page, 5);
  // `waited_ms` (how long a tick queued behind another job) depends on the machine's load: not compared here.
  const onTime = (await ticks(page)).map(({ at, catch_up, missed }) => ({ at, catch_up, missed }));
  expect(onTime).toEqual(dues('2030-03-01T09:01:00.000Z', 5).map((at) => ({ at, catch_up: false, missed: 0 })));
  // A reload within the minute fires nothing again; the next minute fires once.
  await page.reload();
  await expect(recipeRow(page, NAME)).toBeVisible();
  await nothingMore(page, 5);
  await minutes(context, page, 1, 5);
});

test('with two tabs open still 5 runs in 5 minutes; when the firing tab closes, the other goes on', async ({ page, context }) => {
  await context.clock.install({ time: new Date('2030-03-01T09:00:20Z') });
  await startedRecipe(page, { kind: 'schedule', every: '1m' });
  const second = await context.newPage();
  await second.goto('/');
  await expect(recipeRow(second, NAME)).toBeVisible();
  await minutes(context, page, 2, 0);
  await page.close();
  await minutes(context, second, 3, 2);
  await nothingMore(second, 5);
  expect((await ticks(second)).map((t) => t.at)).toEqual(dues('2030-03-01T09:01:00.000Z', 5));
});

test('a stopped recipe does not fire', async ({ page, context }) => {
  await context.clock.install({ time: new Date('2030-03-01T09:00:20Z') });
  await startedRecipe(page, { kind: 'schedule', every: '1m' });
  await minutes(context, page, 1, 0);
  await page.getByRole('button', { name: `Stop ${NAME}` }).click();
  await expect(page.getByRole('button', { name: `Start ${NAME}` })).toBeVisible();
  for (let i = 0; i < 3; i++) await context.clock.fastForward(MINUTE);
  await nothingMore(page, 1);
});

test('closed for 10 minutes, then opened: one catch-up run with the missed runs counted, then on time again', async ({ page, context }) => {
  await context.clock.install({ time: new Date('2030-03-01T09:00:20Z') });
  await startedRecipe(page, { kind: 'schedule', every: '1m' });
  await minutes(context, page, 1, 0);
  await page.close();
  await context.clock.fastForward(10 * MINUTE);
  const again = await context.newPage();
  await again.goto('/');
  await expect.poll(async () => (await ticks(again)).length, { timeout: 10_000 }).toBe(2);
  await nothingMore(again, 2);
  expect((await ticks(again))[1]).toEqual({ at: '2030-03-01T09:11:00.000Z', catch_up: true, missed: 10 });
  await minutes(context, again, 1, 2);
  expect((await ticks(again))[2]).toEqual({ at: '2030-03-01T09:12:00.000Z', catch_up: false, missed: 0 });
});

test('a cron at 02:30 on the night Berlin springs forward runs once, at 03:00, and the inspector says so', async ({ page, context }) => {
  // 01:58 CET on 31 March 2030; at 02:00 the clocks go to 03:00 CEST (01:00 UTC).
  await context.clock.install({ time: new Date('2030-03-31T00:58:00Z') });
  await startedRecipe(page, { kind: 'schedule', cron: '30 2 * * *' });
  await context.clock.fastForward(MINUTE);
  await minutes(context, page, 1, 0);
  for (let i = 0; i < 5; i++) await context.clock.fastForward(10 * MINUTE);
  await nothingMore(page, 1);
  expect(await ticks(page)).toEqual([{ at: '2030-03-31T01:00:00.000Z', catch_up: false, missed: 0 }]);

  await page.goto('/recipes/tick');
  await page.getByRole('button', { name: /^Trigger: schedule/ }).click();
  const info = page.getByTestId('schedule-info');
  await expect(info.getByTestId('schedule-zone')).toHaveText('Times are in Europe/Berlin (your time zone).');
  await expect(info.getByTestId('schedule-words')).toHaveText('At 02:30 every day (Europe/Berlin)');
  await expect(info.getByTestId('schedule-next').getByRole('listitem')).toHaveText([/1 Apr 2030, 02:30/, /2 Apr 2030, 02:30/, /3 Apr 2030, 02:30/]);
});

test('a run still going when the next is due: the next waits (one at most) and says so in its job', async ({ page, context }) => {
  // An API on 127.0.0.1 that holds each call until the test lets it answer.
  const held: Array<() => void> = [];
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await context.clock.install({ time: new Date('2030-03-01T09:00:20Z') });
    const call = [{ id: 'call', kind: 'action', connector: 'http', action: 'request', input: { url: `${base}/slow`, timeout_ms: 30000 } }];
    await startedRecipe(page, { kind: 'schedule', every: '1m' }, call);
    await minutes(context, page, 1, 0);
    await expect.poll(() => hits).toBe(1);
    // 09:02 waits behind the running 09:01; 09:03 is folded into it (one waits at most).
    await context.clock.fastForward(MINUTE);
    await context.clock.fastForward(MINUTE);
    await nothingMore(page, 1);
    held.shift()!();
    await expect.poll(() => hits).toBe(2);
    held.shift()!();
    await expect.poll(async () => (await ticks(page)).length).toBe(2);
    const [, second] = await ticks(page);
    expect(second).toEqual({ at: '2030-03-01T09:02:00.000Z', catch_up: false, missed: expect.any(Number), waited_ms: expect.any(Number) });
    expect(second.waited_ms).toBeGreaterThan(0);
    // 09:03 is folded into the waiting 09:02 (missed 1) unless the first job ended before it came (a slow
    // machine answers the held call late): either way one run waited and none ran twice.
    expect(second.missed).toBeLessThanOrEqual(1);
    await nothingMore(page, 2);
  } finally {
    held.forEach((answer) => answer());
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
});
