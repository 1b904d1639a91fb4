import { describe, expect, it } from 'vitest';
import { MemoryQueueStore } from './memory-store';
import { createTriggerQueue } from './queue';
import { ev, harness, settle } from './test-kit';
import type { TriggerEvent } from './types';

const clock = { now: () => new Date('2026-03-01T09:00:00Z') };
const many = (n: number, recipe = 'r1', from = 0) => Array.from({ length: n }, (_, i) => ev(`e${from + i}`, recipe));

describe('concurrency per recipe', () => {
  const cases: [string, Parameters<typeof harness>[0], number][] = [
    ['default: one at a time', {}, 1],
    ['concurrency 3', { concurrency: 3 }, 3],
    ['a per-recipe limit over the default', { concurrency: 1, perRecipe: { r1: 2 } }, 2]
  ];
  it.each(cases)('%s; the rest wait and start in order', async (_name, opts, limit) => {
    const h = harness({ ...opts, maxDepthPerRecipe: 20 });
    for (const e of many(7)) await h.queue.accept(e);
    await settle();
    let most = 0;
    for (let i = 0; i < 7; i++) {
      most = Math.max(most, h.queue.running('r1'));
      expect(h.queue.running('r1')).toBeLessThanOrEqual(limit);
      await h.finish(`e${i}`);
    }
    expect(most).toBe(limit);
    expect(h.ids()).toEqual(many(7).map((e) => e.event_id));
    expect([h.queue.running(), h.queue.depth()]).toEqual([0, 0]);
  });

  it('different recipes do not wait for each other', async () => {
    const h = harness();
    await h.acceptAll([ev('a1', 'ra'), ev('b1', 'rb'), ev('a2', 'ra'), ev('c1', 'rc')]);
    expect(h.ids()).toEqual(['a1', 'b1', 'c1']);
    expect(h.queue.depth('ra')).toBe(1);
  });

  it('a global maxRunning caps all recipes, oldest waiting first', async () => {
    const h = harness({ maxRunning: 2 });
    for (const e of [ev('a1', 'ra'), ev('b1', 'rb'), ev('c1', 'rc'), ev('d1', 'rd')]) await h.queue.accept(e);
    await settle();
    expect(h.ids()).toEqual(['a1', 'b1']);
    expect(h.queue.stats().workers).toEqual({ running: 2, limit: 2 });
    await h.finish('b1');
    expect(h.ids()).toEqual(['a1', 'b1', 'c1']);
  });

  it('setConcurrency raises a recipe limit at once, and back to the default', async () => {
    const h = harness({ maxDepthPerRecipe: 10 });
    for (const e of many(4)) await h.queue.accept(e);
    await settle();
    h.queue.setConcurrency('r1', 3);
    await settle();
    expect(h.queue.running('r1')).toBe(3);
    h.queue.setConcurrency('r1', undefined);
    expect(h.queue.stats().recipes.r1.concurrency).toBe(1);
  });

  const bad: [string, object][] = [
    ['concurrency 0', { concurrency: 0 }],
    ['maxRunning 1.5', { maxRunning: 1.5 }],
    ['a negative per-recipe limit', { perRecipe: { r1: -1 } }],
    ['maxDepth 0', { maxDepth: 0 }]
  ];
  it.each(bad)('refuses %s with a plain message', (_name, limits) => {
    expect(() =>
      createTriggerQueue({ store: new MemoryQueueStore(), clock, startJob: async () => ({ jobId: 'j', done: Promise.resolve() }), ...limits })
    ).toThrow(/must be a whole number of at least 1/);
  });
});

