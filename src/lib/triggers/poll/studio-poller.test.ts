// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * The page's poller: one tab polls (Web Lock), each started event recipe at once and then on the interval
 * the worker answers, Start/Stop read live, and a problem told once until a poll goes well again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SousDb } from '../../store/db';
import { saveRecipe } from '../../store/recipes';
import { markStarted, markStopped } from '../../store/recipe-states';
import { freshDb, recipe } from '../../store/test-db';
import { memoryLocks } from '../../worker/memory-locks';
import type { EngineClient } from '../../worker/client';
import type { PollOutcome } from '../../worker/poll-host';
import type { AutomationDeps } from '../studio/automation-deps';
import { startPolling, type PollingOptions } from './studio-poller';

let db: SousDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

const text = (id: string, trigger: unknown) => JSON.stringify({ format: 'sous.recipe/v1', id, name: id, trigger, steps: [{ id: 's', kind: 'set', values: { ok: true } }] });
const shopEvent = { kind: 'event', connector: 'openapi.shop', event: 'list_orders.new' };

async function started(id: string, trigger: unknown = shopEvent) {
  await saveRecipe(db, recipe(text(id, trigger)));
  await markStarted(db, id, 1);
}

/** Timers the test fires by hand: each is [ms, fn]. */
function manualTimers() {
  const pending = new Set<{ ms: number; fn: () => void }>();
  const options: Pick<PollingOptions, 'setTimer' | 'clearTimer'> = {
    setTimer: (fn, ms) => {
      const t = { ms, fn };
      pending.add(t);
      return t;
    },
    clearTimer: (t) => void pending.delete(t as { ms: number; fn: () => void })
  };
  const fireAll = () => {
    const now = [...pending];
    pending.clear();
    for (const t of now) t.fn();
  };
  return { options, pending, fireAll };
}

/** A tab whose engine answers each poll with what `answer` gives, and records the calls. */
function tab(answer: (recipeId: string) => PollOutcome | Error = () => ({ started: [], every_ms: 300_000 })) {
  const calls: string[] = [];
  const problems: string[] = [];
  const engine = {
    async pollEvents(recipeId: string) {
      calls.push(recipeId);
      const a = answer(recipeId);
      if (a instanceof Error) throw a;
      return a;
    }
  } as unknown as EngineClient;
  const deps: AutomationDeps = { db, engine, report: (p) => problems.push(p) };
  return { deps, calls, problems };
}

/** Wait (real time) until the condition holds: liveQuery answers on its own turns. */
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never: ${what}`);
}
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('the studio poller', () => {
  it('polls each started event recipe at once, then on the interval the worker answers', async () => {
    await started('orders');
    await started('sandbox-vendor', { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' });
    await started('daily', { kind: 'schedule', every: '1d' });
    const timers = manualTimers();
    const t = tab((id) => (id === 'orders' ? { started: [], every_ms: 120_000 } : { started: [] }));
    const stop = startPolling(t.deps, { locks: memoryLocks(), ...timers.options });
    await until(() => t.calls.length === 2, 'both event recipes polled');
    expect(t.calls.sort()).toEqual(['orders', 'sandbox-vendor']);
    await settle();
    // Only the polled one waits for its next poll, at the interval the worker said.
    expect([...timers.pending].map((p) => p.ms)).toEqual([120_000]);
    timers.fireAll();
    await until(() => t.calls.length === 3, 'polled again');
    expect(t.calls[2]).toBe('orders');
    stop();
    await settle();
    expect(timers.pending.size).toBe(0);
  });

  it('polls from one tab only, and another takes over when it stops', async () => {
    await started('orders');
    const locks = memoryLocks();
    const first = tab();
    const second = tab();
    const stopFirst = startPolling(first.deps, { locks, ...manualTimers().options });
    const stopSecond = startPolling(second.deps, { locks, ...manualTimers().options });
    await until(() => first.calls.length === 1, 'the first tab polls');
    await settle();
    expect(second.calls).toEqual([]);
    stopFirst();
    await until(() => second.calls.length === 1, 'the second tab takes over');
    stopSecond();
  });

  it('stops polling a stopped recipe and polls afresh when it starts again', async () => {
    await started('orders');
    const timers = manualTimers();
    const t = tab();
    const stop = startPolling(t.deps, { locks: memoryLocks(), ...timers.options });
    await until(() => t.calls.length === 1, 'polled');
    await markStopped(db, 'orders');
    await until(() => timers.pending.size === 0, 'its timer cleared');
    await settle();
    // Once more, for the worker to note the Stop on its cursors; then no timer.
    expect(t.calls).toEqual(['orders', 'orders']);
    expect(timers.pending.size).toBe(0);
    await markStarted(db, 'orders', 1, new Date(Date.now() + 1000));
    await until(() => t.calls.length === 3, 'polled again on Start');
    stop();
  });

  it('tells a problem once while it lasts, and again after a good poll', async () => {
    await started('orders');
    const timers = manualTimers();
    const answers: (PollOutcome | Error)[] = [
      { started: [], every_ms: 60_000, problem: 'recipe "orders" did not check for new items: the API is down' },
      { started: [], every_ms: 60_000, problem: 'recipe "orders" did not check for new items: the API is down' },
      { started: ['j1'], every_ms: 60_000 },
      { started: [], every_ms: 60_000, problem: 'recipe "orders" did not check for new items: the API is down' },
      new Error('the worker stopped')
    ];
    const t = tab(() => answers.shift() ?? { started: [], every_ms: 60_000 });
    const stop = startPolling(t.deps, { locks: memoryLocks(), ...timers.options });
    for (let n = 1; n <= 5; n++) {
      await until(() => t.calls.length === n && timers.pending.size === 1, `poll ${n}`);
      timers.fireAll();
    }
    expect(t.problems).toEqual([
      'recipe "orders" did not check for new items: the API is down',
      'recipe "orders" did not check for new items: the API is down',
      'recipe "orders" did not check for new items: the worker stopped'
    ]);
    stop();
  });
});
