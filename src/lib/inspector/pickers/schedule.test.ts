import { describe, expect, it } from 'vitest';
import { checkSchedule, describeSchedule } from '../../triggers/schedule';
import { DEFAULT_CHOICE, parseTime, readSchedule, timeText, writeSchedule, type ScheduleChoice } from './schedule';

const choice = (c: Partial<ScheduleChoice>): ScheduleChoice => ({ ...DEFAULT_CHOICE, ...c });

describe('the schedule picker writes every or cron, and reads them back', () => {
  it.each([
    { c: choice({ shape: 'minutes', n: 15 }), fields: { every: '15m' }, words: 'Every 15 minutes' },
    { c: choice({ shape: 'hours', n: 1 }), fields: { every: '1h' }, words: 'Every hour' },
    { c: choice({ shape: 'daily', hour: 7, minute: 30 }), fields: { cron: '30 7 * * *' }, words: 'At 07:30 every day (UTC)' },
    { c: choice({ shape: 'weekdays', hour: 9, minute: 0 }), fields: { cron: '0 9 * * 1-5' }, words: 'At 09:00 on weekdays (UTC)' },
    { c: choice({ shape: 'weekly', weekday: 5, hour: 17, minute: 45 }), fields: { cron: '45 17 * * 5' }, words: 'At 17:45 on Friday (UTC)' },
    { c: choice({ shape: 'weekly', weekday: 0, hour: 8, minute: 0 }), fields: { cron: '0 8 * * 0' }, words: 'At 08:00 on Sunday (UTC)' },
    { c: choice({ shape: 'monthly', day: 28, hour: 6, minute: 5 }), fields: { cron: '5 6 28 * *' }, words: 'At 06:05 on day 28 of the month (UTC)' }
  ])('$words', ({ c, fields, words }) => {
    expect(writeSchedule(c)).toEqual(fields);
    const trigger = { kind: 'schedule' as const, ...fields };
    expect(checkSchedule(trigger)).toEqual({ ok: true });
    expect(describeSchedule(trigger, 'UTC', 'en')).toBe(words);
    expect(readSchedule(fields)).toEqual(c);
  });

  it.each([
    ['every 30 seconds', { every: '30s' }],
    ['every 2 days (from midnight UTC)', { every: '2d' }],
    ['a list of hours', { cron: '0 9,17 * * *' }],
    ['a step', { cron: '*/5 * * * *' }],
    ['a month', { cron: '0 9 1 1 *' }],
    ['both day fields', { cron: '0 9 1 * 1' }],
    ['not cron', { cron: 'soon' }]
  ])('%s stays custom, as text', (_, fields) => {
    expect(readSchedule(fields).shape).toBe('custom');
  });

  it('reads the other spellings of weekdays and Sunday as 7', () => {
    expect(readSchedule({ cron: '0 9 * * mon-fri' }).shape).toBe('weekdays');
    expect(readSchedule({ cron: '0 9 * * 7' })).toEqual(choice({ shape: 'weekly', weekday: 0, hour: 9, minute: 0 }));
  });

  it.each([
    ['09:05', { hour: 9, minute: 5 }],
    ['9:00', { hour: 9, minute: 0 }],
    ['24:00', null],
    ['nine', null]
  ])('the time %s', (text, want) => {
    expect(parseTime(text)).toEqual(want);
    if (want) expect(parseTime(timeText(want))).toEqual(want);
  });
});