describe('schedules: one tick queued at most behind a running one', () => {
  const tick = (i: number, recipe = 'r1'): TriggerEvent => ({
    event_id: `${recipe}@t${i}`,
    recipe_id: recipe,
    kind: 'schedule',
    due_at: new Date(Date.parse('2026-03-01T09:00:00Z') + i * 60_000).toISOString(),
    payload: { at: 'x' }
  });

  it('a second and third due tick while one waits are dropped and counted; the one that runs says it waited', async () => {
    const h = harness();
    expect((await h.queue.accept(tick(0))).status).toBe('accepted');
    h.advance(60_000);
    expect((await h.queue.accept(tick(1))).status).toBe('accepted');
    h.advance(60_000);
    expect(await h.queue.accept(tick(2))).toEqual({ status: 'skipped', event_id: 'r1@t2', folded_into: 'r1@t1' });
    h.advance(60_000);
    expect((await h.queue.accept(tick(3))).status).toBe('skipped');
    expect(h.queue.depth('r1')).toBe(1);
    await h.finish('r1@t0');
    expect(h.ids()).toEqual(['r1@t0', 'r1@t1']);
    expect(h.started[1]).toMatchObject({ skipped: 2, waited_ms: 120_000 });
    expect(h.started[0]).toMatchObject({ skipped: 0, waited_ms: 0 });
    expect(h.queue.stats().recipes.r1.skipped).toBe(2);
    expect(await h.store.get('r1@t3')).toMatchObject({ state: 'skipped', folded_into: 'r1@t1' });
    expect(await h.store.get('r1@t1')).toMatchObject({ skipped: 2 });
  });

  it('two ticks accepted at once behind a running one: the second folds into the first, still being stored', async () => {
    const h = harness();
    expect((await h.queue.accept(tick(0))).status).toBe('accepted');
    h.advance(120_000);
    const [first, second] = await Promise.all([h.queue.accept(tick(1)), h.queue.accept(tick(2))]);
    expect(first.status).toBe('accepted');
    expect(second).toEqual({ status: 'skipped', event_id: 'r1@t2', folded_into: 'r1@t1' });
    expect(h.queue.depth('r1')).toBe(1);
    await h.finish('r1@t0');
    expect(h.ids()).toEqual(['r1@t0', 'r1@t1']);
    expect(h.started[1]).toMatchObject({ skipped: 1 });
  });

  it('two ticks accepted at once with a free slot: both run, none is folded into one about to start', async () => {
    const h = harness();
    const [first, second] = await Promise.all([h.queue.accept(tick(0)), h.queue.accept(tick(1))]);
    expect([first.status, second.status]).toEqual(['accepted', 'accepted']);
    await h.finish('r1@t0');
    expect(h.ids()).toEqual(['r1@t0', 'r1@t1']);
  });

  it('a dropped tick sent again is a duplicate, and is not counted twice', async () => {
    const h = harness();
    for (const i of [0, 1, 2]) await h.queue.accept(tick(i));
    expect((await h.queue.accept(tick(2))).status).toBe('duplicate');
    expect(h.queue.stats().recipes.r1.skipped).toBe(1);
  });

  it('ticks that come after the previous job ended all run', async () => {
    const h = harness();
    for (const i of [0, 1, 2]) {
      await h.queue.accept(tick(i));
      await settle();
      await h.finish(`r1@t${i}`);
    }
    expect(h.ids()).toEqual(['r1@t0', 'r1@t1', 'r1@t2']);
    expect(h.started.map((s) => s.skipped)).toEqual([0, 0, 0]);
  });

  it('webhooks and app events are never dropped: they all wait in order', async () => {
    const h = harness();
    const events = [ev('w1'), ev('w2'), { ...ev('x1'), kind: 'event' as const }, ev('w3')];
    for (const e of events) expect((await h.queue.accept(e)).status).toBe('accepted');
    expect(h.queue.depth('r1')).toBe(3);
  });

  it('on recover, two pending ticks of one recipe become one run with the other counted', async () => {
    const a = harness({ fail: () => true });
    for (const i of [0, 1]) await a.queue.accept(tick(i));
    await settle();
    // Both are pending (their starts failed), as a crash between two ticks would leave them.
    const b = harness({ store: MemoryQueueStore.from(a.store), concurrency: 1 });
    expect(await b.queue.recover()).toEqual({ requeued: 1, resumed: 0 });
    await settle();
    expect(b.ids()).toEqual(['r1@t0']);
    expect(b.started[0]).toMatchObject({ skipped: 1 });
    expect(await b.store.get('r1@t1')).toMatchObject({ state: 'skipped', folded_into: 'r1@t0' });
  });
});

describe('bounded depth', () => {
  it('over the per-recipe depth: full, naming the recipe; a running job does not count', async () => {
    const h = harness({ maxDepthPerRecipe: 2 });
    for (const e of many(3)) expect((await h.queue.accept(e)).status).toBe('accepted');
    expect(await h.queue.accept(ev('e3'))).toEqual({
      status: 'full',
      event_id: 'e3',
      scope: 'recipe',
      message: 'recipe r1 already has 2 events waiting; try again later'
    });
    expect(await h.store.get('e3')).toBeUndefined();
    await settle();
    await h.finish('e0');
    expect((await h.queue.accept(ev('e3'))).status).toBe('accepted');
  });

  it('over the overall depth: full for the whole queue, other recipes too', async () => {
    const h = harness({ maxDepth: 2 });
    for (const e of [ev('a0', 'ra'), ev('a1', 'ra'), ev('b0', 'rb'), ev('b1', 'rb')]) await h.queue.accept(e);
    const result = await h.queue.accept(ev('c0', 'rc'));
    await settle();
    // c0 could run at once, but the waiting room is full: the server answers 429 and the sender tries again.
    expect(result).toMatchObject({ status: 'full', scope: 'queue', message: 'the queue already holds 2 events waiting; try again later' });
  });

  it('depth limits count events still being stored, so a burst cannot overshoot', async () => {
    const h = harness({ maxDepthPerRecipe: 5, concurrency: 1 });
    const results = await h.acceptAll(many(20));
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'full')).toHaveLength(15);
  });
});

