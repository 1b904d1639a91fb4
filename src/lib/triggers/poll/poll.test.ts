/** One poll of a polled event: priming, new items in order, the filter, failures that lose nothing, bounds. */
import { describe, expect, it } from 'vitest';
import type { PollDef } from '../../connectors/sdk';
import type { Recipe } from '../../recipe';
import { MemoryCursorStore, cursorKey, nextSeen, pollJobId } from './cursor';
import { describeEvery, itemKey, parseEvery, pollEveryMs } from './interval';
import { needsPriming, pollOnce, type EventTrigger, type PolledJob } from './poll';

const trigger: EventTrigger = { kind: 'event', connector: 'openapi.shop', event: 'list_orders.new' };
const recipe = (t: EventTrigger = trigger): Recipe => ({ format: 'sous.recipe/v1', id: 'on-order', name: 'On order', trigger: t, steps: [] }) as Recipe;

/** An API whose list is set by the test (or fails), and a starter that records the jobs. */
function world(options: Partial<PollDef> = {}) {
  let answer: unknown[] | Error = [];
  const poll: PollDef = {
    ...options,
    async list() {
      if (answer instanceof Error) throw answer;
      return answer;
    }
  };
  const store = new MemoryCursorStore();
  const jobs: PolledJob[] = [];
  let failOn: string | undefined;
  let clock = Date.parse('2026-05-01T10:00:00Z');
  const run = (t = trigger, extra: { startedAt?: string | null; maxSeen?: number } = {}) => {
    clock += 5 * 60_000;
    return pollOnce({
      recipe: recipe(t),
      version: 3,
      trigger: t,
      poll,
      store,
      now: new Date(clock),
      ...extra,
      start: async (job) => {
        if (failOn && (job.trigger as { id: unknown }).id === failOn) throw new Error('the disk is full');
        jobs.push(job);
        return job.jobId;
      }
    });
  };
  return {
    store,
    jobs,
    run,
    list: (items: unknown[] | Error) => (answer = items),
    failOn: (id: string | undefined) => (failOn = id),
    ids: () => jobs.map((j) => (j.trigger as { id: string }).id)
  };
}
const orders = (...ids: (string | number)[]) => ids.map((id) => ({ id, total: Number(String(id).replace(/\D/g, '')) * 100 }));

describe('a polled event', () => {
  it('takes what is there on the first poll as seen, then starts one job per new item, in the list’s order', async () => {
    const w = world();
    w.list(orders('o1', 'o2'));
    expect(await w.run()).toEqual({ started: [], primed: true });
    expect(w.jobs).toEqual([]);
    w.list(orders('o4', 'o3', 'o2', 'o1'));
    const second = await w.run();
    expect(w.ids()).toEqual(['o4', 'o3']);
    expect(second.started).toEqual([await pollJobId('on-order', 'list_orders.new', 'o4'), await pollJobId('on-order', 'list_orders.new', 'o3')]);
    expect(w.jobs[0]).toMatchObject({ version: 3, trigger: { id: 'o4', total: 400 }, recipe: { id: 'on-order' } });
    expect(await w.run()).toEqual({ started: [], primed: false });
    expect(w.jobs).toHaveLength(2);
    expect(w.store.rows.get(cursorKey('on-order', 'list_orders.new'))?.seen).toEqual(['o4', 'o3', 'o2', 'o1']);
  });

  it('starts jobs only for items the trigger’s filter lets through; the others count as seen', async () => {
    const w = world();
    const big: EventTrigger = { ...trigger, filter: 'trigger.total > 250' };
    w.list([]);
    await w.run(big);
    w.list(orders('o1', 'o2', 'o3', 'o4'));
    await w.run(big);
    expect(w.ids()).toEqual(['o3', 'o4']);
    await w.run(big);
    expect(w.jobs).toHaveLength(2);
  });

  it('keeps the cursor as it was when the API fails, so the items come at the next good poll', async () => {
    const w = world();
    w.list(orders('o1'));
    await w.run();
    const before = structuredClone(w.store.rows);
    w.list(new Error('GET http://127.0.0.1/orders answered 503'));
    expect(await w.run()).toEqual({ started: [], primed: false, problem: 'could not list the items of openapi.shop: GET http://127.0.0.1/orders answered 503' });
    expect(w.store.rows).toEqual(before);
    w.list(orders('o2', 'o1'));
    await w.run();
    expect(w.ids()).toEqual(['o2']);
  });

  it('tries a job that could not start again next time, with the same job id, and keeps the ones before it', async () => {
    const w = world();
    w.list([]);
    await w.run();
    w.list(orders('o1', 'o2', 'o3'));
    w.failOn('o2');
    const failed = await w.run();
    expect(w.ids()).toEqual(['o1']);
    expect(failed.problem).toBe('a new item (o2) started no job: the disk is full; it is tried again at the next check');
    w.failOn(undefined);
    await w.run();
    expect(w.ids()).toEqual(['o1', 'o2', 'o3']);
  });

  it('with backlog, starts jobs for the items already there on the first poll', async () => {
    const w = world({ backlog: true });
    w.list(orders('o1', 'o2'));
    expect(await w.run()).toMatchObject({ primed: false });
    expect(w.ids()).toEqual(['o1', 'o2']);
  });

  it('reads a declared key, numbers too, and says how many items have none', async () => {
    const w = world({ key: 'number' });
    w.list([{ number: 1 }]);
    await w.run();
    w.list([{ number: 2 }, { title: 'no number' }, { number: 1 }]);
    const result = await w.run();
    expect(w.jobs.map((j) => j.trigger)).toEqual([{ number: 2 }]);
    expect(result.problem).toBe('1 of the 3 items have no "number" to tell them apart, so they start no job');
  });

  it('says so when the API answers something that is not a list', async () => {
    const w = world();
    w.list({ orders: [] } as unknown as unknown[]);
    expect((await w.run()).problem).toBe('openapi.shop did not answer a list of items');
  });

  it('primes afresh when the recipe was started again after a pause, not after "Start this version"', async () => {
    const w = world();
    w.list(orders('o1'));
    await w.run();
    const cursor = w.store.rows.get(cursorKey('on-order', 'list_orders.new'))!;
    w.list(orders('o2', 'o1'));
    // Started again an hour after the last poll: o2 came while it was stopped.
    const later = new Date(Date.parse(cursor.polled_at!) + 3_600_000).toISOString();
    expect(await w.run(trigger, { startedAt: later })).toMatchObject({ primed: true, started: [] });
    w.list(orders('o3', 'o2', 'o1'));
    // A new version made active a moment after a poll: o3 still starts a job.
    const soon = new Date(Date.parse(w.store.rows.get(cursorKey('on-order', 'list_orders.new'))!.polled_at!) + 1000).toISOString();
    await w.run(trigger, { startedAt: soon });
    expect(w.ids()).toEqual(['o3']);
  });

  it('keeps at most maxSeen keys, never dropping one still listed', async () => {
    const w = world();
    w.list(orders('a1', 'a2'));
    await w.run(trigger, { maxSeen: 3 });
    for (const next of ['a3', 'a4', 'a5']) {
      w.list(orders(next, 'a2'));
      await w.run(trigger, { maxSeen: 3 });
    }
    expect(w.ids()).toEqual(['a3', 'a4', 'a5']);
    expect(w.store.rows.get(cursorKey('on-order', 'list_orders.new'))?.seen).toEqual(['a4', 'a5', 'a2']);
  });
});

