/** The schedule timers of `sous serve`: due times from the shared nextDue, one catch-up run, ids per due time. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Recipe } from '../../src/lib/recipe';
import type { TriggerEvent } from '../../src/lib/triggers/queue';
import { startSchedules } from './schedules';

const every = (id: string, interval: string) =>
  ({ format: 'sous.recipe/v1', id, name: id, trigger: { kind: 'schedule', every: interval }, steps: [] }) as unknown as Recipe;

function marks(initial: Record<string, string> = {}) {
  const kept = new Map(Object.entries(initial).map(([k, v]) => [k, new Date(v)]));
  return { kept, lastDue: (id: string) => kept.get(id) ?? null, markDue: (id: string, due: Date) => void kept.set(id, due) };
}

describe('startSchedules', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['first start: counts from now, no run for the past', {}, '2026-03-01T10:00:30Z', 3 * 60_000, ['10:01', '10:02', '10:03'], []],
    ['down for 10 minutes: one catch-up run for 10 missed', { r: '2026-03-01T09:50:00Z' }, '2026-03-01T10:00:30Z', 60_000, ['10:00', '10:01'], [[true, 10], [false, 0]]],
    ['down for less than one interval: nothing to catch up', { r: '2026-03-01T10:00:00Z' }, '2026-03-01T10:00:30Z', 60_000, ['10:01'], [[false, 0]]]
  ])('%s', async (_what, initial, start, advance, dueTimes, flags) => {
    vi.setSystemTime(new Date(start));
    const events: TriggerEvent[] = [];
    const kept = marks(initial);
    const s = startSchedules({
      recipes: [every('r', '1m')],
      timeZone: 'UTC',
      marks: kept,
      accept: async (e) => (events.push(e), { status: 'accepted', event_id: e.event_id }),
      onProblem: (m) => {
        throw new Error(m);
      }
    });
    await vi.advanceTimersByTimeAsync(advance);
    s.stop();
    expect(events.map((e) => e.due_at!.slice(11, 16))).toEqual(dueTimes);
    expect(events.map((e) => e.event_id)).toEqual(events.map((e) => `r@${e.due_at}`));
    for (const [i, [catchUp, missed]] of (flags as [boolean, number][]).entries()) {
      expect(events[i].payload).toEqual({ at: events[i].due_at, catch_up: catchUp, missed });
    }
    expect(kept.kept.get('r')?.toISOString()).toBe(events.at(-1)!.due_at);
  });

  it('stops firing once stopped', async () => {
    vi.setSystemTime(new Date('2026-03-01T10:00:30Z'));
    const events: TriggerEvent[] = [];
    const s = startSchedules({
      recipes: [every('r', '1m')],
      timeZone: 'UTC',
      marks: marks(),
      accept: async (e) => (events.push(e), { status: 'accepted', event_id: e.event_id }),
      onProblem: () => undefined
    });
    expect(s.next('r')?.toISOString()).toBe('2026-03-01T10:01:00.000Z');
    s.stop();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(events).toEqual([]);
  });
});
