import { describe, expect, it } from 'vitest';
import { MemoryQueueStore } from './memory-store';
import { createTriggerQueue } from './queue';
import { deferred, ev, harness, settle } from './test-kit';
import type { QueueEntry, TriggerEvent } from './types';

const clock = { now: () => new Date('2026-03-01T09:00:00Z') };

describe('accept: invalid events are answered, not thrown', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', null, /must be an object/],
    ['no event_id', { recipe_id: 'r1', kind: 'webhook', payload: {} }, /needs a event_id/],
    ['empty recipe_id', { event_id: 'e1', recipe_id: '', kind: 'webhook', payload: {} }, /needs a recipe_id/],
    ['unknown kind', { event_id: 'e1', recipe_id: 'r1', kind: 'manual', payload: {} }, /kind must be one of schedule, webhook, event, not manual/],
    ['bad due_at', { event_id: 'e1', recipe_id: 'r1', kind: 'schedule', due_at: 'tomorrow', payload: {} }, /due_at must be an ISO 8601/],
    ['an id too long', { event_id: 'x'.repeat(300), recipe_id: 'r1', kind: 'event', payload: {} }, /longer than 256/]
  ];
  it.each(cases)('%s', async (_name, event, message) => {
    const h = harness();
    const result = await h.queue.accept(event as TriggerEvent);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.message).toMatch(message);
    expect(h.store.snapshot()).toEqual([]);
  });
});