describe('poll helpers', () => {
  it.each([
    ['5m', 300_000],
    ['1h', 3_600_000],
    [' 2d ', 172_800_000],
    ['90s', 90_000],
    ['0m', null],
    ['5 minutes', null],
    ['1.5h', null]
  ])('parseEvery(%j) is %s', (text, ms) => expect(parseEvery(text)).toBe(ms));

  it.each([
    [undefined, 300_000],
    ['10s', 60_000],
    ['soon', 300_000],
    ['2h', 7_200_000]
  ])('polls every %j as %i ms (at least a minute)', (every, ms) => expect(pollEveryMs({ every })).toBe(ms));

  it.each([
    [60_000, 'minute'],
    [300_000, '5 min'],
    [3_600_000, 'hour'],
    [7_200_000, '2 hours'],
    [86_400_000, 'day']
  ])('describes %i ms as %j', (ms, text) => expect(describeEvery(ms)).toBe(text));

  it.each([
    [{ id: 'x' }, undefined, 'x'],
    [{ id: 7 }, undefined, '7'],
    [{ id: '' }, undefined, undefined],
    [{ id: { nested: 1 } }, undefined, undefined],
    [{ key: 'K-1' }, 'key', 'K-1'],
    [['id'], undefined, undefined],
    [null, undefined, undefined]
  ])('keys %j (field %s) as %j', (item, key, expected) => expect(itemKey({ key }, item)).toBe(expected));

  it('makes one job id per recipe, event and item', async () => {
    const a = await pollJobId('r', 'e.new', 'k');
    expect(a).toMatch(/^poll-[0-9a-f]{32}$/);
    expect(await pollJobId('r', 'e.new', 'k')).toBe(a);
    expect(new Set([a, await pollJobId('r2', 'e.new', 'k'), await pollJobId('r', 'f.new', 'k'), await pollJobId('r', 'e.new', 'k2')]).size).toBe(4);
  });

  it('makes one job id per item without crypto.subtle too (a page that is not a secure context)', async () => {
    const ids = await Promise.all(Array.from({ length: 2000 }, (_, i) => pollJobId('r', 'e.new', `item-${i}`, null)));
    expect(ids[0]).toMatch(/^poll-[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(2000);
    expect(await pollJobId('r', 'e.new', 'item-0', null)).toBe(ids[0]);
    expect(ids[0]).not.toBe(await pollJobId('r', 'e.new', 'item-0'));
  });

  it('bounds the seen keys, the listed ones last', () => {
    expect(nextSeen(['a', 'b', 'c'], ['d', 'b'], 3)).toEqual(['c', 'd', 'b']);
    expect(nextSeen([], ['x', 'x', 'y'])).toEqual(['x', 'y']);
  });

  const at = (m: number) => new Date(Date.parse('2026-05-01T10:00:00Z') + m * 60_000).toISOString();
  it.each([
    ['no cursor', undefined, at(0), true],
    ['no start time', { primed: 0, polled: 0 }, null, false],
    ['started before priming', { primed: 10, polled: 20 }, at(5), false],
    ['started 3 min after the last poll', { primed: 0, polled: 20 }, at(23), false],
    ['started 30 min after the last poll', { primed: 0, polled: 20 }, at(50), true],
    ['started a minute after it was seen stopped', { primed: 0, polled: 20, paused: 21 }, at(22), true],
    ['seen stopped after it was started', { primed: 0, polled: 20, paused: 21 }, at(20), false]
  ])('needs priming: %s', (_name, c, startedAt, expected) => {
    const cursor = c && { key: 'k', seen: [], primed_at: at(c.primed), polled_at: at(c.polled), ...('paused' in c ? { paused_at: at(c.paused) } : {}) };
    expect(needsPriming(cursor, startedAt, 5 * 60_000)).toBe(expected);
  });
});
