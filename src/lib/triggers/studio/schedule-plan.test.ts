import { describe, expect, it } from 'vitest';
import { countFrom, formatDue, MAX_WAIT_MS, planSchedules, scheduleEventId, summarizeSchedule, waitMs, type PlannedSchedule } from './schedule-plan';

const at = (iso: string) => new Date(iso);
const minutely = (from: string): PlannedSchedule => ({ recipe_id: 'm', trigger: { kind: 'schedule', every: '1m' }, from: at(from) });

describe('planSchedules', () => {
  it.each([
    ['1m', 'nothing due yet', '10:00:00', '10:00:30', null, '10:01:00'],
    ['1m', 'due just now: on time', '10:00:00', '10:01:00.004', { at: '10:01:00', catch_up: false, missed: 0 }, '10:02:00'],
    ['1m', 'a little late (a busy tab): still on time', '10:00:00', '10:01:40', { at: '10:01:00', catch_up: false, missed: 0 }, '10:02:00'],
    ['1m', 'closed for 10 minutes: one catch-up run, the 10 counted', '10:00:00', '10:10:30', { at: '10:10:00', catch_up: true, missed: 10 }, '10:11:00'],
    ['5m', 'one due time found long after it (a sleeping laptop): a catch-up run', '10:00:00', '10:07:00', { at: '10:05:00', catch_up: true, missed: 1 }, '10:10:00'],
    ['1m', 'already fired for the latest due time', '10:10:00', '10:10:59', null, '10:11:00']
  ])('every %s, %s', (every, _what, from, now, tick, next) => {
    const day = (t: string) => `2030-03-01T${t}Z`;
    const schedule: PlannedSchedule = { recipe_id: 'm', trigger: { kind: 'schedule', every }, from: at(day(from)) };
    const plan = planSchedules([schedule], at(day(now)), 'Europe/Berlin');
    const expected = tick && { ...tick, at: at(day(tick.at)).toISOString() };
    expect(plan.fire.map((f) => f.tick)).toEqual(expected ? [expected] : []);
    expect(plan.nextDue).toEqual(at(day(next)));
  });

  it('a cron at 02:30 on the night the clocks go forward in Berlin runs once, at 03:00 local', () => {
    const daily: PlannedSchedule = { recipe_id: 'c', trigger: { kind: 'schedule', cron: '30 2 * * *' }, from: at('2030-03-30T12:00:00Z') };
    // 31 March 2030: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
    const before = planSchedules([daily], at('2030-03-31T00:59:00Z'), 'Europe/Berlin');
    expect(before.fire).toEqual([]);
    expect(before.nextDue).toEqual(at('2030-03-31T01:00:00Z'));
    const due = planSchedules([daily], at('2030-03-31T01:00:00Z'), 'Europe/Berlin');
    expect(due.fire.map((f) => f.tick)).toEqual([{ at: '2030-03-31T01:00:00.000Z', catch_up: false, missed: 0 }]);
    const after = planSchedules([{ ...daily, from: due.fire[0].due }], at('2030-03-31T01:30:00Z'), 'Europe/Berlin');
    expect(after.fire).toEqual([]);
    expect(after.nextDue).toEqual(at('2030-04-01T00:30:00Z'));
  });

  it('names an invalid schedule and plans the others', () => {
    const bad: PlannedSchedule = { recipe_id: 'bad', trigger: { kind: 'schedule', every: 'soon' }, from: at('2030-01-01T00:00:00Z') };
    const plan = planSchedules([bad, minutely('2030-01-01T00:00:00Z')], at('2030-01-01T00:00:30Z'), 'UTC');
    expect(plan.problems).toEqual([{ recipe_id: 'bad', message: expect.stringContaining('every "soon"') }]);
    expect(plan.nextDue).toEqual(at('2030-01-01T00:01:00Z'));
  });

  it('the earliest next due time of several recipes', () => {
    const hourly: PlannedSchedule = { recipe_id: 'h', trigger: { kind: 'schedule', every: '1h' }, from: at('2030-01-01T00:00:00Z') };
    expect(planSchedules([hourly, minutely('2030-01-01T00:00:00Z')], at('2030-01-01T00:00:10Z'), 'UTC').nextDue).toEqual(at('2030-01-01T00:01:00Z'));
    expect(planSchedules([], at('2030-01-01T00:00:10Z'), 'UTC').nextDue).toBeNull();
  });
});

describe('countFrom', () => {
  it.each([
    ['the mark when it is later than the start', '2030-01-01T10:05:00Z', '2030-01-01T10:00:00Z', undefined, '2030-01-01T10:05:00Z'],
    ['the (re)start when later than the mark: time stopped is not missed', '2030-01-01T10:05:00Z', '2030-01-01T12:00:00Z', undefined, '2030-01-01T12:00:00Z'],
    ['the start when it never fired', undefined, '2030-01-01T10:00:00Z', undefined, '2030-01-01T10:00:00Z'],
    ['a due time this tab fired whose mark is not written yet', '2030-01-01T10:05:00Z', '2030-01-01T10:00:00Z', '2030-01-01T10:06:00Z', '2030-01-01T10:06:00Z']
  ])('%s', (_what, mark, started, fired, expected) => {
    expect(countFrom(mark, started, fired ? at(fired) : undefined)).toEqual(at(expected));
  });
});

describe('waitMs', () => {
  it.each([
    ['until the next due time when it is near', '2030-01-01T00:00:20Z', 40_000],
    ['in chunks of at most a minute when it is far', '2030-01-02T00:00:00Z', MAX_WAIT_MS],
    ['a minute when nothing is due', null, MAX_WAIT_MS]
  ])('%s', (_what, next, ms) => {
    expect(waitMs(next ? at(next) : null, at('2029-12-31T23:59:40Z'))).toBe(ms);
  });
});

it('event ids are the recipe and the due time', () => {
  expect(scheduleEventId('nightly', at('2030-01-01T00:00:00Z'))).toBe('nightly@2030-01-01T00:00:00.000Z');
});

describe('summarizeSchedule', () => {
  it('a cron across the spring change in Berlin: in words, and the next three runs on the wall clock', () => {
    const summary = summarizeSchedule({ kind: 'schedule', cron: '30 2 * * *' }, at('2030-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(summary.ok && summary.words).toBe('At 02:30 every day (Europe/Berlin)');
    expect(summary.ok && summary.next.map((d) => formatDue(d, 'Europe/Berlin'))).toEqual([
      'Sun, 31 Mar 2030, 03:00',
      'Mon, 1 Apr 2030, 02:30',
      'Tue, 2 Apr 2030, 02:30'
    ]);
  });

  it.each([
    [{ kind: 'schedule' as const, every: '90x' }, 'every "90x"'],
    [{ kind: 'schedule' as const, cron: '61 * * * *' }, 'minute'],
    [{ kind: 'schedule' as const }, 'exactly one of']
  ])('names the problem of %j', (trigger, words) => {
    const summary = summarizeSchedule(trigger, at('2030-01-01T00:00:00Z'), 'UTC');
    expect(summary.ok).toBe(false);
    expect(!summary.ok && summary.problem).toContain(words);
  });

  it('seconds are shown only when a run is not on a whole minute', () => {
    expect(formatDue(at('2030-01-01T00:00:30Z'), 'UTC')).toBe('Tue, 1 Jan 2030, 00:00:30');
  });
});
