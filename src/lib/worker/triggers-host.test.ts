// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readJob, SousDb } from '../store';
import { DexieQueueStore } from '../store/trigger-events';
import type { Job } from '../recipe';
import type { TriggerEvent } from '../triggers/queue/types';
import { scheduleTick } from '../triggers/schedule';
import { createEngineHost } from './host';
import { startingImports } from './host-test-kit';
import { memoryLocks } from './memory-locks';
import { createTriggersHost } from './triggers-host';

let db: SousDb;
afterEach(() => db?.delete());

/** A fake web whose paths in `held` answer only when released. */
function fakeWeb() {
  const held = new Map<string, Array<() => void>>();
  const hits = { count: 0 };
  return {
    hits,
    hold: (path: string) => held.set(path, []),
    release: (path: string) => {
      held.get(path)?.forEach((go) => go());
      held.delete(path);
    },
    fetch: (async (input: URL | RequestInfo) => {
      const path = new URL(String(input)).pathname;
      hits.count++;
      const waiting = held.get(path);
      if (waiting) await new Promise<void>((go) => waiting.push(go));
      return new Response(JSON.stringify({ path }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch
  };
}

/** One tab: its engine host (imports start the recipe) and its triggers host, on the shared database. */
function tab(web = fakeWeb(), locks = memoryLocks()) {
  const problems: string[] = [];
  const report = (p: string) => problems.push(p);
  const host = createEngineHost({ db, locks, fetch: web.fetch, report });
  return { web, problems, host: startingImports(host), triggers: createTriggersHost({ db, host, locks, report }) };
}

const recipeText = (id: string, trigger: unknown) =>
  JSON.stringify({ format: 'sous.recipe/v1', id, name: id, trigger, steps: [{ id: 'call', kind: 'action', connector: 'http', action: 'request', input: { url: 'http://api.test/slow' } }] });
const minutely = recipeText('minutely', { kind: 'schedule', every: '1m' });

const tickAt = (minute: number, missed = 0): TriggerEvent => {
  const due = new Date(Date.UTC(2030, 0, 1, 9, minute));
  return { event_id: `minutely@${due.toISOString()}`, recipe_id: 'minutely', kind: 'schedule', due_at: due.toISOString(), payload: scheduleTick(due, missed) };
};

async function until(jobId: string, ok: (job: Job) => boolean): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = await readJob(db, jobId);
    if (job && ok(job)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never got there: ${JSON.stringify(await readJob(db, jobId))}`);
}

const ended = (job: Job) => job.status !== 'running' && job.status !== 'queued';

describe('the triggers host', () => {
  it.each([
    ['a recipe that is not started', false, minutely, tickAt(0), 'recipe "minutely" is not started'],
    ['an unknown recipe', true, minutely, { ...tickAt(0), recipe_id: 'nope', event_id: 'nope@1' }, 'recipe "nope" is not started'],
    ['a schedule tick for a webhook recipe', true, recipeText('minutely', { kind: 'webhook', path: 'in' }), tickAt(0), 'recipe "minutely" is started by a webhook, not a schedule']
  ])('refuses %s in plain words, and makes no job', async (_what, start, text, event, message) => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host, triggers } = tab();
    if (start) await host.importRecipe(text);
    else await createEngineHost({ db, locks: memoryLocks(), report: () => {} }).importRecipe(text);
    expect(await triggers.acceptTrigger(event)).toEqual({ status: 'invalid', event_id: event.event_id, message });
    expect(await db.jobs.count()).toBe(0);
  });

  it('a tick becomes one job of the active version, its id the event id, however often it comes', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host, triggers } = tab();
    await host.importRecipe(minutely);
    const other = tab();
    const tick = tickAt(0);
    const answers = await Promise.all([triggers.acceptTrigger(tick), other.triggers.acceptTrigger(tick), triggers.acceptTrigger(tick)]);
    expect(answers.map((a) => a.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate']);
    const job = await until(tick.event_id, ended);
    expect(job).toMatchObject({ status: 'succeeded', recipe_version: 1, trigger: { at: tick.due_at, catch_up: false, missed: 0 } });
    expect(job.trigger).not.toHaveProperty('waited_ms');
    expect(await db.jobs.count()).toBe(1);
  });

  it('a webhook event hands its request to the job as the trigger', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host, triggers } = tab();
    await host.importRecipe(recipeText('hook', { kind: 'webhook', path: 'orders' }));
    const event: TriggerEvent = { event_id: 'wh-1', recipe_id: 'hook', kind: 'webhook', payload: { method: 'POST', headers: {}, query: {}, body: { n: 1 } } };
    expect(await triggers.acceptTrigger(event)).toEqual({ status: 'accepted', event_id: 'wh-1' });
    expect((await until('wh-1', ended)).trigger).toEqual({ method: 'POST', headers: {}, query: {}, body: { n: 1 } });
  });

  it('one run at a time: the next tick waits (one at most), and its job says it waited and what it stands for', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host, triggers, web } = tab();
    await host.importRecipe(minutely);
    web.hold('/slow');
    expect((await triggers.acceptTrigger(tickAt(0))).status).toBe('accepted');
    await until(tickAt(0).event_id, (j) => j.steps.length === 1);
    expect((await triggers.acceptTrigger(tickAt(1))).status).toBe('accepted');
    expect(await triggers.acceptTrigger(tickAt(2))).toEqual({ status: 'skipped', event_id: tickAt(2).event_id, folded_into: tickAt(1).event_id });
    expect(await readJob(db, tickAt(1).event_id)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    web.release('/slow');
    const second = await until(tickAt(1).event_id, ended);
    expect(second.trigger).toMatchObject({ at: tickAt(1).due_at, catch_up: false, missed: 1, waited_ms: expect.any(Number) });
    expect((second.trigger as { waited_ms: number }).waited_ms).toBeGreaterThanOrEqual(15);
    expect(await readJob(db, tickAt(2).event_id)).toBeUndefined();
    expect((await db.trigger_events.get(tickAt(2).event_id))?.state).toBe('skipped');
  });

  it('a tick waiting when the recipe is stopped makes no job, and no problem is told', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host, triggers, web, problems } = tab();
    await host.importRecipe(minutely);
    web.hold('/slow');
    await triggers.acceptTrigger(tickAt(0));
    await until(tickAt(0).event_id, (j) => j.steps.length === 1);
    expect((await triggers.acceptTrigger(tickAt(1))).status).toBe('accepted');
    await host.stopRecipe('minutely');
    web.release('/slow');
    await until(tickAt(0).event_id, ended);
    for (let i = 0; i < 100 && (await db.trigger_events.get(tickAt(1).event_id))?.state !== 'finished'; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await db.trigger_events.get(tickAt(1).event_id))?.state).toBe('finished');
    expect(await readJob(db, tickAt(1).event_id)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('after a reload, an accepted event with no job starts once, and a job left running is gone on with', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const before = tab();
    await before.host.importRecipe(minutely);
    before.web.hold('/slow');
    await before.triggers.acceptTrigger(tickAt(0));
    await until(tickAt(0).event_id, (j) => j.steps.length === 1);
    // What a crash leaves: another tick accepted, its job never made.
    await new DexieQueueStore(db).put({ event: tickAt(5), state: 'pending', accepted_at: new Date().toISOString(), skipped: 0 });

    const after = tab(); // a reloaded page: its own locks, nobody drives the first job now
    await after.triggers.recoverTriggers();
    await after.triggers.recoverTriggers();
    expect((await until(tickAt(0).event_id, ended)).status).toBe('succeeded');
    const late = await until(tickAt(5).event_id, ended);
    expect(late.status).toBe('succeeded');
    for (let i = 0; i < 100 && (await db.trigger_events.where('state').equals('finished').count()) < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await db.trigger_events.toArray()).map((e) => [e.event_id, e.state])).toEqual([
      [tickAt(0).event_id, 'finished'],
      [tickAt(5).event_id, 'finished']
    ]);
    expect(await db.jobs.count()).toBe(2);
  });

  it('two tabs recovering the same pending event at once make one job and run its step once', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const locks = memoryLocks();
    const web = fakeWeb();
    const [a, b] = [tab(web, locks), tab(web, locks)];
    await a.host.importRecipe(minutely);
    await new DexieQueueStore(db).put({ event: tickAt(7), state: 'pending', accepted_at: new Date().toISOString(), skipped: 0 });
    await Promise.all([a.triggers.recoverTriggers(), b.triggers.recoverTriggers()]);
    expect((await until(tickAt(7).event_id, ended)).status).toBe('succeeded');
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.jobs.count()).toBe(1);
    expect(web.hits.count).toBe(1);
    expect([...a.problems, ...b.problems]).toEqual([]);
  });

  it('a job left running that another tab still drives is waited for, not driven twice', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const locks = memoryLocks();
    const a = tab(fakeWeb(), locks);
    await a.host.importRecipe(minutely);
    a.web.hold('/slow');
    await a.triggers.acceptTrigger(tickAt(0));
    await until(tickAt(0).event_id, (j) => j.steps.length === 1);
    const b = tab(fakeWeb(), locks);
    await b.triggers.recoverTriggers();
    expect(b.triggers.stats().recipes.minutely).toMatchObject({ running: 1 });
    expect((await b.triggers.acceptTrigger(tickAt(1))).status).toBe('accepted');
    await new Promise((r) => setTimeout(r, 30));
    expect(await readJob(db, tickAt(1).event_id)).toBeUndefined();
    a.web.release('/slow');
    expect((await until(tickAt(1).event_id, ended)).status).toBe('succeeded');
    expect((await readJob(db, tickAt(0).event_id))?.steps).toHaveLength(1);
  });
});