describe('drain', () => {
  it('stops taking events and resolves when the running jobs end; waiting ones stay for the next start', async () => {
    const h = harness({ concurrency: 2 });
    for (const e of many(3)) await h.queue.accept(e);
    await settle();
    let drained = false;
    const drain = h.queue.drain().then((r) => ((drained = true), r));
    expect(await h.queue.accept(ev('late'))).toMatchObject({ status: 'stopped', message: 'the queue is stopping and takes no new events' });
    await h.finish('e0');
    expect(drained).toBe(false);
    expect(h.ids()).toEqual(['e0', 'e1']);
    await h.finish('e1');
    expect(await drain).toEqual({ finished: 2, left_pending: 1 });
    expect(await h.store.get('e2')).toMatchObject({ state: 'pending' });
    const next = harness({ store: MemoryQueueStore.from(h.store) });
    await next.queue.recover();
    await settle();
    expect(next.ids()).toEqual(['e2']);
  });

  it('with nothing running resolves at once, and twice is the same', async () => {
    const h = harness();
    expect(await h.queue.drain()).toEqual({ finished: 0, left_pending: 0 });
    expect(await h.queue.drain()).toEqual({ finished: 0, left_pending: 0 });
    expect(await h.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
  });
});

describe('observability', () => {
  it('stats give queue_depth, workers and per-recipe counts for GET /health', async () => {
    const h = harness({ perRecipe: { rb: 2 } });
    for (const e of [ev('a0', 'ra'), ev('a1', 'ra'), ev('b0', 'rb'), ev('b1', 'rb'), ev('b2', 'rb')]) await h.queue.accept(e);
    await settle();
    expect(h.queue.stats()).toEqual({
      queue_depth: 2,
      workers: { running: 3, limit: null },
      recipes: {
        ra: { waiting: 1, running: 1, concurrency: 1, started: 1, skipped: 0, start_failures: 0 },
        rb: { waiting: 1, running: 2, concurrency: 2, started: 2, skipped: 0, start_failures: 0 }
      }
    });
    expect([h.queue.depth(), h.queue.depth('rb'), h.queue.running(), h.queue.running('ra'), h.queue.running('zz')]).toEqual([2, 1, 3, 1, 0]);
  });
});

describe('1,000 events', () => {
  const events = Array.from({ length: 1000 }, (_, i) => ev(`e${i}`, `r${i % 10}`));

  it('become 1,000 jobs exactly once, with every event also sent twice', async () => {
    const h = harness({ concurrency: 3, autoFinish: true, maxDepth: 2000, maxDepthPerRecipe: 200 });
    const results = await Promise.all([...events, ...events].map((e) => h.queue.accept(e)));
    await settle(50);
    await h.queue.drain();
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1000);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(1000);
    expect(new Set(h.ids()).size).toBe(1000);
    expect(h.ids()).toHaveLength(1000);
    expect(await h.store.list('finished')).toHaveLength(1000);
  });

  it('a crash halfway and a recover still give each event exactly one job', async () => {
    const a = harness({ concurrency: 3, fail: (r) => Number(r.event_id.slice(1)) % 2 === 1, autoFinish: true, maxDepth: 1000, maxDepthPerRecipe: 100 });
    await Promise.all(events.map((e) => a.queue.accept(e)));
    await settle(50);
    const b = harness({ store: MemoryQueueStore.from(a.store), concurrency: 3, autoFinish: true });
    expect(await b.queue.recover()).toEqual({ requeued: 500, resumed: 0 });
    await Promise.all(events.map((e) => b.queue.accept(e)));
    await settle(50);
    await b.queue.drain();
    const all = [...a.ids(), ...b.ids()];
    expect([all.length, new Set(all).size]).toEqual([1000, 1000]);
  });
});
