// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SousDb } from '../../store/db';
import { saveRecipe } from '../../store/recipes';
import { markStarted, markStopped } from '../../store/recipe-states';
import { freshDb, recipe } from '../../store/test-db';
import { memoryLocks } from '../../worker/memory-locks';
import type { EngineClient } from '../../worker/client';
import type { AcceptResult, TriggerEvent } from '../queue/types';
import type { AutomationDeps } from './automation-deps';
import { markDue, startSchedules } from './schedules';

let db: SousDb;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2030-03-01T10:00:30Z') });
  db = freshDb();
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const text = (trigger: unknown) =>
  JSON.stringify({ format: 'sous.recipe/v1', id: 'tick', name: 'Tick', trigger, steps: [{ id: 's', kind: 'set', values: { ok: true } }] });

/** A tab: its (fake) engine records the ticks it is given, as the worker would accept them once each. */
function studio(seen: Set<string>, events: TriggerEvent[], problems: string[]) {
  const engine = {
    async acceptTrigger(event: TriggerEvent): Promise<AcceptResult> {
      if (seen.has(event.event_id)) return { status: 'duplicate', event_id: event.event_id };
      seen.add(event.event_id);
      events.push(event);
      return { status: 'accepted', event_id: event.event_id };
    },
    recoverTriggers: async () => {}
  } as unknown as EngineClient;
  return { db, engine, report: (p: string) => problems.push(p) } satisfies AutomationDeps;
}

async function setup(trigger: unknown = { kind: 'schedule', every: '1m' }) {
  await saveRecipe(db, recipe(text(trigger)));
  await markStarted(db, 'tick', 1, new Date());
  const events: TriggerEvent[] = [];
  const problems: string[] = [];
  return { events, problems, deps: studio(new Set(), events, problems) };
}

/** Real turns of the event loop, for fake-indexeddb (setImmediate, not faked) to answer Dexie. */
async function settle() {
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(0);
  }
}

/** `ms` of the clock, a second at a time, letting Dexie answer after each. */
async function pass(ms: number) {
  for (let left = ms; left > 0; left -= 1000) {
    await vi.advanceTimersByTimeAsync(Math.min(1000, left));
    await settle();
  }
}

const ticks = (events: TriggerEvent[]) => events.map((e) => [e.event_id, e.payload]);

describe('startSchedules', () => {
  it('a started every-1m recipe fires 5 times in 5 minutes, each due time once, and writes its mark', async () => {
    const { events, deps, problems } = await setup();
    const stop = startSchedules(deps, { locks: memoryLocks(), timeZone: () => 'Europe/Berlin' });
    await pass(5 * 60_000);
    expect(ticks(events)).toEqual([1, 2, 3, 4, 5].map((m) => {
      const at = `2030-03-01T10:0${m}:00.000Z`;
      return [`tick@${at}`, { at, catch_up: false, missed: 0 }];
    }));
    expect((await db.schedule_marks.get('tick'))?.last_due).toBe('2030-03-01T10:05:00.000Z');
    expect(problems).toEqual([]);
    stop();
  });

  it('with two tabs, only the one holding the lock fires; when it closes the other goes on, never twice', async () => {
    const { events, deps } = await setup();
    const locks = memoryLocks();
    const seen = new Set<string>();
    const [a, b] = [{ ...deps, ...studio(seen, events, []) }, { ...deps, ...studio(seen, events, []) }];
    const stopA = startSchedules(a, { locks, timeZone: () => 'UTC' });
    const stopB = startSchedules(b, { locks, timeZone: () => 'UTC' });
    await pass(3 * 60_000);
    stopA();
    await pass(2 * 60_000);
    expect(events.map((e) => e.due_at)).toEqual([1, 2, 3, 4, 5].map((m) => `2030-03-01T10:0${m}:00.000Z`));
    stopB();
  });

  it('a stopped recipe fires no more, at once', async () => {
    const { events, deps } = await setup();
    const stop = startSchedules(deps, { locks: memoryLocks(), timeZone: () => 'UTC' });
    await pass(60_000);
    await markStopped(db, 'tick');
    await pass(5 * 60_000);
    expect(events).toHaveLength(1);
    stop();
  });

  it('a recipe started while the studio is open fires from its next due time, with no restart of the timers', async () => {
    await saveRecipe(db, recipe(text({ kind: 'schedule', every: '1m' })));
    const events: TriggerEvent[] = [];
    const stop = startSchedules(studio(new Set(), events, []), { locks: memoryLocks(), timeZone: () => 'UTC' });
    await pass(2 * 60_000);
    expect(events).toEqual([]);
    await markStarted(db, 'tick', 1, new Date());
    await pass(60_000);
    expect(events.map((e) => e.due_at)).toEqual(['2030-03-01T10:03:00.000Z']);
    stop();
  });

  it('closed for 10 minutes: one catch-up run on opening, the missed due times counted', async () => {
    const { events, deps } = await setup();
    await markDue(db, 'tick', new Date('2030-03-01T10:00:00Z'));
    vi.setSystemTime(new Date('2030-03-01T10:10:30Z'));
    const stop = startSchedules(deps, { locks: memoryLocks(), timeZone: () => 'UTC' });
    await pass(1000);
    expect(ticks(events)).toEqual([['tick@2030-03-01T10:10:00.000Z', { at: '2030-03-01T10:10:00.000Z', catch_up: true, missed: 10 }]]);
    await pass(60_000);
    expect(events.map((e) => (e.payload as { catch_up: boolean }).catch_up)).toEqual([true, false]);
    stop();
  });

  it('a recipe never fired counts from when it was started: no run for before', async () => {
    vi.setSystemTime(new Date('2030-03-01T10:20:10Z'));
    const { events, deps } = await setup();
    const stop = startSchedules(deps, { locks: memoryLocks(), timeZone: () => 'UTC' });
    await pass(1000);
    expect(events).toEqual([]);
    await pass(60_000);
    expect(events.map((e) => e.due_at)).toEqual(['2030-03-01T10:21:00.000Z']);
    stop();
  });

  it('a cron at 02:30 on the night Berlin springs forward runs once, at 03:00 local', async () => {
    vi.setSystemTime(new Date('2030-03-31T00:55:00Z'));
    const { events, deps } = await setup({ kind: 'schedule', cron: '30 2 * * *' });
    const stop = startSchedules(deps, { locks: memoryLocks(), timeZone: () => 'Europe/Berlin' });
    await pass(60 * 60_000);
    expect(events.map((e) => e.due_at)).toEqual(['2030-03-31T01:00:00.000Z']);
    stop();
  });

  it('the mark never moves back', async () => {
    await markDue(db, 'tick', new Date('2030-03-01T10:05:00Z'));
    await markDue(db, 'tick', new Date('2030-03-01T10:04:00Z'));
    expect((await db.schedule_marks.get('tick'))?.last_due).toBe('2030-03-01T10:05:00.000Z');
  });
});