describe('dedupe by event id', () => {
  const cases: [string, (h: ReturnType<typeof harness>) => Promise<unknown>][] = [
    ['sent twice in a row', async (h) => { await h.queue.accept(ev('e1')); return h.queue.accept(ev('e1')); }],
    ['sent twice at once', async (h) => (await h.acceptAll([ev('e1'), ev('e1')]))[1]],
    ['sent again after its job ended', async (h) => { await h.queue.accept(ev('e1')); await settle(); await h.finish('e1'); return h.queue.accept(ev('e1')); }],
    ['sent again while it waits behind another', async (h) => { await h.acceptAll([ev('e0'), ev('e1')]); return h.queue.accept(ev('e1')); }]
  ];
  it.each(cases)('%s: one job, the second answered duplicate', async (_name, script) => {
    const h = harness();
    const second = (await script(h)) as { status: string };
    await settle();
    expect(second.status).toBe('duplicate');
    expect(h.ids().filter((id) => id === 'e1')).toHaveLength(h.ids().includes('e1') ? 1 : 0);
    expect(h.store.snapshot().filter((e) => e.event.event_id === 'e1')).toHaveLength(1);
  });

  it('after a restart, an event whose job ended is still a duplicate', async () => {
    const a = harness();
    await a.queue.accept(ev('e1'));
    await settle();
    await a.finish('e1');
    const b = harness({ store: MemoryQueueStore.from(a.store) });
    expect(await b.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
    expect(await b.queue.accept(ev('e1'))).toEqual({ status: 'duplicate', event_id: 'e1' });
    await settle();
    expect(b.started).toEqual([]);
  });

  it('full does not hide a duplicate: a re-sent event over the limit is answered duplicate', async () => {
    const h = harness({ maxDepthPerRecipe: 1 });
    for (const id of ['e0', 'e1']) await h.queue.accept(ev(id));
    await settle();
    await h.finish('e0');
    await h.queue.accept(ev('e2'));
    expect(h.queue.stats().recipes.r1).toMatchObject({ running: 1, waiting: 1 });
    // e0's job ended long ago: only the store still knows it.
    expect((await h.queue.accept(ev('e0'))).status).toBe('duplicate');
    expect((await h.queue.accept(ev('e2'))).status).toBe('duplicate');
    expect((await h.queue.accept(ev('e9'))).status).toBe('full');
  });
});

describe('durability order', () => {
  it('accept resolves only once the store has the event, and no job starts before', async () => {
    const gate = deferred();
    const inner = new MemoryQueueStore();
    const store = Object.assign(Object.create(inner), {
      put: async (entry: QueueEntry) => { await gate.promise; return inner.put(entry); }
    }) as MemoryQueueStore;
    let starts = 0;
    const queue = createTriggerQueue({ store, clock, startJob: async () => ({ jobId: `j${++starts}`, done: new Promise(() => {}) }) });
    let answered = false;
    const result = queue.accept(ev('e1')).then((r) => ((answered = true), r));
    await settle();
    expect([answered, starts, inner.snapshot().length]).toEqual([false, 0, 0]);
    gate.resolve();
    expect(await result).toEqual({ status: 'accepted', event_id: 'e1' });
    expect((await inner.get('e1'))?.state).toBeDefined();
  });

  it('is acknowledged only once startJob returned its job id', async () => {
    const job = deferred<{ jobId: string; done: Promise<unknown> }>();
    const store = new MemoryQueueStore();
    const queue = createTriggerQueue({ store, clock, startJob: () => job.promise });
    await queue.accept(ev('e1'));
    await settle();
    expect(await store.get('e1')).toMatchObject({ state: 'pending' });
    expect((await store.get('e1'))?.job_id).toBeUndefined();
    job.resolve({ jobId: 'job-7', done: new Promise(() => {}) });
    await settle();
    expect(await store.get('e1')).toMatchObject({ state: 'started', job_id: 'job-7' });
  });

  it('a job that ends (well or failing) is recorded finished, and the next one starts', async () => {
    const h = harness();
    await h.acceptAll([ev('e1'), ev('e2'), ev('e3')]);
    await h.finish('e1', 'fail');
    await h.finish('e2', 'ok');
    expect(h.ids()).toEqual(['e1', 'e2', 'e3']);
    expect((await h.store.list('finished')).map((e) => e.event.event_id)).toEqual(['e1', 'e2']);
  });

  it('a startJob that throws leaves the event pending, says so plainly, and recover() starts it once', async () => {
    let broken = true;
    const h = harness({ fail: () => broken });
    await h.acceptAll([ev('e1')]);
    expect(await h.store.get('e1')).toMatchObject({ state: 'pending' });
    expect(h.problems).toEqual([
      { event_id: 'e1', recipe_id: 'r1', message: 'could not start a job for event e1: the journal is locked. It stays queued and is tried again by recover().' }
    ]);
    expect(h.queue.stats().recipes.r1).toMatchObject({ start_failures: 1, running: 0, waiting: 0 });
    broken = false;
    expect(await h.queue.recover()).toEqual({ requeued: 1, resumed: 0 });
    expect(await h.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
    await settle();
    expect(h.ids()).toEqual(['e1']);
    expect(h.started[0]).toMatchObject({ recovered: true });
    expect(await h.store.get('e1')).toMatchObject({ state: 'started', job_id: 'job-e1' });
  });

  it('a failed start frees its slot: the next event of the recipe starts', async () => {
    const h = harness({ fail: (r) => r.event_id === 'e1' });
    await h.acceptAll([ev('e1'), ev('e2')]);
    expect(h.ids()).toEqual(['e2']);
  });
});

describe('recover after a restart', () => {
  /** A first process accepts and starts some, then "dies": its store is copied as the disk would keep it. */
  async function crashAfter(events: TriggerEvent[], startFirst: number) {
    const a = harness({ fail: (r) => Number(r.event_id.slice(1)) >= startFirst, concurrency: 10 });
    await a.acceptAll(events);
    return harness({ store: MemoryQueueStore.from(a.store), concurrency: 10 });
  }

  it('events accepted but not acknowledged are started once; those with a job are not', async () => {
    const b = await crashAfter([ev('e0'), ev('e1'), ev('e2'), ev('e3')], 2);
    expect(await b.queue.recover()).toEqual({ requeued: 2, resumed: 0 });
    await settle();
    expect(b.ids()).toEqual(['e2', 'e3']);
    expect(await b.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
    for (const id of ['e0', 'e1', 'e2', 'e3']) expect((await b.queue.accept(ev(id))).status).toBe('duplicate');
    await settle();
    expect(b.ids()).toEqual(['e2', 'e3']);
  });

  it('keeps acceptance order and the original accepted_at (waited_ms spans the restart)', async () => {
    const a = harness({ fail: () => true });
    await a.acceptAll([ev('e1'), ev('e2'), ev('e3')]);
    const b = harness({ store: MemoryQueueStore.from(a.store) });
    b.advance(60_000);
    await b.queue.recover();
    await settle();
    await b.finish('e1');
    await b.finish('e2');
    expect(b.ids()).toEqual(['e1', 'e2', 'e3']);
    expect(b.started[0]).toMatchObject({ waited_ms: 60_000, recovered: true });
  });

  it('hands acknowledged-but-unfinished jobs to resumeJob, counted against the recipe limit', async () => {
    const a = harness();
    await a.acceptAll([ev('e1'), ev('e2')]);
    const resumed = deferred<unknown>();
    const seen: string[] = [];
    const store = MemoryQueueStore.from(a.store);
    const started: string[] = [];
    const queue = createTriggerQueue({
      store,
      clock,
      resumeJob: async (entry) => (seen.push(`${entry.event.event_id}:${entry.job_id}`), { jobId: entry.job_id!, done: resumed.promise }),
      startJob: async (req) => (started.push(req.event_id), { jobId: `job-${req.event_id}`, done: new Promise(() => {}) })
    });
    expect(await queue.recover()).toEqual({ requeued: 1, resumed: 1 });
    await settle();
    expect([seen, started, queue.running('r1'), queue.depth('r1')]).toEqual([['e1:job-e1'], [], 1, 1]);
    resumed.resolve(undefined);
    await settle();
    expect(started).toEqual(['e2']);
    expect(await store.get('e1')).toMatchObject({ state: 'finished' });
  });

  it('a duplicate of a waiting event, then recover() in the same process: still one job', async () => {
    const h = harness();
    await h.acceptAll([ev('e0'), ev('e1')]);
    expect((await h.queue.accept(ev('e1'))).status).toBe('duplicate');
    expect(await h.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
    await h.finish('e0');
    await h.finish('e1');
    expect(h.ids()).toEqual(['e0', 'e1']);
  });

  it('recover() twice while recovered events still wait queues them once', async () => {
    const b = await crashAfter([ev('e0'), ev('e1'), ev('e2')], 0);
    const c = harness({ store: MemoryQueueStore.from(b.store) });
    expect(await c.queue.recover()).toEqual({ requeued: 3, resumed: 0 });
    expect(await c.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
    for (const id of ['e0', 'e1', 'e2']) await c.finish(id);
    expect(c.ids()).toEqual(['e0', 'e1', 'e2']);
    expect(c.queue.depth()).toBe(0);
  });

  it('without resumeJob, a job already started is never started again', async () => {
    const a = harness();
    await a.acceptAll([ev('e1')]);
    const b = harness({ store: MemoryQueueStore.from(a.store) });
    expect(await b.queue.recover()).toEqual({ requeued: 0, resumed: 0 });
    await settle();
    expect(b.calls()).toBe(0);
  });
});
