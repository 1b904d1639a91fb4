import { describe, expect, it } from 'vitest';
import { catchUp, checkSchedule, dueBetween, intervalMs, nextDue, type ScheduleTrigger } from './index';

const every = (value: string): ScheduleTrigger => ({ kind: 'schedule', every: value });
const cron = (value: string): ScheduleTrigger => ({ kind: 'schedule', cron: value });
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('checkSchedule', () => {
  it.each([
    [every('15m')],
    [every('30s')],
    [every('1h')],
    [every('1d')],
    [cron('0 9 * * 1')],
    [cron('*/5 9-17 * * mon-fri')],
    [cron('0 0 1,15 * *')],
    [cron('0 12 * JAN,jul 0,7')],
    [cron('0 0 29 2 *')],
    [cron('5/10 * * * *')]
  ])('%o is valid', (trigger) => {
    expect(checkSchedule(trigger)).toEqual({ ok: true });
  });

  it.each([
    [cron('61 * * * *'), 'cron "61 * * * *": minute 61 is out of range (0-59)'],
    [cron('0 24 * * *'), 'cron "0 24 * * *": hour 24 is out of range (0-23)'],
    [cron('0 0 0 * *'), 'cron "0 0 0 * *": day of month 0 is out of range (1-31)'],
    [cron('0 0 * 13 *'), 'cron "0 0 * 13 *": month 13 is out of range (1-12)'],
    [cron('0 0 * * 8'), 'cron "0 0 * * 8": day of week 8 is out of range (0-7)'],
    [cron('*/0 * * * *'), 'cron "*/0 * * * *": minute step "0" must be a whole number of 1 or more'],
    [cron('0 17-9 * * *'), 'cron "0 17-9 * * *": hour range 17-9 goes backwards (write 9-17, or a list)'],
    [cron('0 0 L * *'), 'cron "0 0 L * *": day of month "L" is not supported (expected a number, a range, a list or a step)'],
    [cron('0 0 ? * 1'), 'cron "0 0 ? * 1": day of month "?" is not supported (expected a number, a range, a list or a step)'],
    [cron('0 0 * * funday'), 'cron "0 0 * * funday": day of week "funday" is not supported (expected a number or a name such as "mon", a range, a list or a step)'],
    [cron('0 0 * *'), 'cron "0 0 * *": expected 5 fields (minute hour day-of-month month day-of-week), found 4'],
    [cron('0 0 0 * * *'), 'cron "0 0 0 * * *": expected 5 fields (minute hour day-of-month month day-of-week), found 6'],
    [cron('1,,2 * * * *'), 'cron "1,,2 * * * *": minute "1,,2" has an empty list item'],
    [cron('0 0 30 2 *'), 'cron "0 0 30 2 *": never due (no chosen month has day 30)'],
    [cron('0 0 31 4,6,9,11 *'), 'cron "0 0 31 4,6,9,11 *": never due (no chosen month has day 31)'],
    [every('0m'), 'every "0m": the interval must be more than 0'],
    [every('15'), 'every "15": expected an interval such as 30s, 15m, 1h or 1d'],
    [every('1w'), 'every "1w": expected an interval such as 30s, 15m, 1h or 1d'],
    [every('99999999999999d'), 'every "99999999999999d": the interval is too long'],
    [{ kind: 'schedule' } as ScheduleTrigger, 'a schedule needs exactly one of "every" or "cron"'],
    [{ kind: 'schedule', every: '1m', cron: '* * * * *' } as ScheduleTrigger, 'a schedule needs exactly one of "every" or "cron"']
  ])('%o is refused', (trigger, message) => {
    expect(checkSchedule(trigger)).toEqual({ ok: false, message });
  });

  it('30 February with a weekday is still due (either day field matches)', () => {
    expect(checkSchedule(cron('0 0 30 2 1'))).toEqual({ ok: true });
  });

  it('nextDue throws the same plain message for an invalid schedule or zone', () => {
    expect(() => nextDue(cron('61 * * * *'), new Date(0), 'UTC')).toThrow('minute 61 is out of range (0-59)');
    expect(() => nextDue(cron('0 9 * * *'), new Date(0), 'Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone this system knows');
  });
});

describe('every: multiples of the interval since 1970-01-01T00:00Z', () => {
  it.each([
    ['15m', '2026-05-04T10:07:12Z', '2026-05-04T10:15:00.000Z'],
    ['15m', '2026-05-04T10:15:00Z', '2026-05-04T10:30:00.000Z'],
    ['1m', '2026-05-04T10:00:59.999Z', '2026-05-04T10:01:00.000Z'],
    ['30s', '2026-05-04T10:00:00.001Z', '2026-05-04T10:00:30.000Z'],
    ['1h', '2026-05-04T23:59:00Z', '2026-05-05T00:00:00.000Z'],
    ['7m', '1970-01-01T00:00:00Z', '1970-01-01T00:07:00.000Z'],
    ['1d', '2026-05-04T10:00:00Z', '2026-05-05T00:00:00.000Z'],
    ['2d', '2026-05-04T10:00:00Z', '2026-05-05T00:00:00.000Z']
  ])('every %s after %s → %s', (value, after, expected) => {
    expect(iso(nextDue(every(value), new Date(after), 'Asia/Seoul'))).toBe(expected);
  });

  it('is the same instant in every zone (tabs and servers agree)', () => {
    const after = new Date('2026-03-29T00:59:00Z');
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Seoul', 'Asia/Kolkata'];
    expect(new Set(zones.map((z) => iso(nextDue(every('1h'), after, z))))).toEqual(new Set(['2026-03-29T01:00:00.000Z']));
  });

  it('intervalMs says the interval, or null for cron', () => {
    expect([intervalMs(every('15m')), intervalMs(every('2h')), intervalMs(cron('* * * * *'))]).toEqual([900_000, 7_200_000, null]);
  });
});

describe('cron next due', () => {
  it.each([
    // Asia/Seoul: +09:00 all year, no DST.
    ['0 9 * * *', 'Asia/Seoul', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00.000Z'],
    ['0 9 * * *', 'Asia/Seoul', '2026-05-31T23:59:59Z', '2026-06-01T00:00:00.000Z'],
    ['0 9 * * 1', 'Asia/Seoul', '2026-06-01T00:00:00Z', '2026-06-08T00:00:00.000Z'],
    ['30 8 * * 1-5', 'Asia/Seoul', '2026-06-05T00:00:00Z', '2026-06-07T23:30:00.000Z'],
    ['0 0 1 * *', 'Asia/Seoul', '2026-06-15T00:00:00Z', '2026-06-30T15:00:00.000Z'],
    ['0 0 29 2 *', 'Asia/Seoul', '2026-03-01T00:00:00Z', '2028-02-28T15:00:00.000Z'],
    ['*/15 * * * *', 'UTC', '2026-06-01T10:14:59Z', '2026-06-01T10:15:00.000Z'],
    ['5/20 * * * *', 'UTC', '2026-06-01T10:46:00Z', '2026-06-01T11:05:00.000Z'],
    ['0 12 * jan 0', 'UTC', '2026-06-01T00:00:00Z', '2027-01-03T12:00:00.000Z'],
    ['0 12 * * 7', 'UTC', '2026-06-01T00:00:00Z', '2026-06-07T12:00:00.000Z'],
    // Both day fields restricted: the 13th OR a Friday (Vixie cron).
    ['0 0 13 * 5', 'UTC', '2026-06-01T00:00:00Z', '2026-06-05T00:00:00.000Z'],
    ['0 0 13 * 5', 'UTC', '2026-06-12T00:00:00Z', '2026-06-13T00:00:00.000Z'],
    // Day-of-month starts with "*": both must match (the odd days that are Fridays).
    ['0 0 */2 * 5', 'UTC', '2026-06-01T00:00:00Z', '2026-06-05T00:00:00.000Z'],
    ['0 0 */2 * 5', 'UTC', '2026-06-05T00:00:00Z', '2026-06-19T00:00:00.000Z'],
    ['30 5 * * *', 'Asia/Kolkata', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00.000Z'],
    ['0 9 * * *', 'Europe/Berlin', '2026-01-10T12:00:00Z', '2026-01-11T08:00:00.000Z'],
    ['0 9 * * *', 'Europe/Berlin', '2026-07-10T12:00:00Z', '2026-07-11T07:00:00.000Z']
  ])('%s in %s after %s → %s', (expression, zone, after, expected) => {
    expect(iso(nextDue(cron(expression), new Date(after), zone))).toBe(expected);
  });
});

describe('cron across DST', () => {
  it.each([
    // Europe/Berlin, 2026-03-29: 02:00 CET → 03:00 CEST (01:00Z). 02:30 does not exist: it runs at 03:00 CEST.
    ['30 2 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-29T01:00:00.000Z'],
    ['30 2 * * *', 'Europe/Berlin', '2026-03-29T01:00:00Z', '2026-03-30T00:30:00.000Z'],
    ['0 3 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-29T01:00:00.000Z'],
    ['0 1 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-29T00:00:00.000Z'],
    // Europe/Berlin, 2026-10-25: 03:00 CEST → 02:00 CET (01:00Z). 02:30 happens twice: it runs at the first.
    ['30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z', '2026-10-25T00:30:00.000Z'],
    ['30 2 * * *', 'Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-26T01:30:00.000Z'],
    ['30 2 * * *', 'Europe/Berlin', '2026-10-25T01:15:00Z', '2026-10-26T01:30:00.000Z'],
    ['0 9 * * *', 'Europe/Berlin', '2026-10-25T12:00:00Z', '2026-10-26T08:00:00.000Z'],
    // America/New_York, 2026-03-08: 02:00 EST → 03:00 EDT (07:00Z).
    ['30 2 * * *', 'America/New_York', '2026-03-07T12:00:00Z', '2026-03-08T07:00:00.000Z'],
    ['0 9 * * *', 'America/New_York', '2026-03-07T15:00:00Z', '2026-03-08T13:00:00.000Z'],
    // America/New_York, 2026-11-01: 02:00 EDT → 01:00 EST (06:00Z). 01:30 happens twice: once, at 05:30Z.
    ['30 1 * * *', 'America/New_York', '2026-10-31T12:00:00Z', '2026-11-01T05:30:00.000Z'],
    ['30 1 * * *', 'America/New_York', '2026-11-01T05:30:00Z', '2026-11-02T06:30:00.000Z'],
    ['0 9 * * *', 'America/New_York', '2026-11-01T00:00:00Z', '2026-11-01T14:00:00.000Z'],
    // America/Santiago changes at midnight (2026-09-06 00:00 → 01:00): the daily midnight run comes at 01:00.
    ['0 0 * * *', 'America/Santiago', '2026-09-05T12:00:00Z', '2026-09-06T04:00:00.000Z'],
    // Australia/Lord_Howe moves by 30 minutes: 02:15 on 2026-10-04 does not exist, it runs at 02:30.
    ['15 2 * * *', 'Australia/Lord_Howe', '2026-10-03T12:00:00Z', '2026-10-03T15:30:00.000Z'],
    // … and 01:45 on 2026-04-05 happens twice: once, at the first (+11:00).
    ['45 1 * * *', 'Australia/Lord_Howe', '2026-04-04T12:00:00Z', '2026-04-04T14:45:00.000Z'],
    ['45 1 * * *', 'Australia/Lord_Howe', '2026-04-04T14:45:00Z', '2026-04-05T15:15:00.000Z']
  ])('%s in %s after %s → %s', (expression, zone, after, expected) => {
    expect(iso(nextDue(cron(expression), new Date(after), zone))).toBe(expected);
  });

  it.each([
    // Every 30 minutes over the spring gap in Berlin: 02:00, 02:30 and 03:00 all name 01:00Z, which runs once.
    ['*/30 * * * *', 'Europe/Berlin', '2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z', ['00:30', '01:00', '01:30', '02:00']],
    // Over the autumn overlap: the repeated 02:00 and 02:30 (CET) do not run again.
    ['*/30 * * * *', 'Europe/Berlin', '2026-10-24T23:00:00Z', '2026-10-25T02:00:00Z', ['23:30', '00:00', '00:30', '02:00']],
    ['0 * * * *', 'America/New_York', '2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z', ['05:00', '07:00', '08:00']],
    ['0 * * * *', 'America/New_York', '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z', ['06:00', '07:00', '08:00', '09:00']],
    ['0 * * * *', 'Asia/Seoul', '2026-03-29T00:00:00Z', '2026-03-29T03:00:00Z', ['01:00', '02:00', '03:00']]
  ])('%s in %s, due in (%s, %s]', (expression, zone, from, to, times) => {
    const due = dueBetween(cron(expression), new Date(from), new Date(to), zone);
    expect(due.map((d) => d.toISOString().slice(11, 16))).toEqual(times);
  });
});

describe('dueBetween', () => {
  it.each([
    [every('1m'), '2026-05-04T10:00:00Z', '2026-05-04T10:05:00Z', 1000, 5],
    [every('1m'), '2026-05-04T10:00:00Z', '2026-05-04T10:04:59Z', 1000, 4],
    [every('1m'), '2026-05-04T10:00:00Z', '2026-05-04T10:00:00Z', 1000, 0],
    [every('1s'), '2026-05-04T10:00:00Z', '2026-05-05T10:00:00Z', 1000, 1000],
    [cron('* * * * *'), '2026-05-04T10:00:00Z', '2026-05-04T12:00:00Z', 50, 50],
    [cron('0 9 * * 1-5'), '2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z', 1000, 21]
  ])('%o in (%s, %s], limit %i: %i due', (trigger, from, to, limit, count) => {
    const due = dueBetween(trigger, new Date(from), new Date(to), 'UTC', limit);
    expect(due).toHaveLength(count);
    for (let i = 1; i < due.length; i++) expect(due[i].getTime()).toBeGreaterThan(due[i - 1].getTime());
  });
});

describe('catchUp: one run for the latest missed due time, never a burst', () => {
  it.each([
    // Last ran at 10:00; closed; opened at 10:10:30. 10:01 … 10:10 were missed: one run, due 10:10, missed 10.
    [every('1m'), '2026-05-04T10:00:00Z', '2026-05-04T10:10:30Z', '2026-05-04T10:10:00.000Z', 10, '2026-05-04T10:11:00.000Z'],
    // Opened exactly on a due time: that one counts as missed too (it has not run).
    [every('1m'), '2026-05-04T10:00:00Z', '2026-05-04T10:10:00Z', '2026-05-04T10:10:00.000Z', 10, '2026-05-04T10:11:00.000Z'],
    [every('1m'), '2026-05-04T10:00:00Z', '2026-05-04T10:00:40Z', null, 0, '2026-05-04T10:01:00.000Z'],
    [every('1h'), '2026-05-04T10:00:00Z', '2026-05-07T10:30:00Z', '2026-05-07T10:00:00.000Z', 72, '2026-05-07T11:00:00.000Z'],
    [cron('0 9 * * *'), '2026-05-04T09:00:00Z', '2026-05-08T08:00:00Z', '2026-05-07T09:00:00.000Z', 3, '2026-05-08T09:00:00.000Z'],
    // Never ran: no catch-up, just the next.
    [every('1m'), null, '2026-05-04T10:10:30Z', null, 0, '2026-05-04T10:11:00.000Z'],
    // The clock went backwards: nothing to catch up.
    [every('1m'), '2026-05-04T11:00:00Z', '2026-05-04T10:10:30Z', null, 0, '2026-05-04T10:11:00.000Z']
  ])('%o, last due %s, now %s → due %s, missed %i', (trigger, lastDue, now, due, missed, next) => {
    const result = catchUp(trigger, lastDue === null ? null : new Date(lastDue), new Date(now), 'UTC');
    expect({ due: iso(result.due), missed: result.missed, next: iso(result.next) }).toEqual({ due, missed, next });
  });

  it('counts a DST day in Berlin once per wall-clock time (the repeated hour runs once)', () => {
    const result = catchUp(cron('*/30 * * * *'), new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T23:00:00Z'), 'Europe/Berlin');
    // 25 hours of real time, 24 hours of wall-clock time: 48 half-hours, not 50.
    expect({ due: iso(result.due), missed: result.missed }).toEqual({ due: '2026-10-25T23:00:00.000Z', missed: 48 });
  });

  it('counts a year of every-minute cron exactly, quickly', () => {
    const started = Date.now();
    const result = catchUp(cron('* * * * *'), new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), 'UTC');
    expect(result.missed).toBe(365 * 24 * 60);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
