import { describe, expect, it } from 'vitest';
import { describeSchedule, type ScheduleTrigger } from './index';

const every = (value: string): ScheduleTrigger => ({ kind: 'schedule', every: value });
const cron = (value: string): ScheduleTrigger => ({ kind: 'schedule', cron: value });

describe('describeSchedule', () => {
  it.each([
    [every('15m'), 'Every 15 minutes', '15분마다'],
    [every('1m'), 'Every minute', '매분'],
    [every('30s'), 'Every 30 seconds', '30초마다'],
    [every('1h'), 'Every hour', '매시간'],
    [every('6h'), 'Every 6 hours', '6시간마다'],
    [every('1d'), 'Every day, from 00:00 UTC', '매일 (UTC 00:00 기준)'],
    [every('2d'), 'Every 2 days, from 00:00 UTC', '2일마다 (UTC 00:00 기준)'],
    [cron('0 9 * * 1'), 'At 09:00 on Monday (Europe/Berlin)', '월요일 09:00 (Europe/Berlin)'],
    [cron('30 7 * * *'), 'At 07:30 every day (Europe/Berlin)', '매일 07:30 (Europe/Berlin)'],
    [cron('0 9,17 * * *'), 'At 09:00 and 17:00 every day (Europe/Berlin)', '매일 09:00, 17:00 (Europe/Berlin)'],
    [cron('0 9 * * 1-5'), 'At 09:00 on weekdays (Europe/Berlin)', '평일 09:00 (Europe/Berlin)'],
    [cron('0 10 * * sat,sun'), 'At 10:00 on weekends (Europe/Berlin)', '주말 10:00 (Europe/Berlin)'],
    [cron('0 9 * * 1,3,5'), 'At 09:00 on Monday, Wednesday and Friday (Europe/Berlin)', '월요일, 수요일, 금요일 09:00 (Europe/Berlin)'],
    [cron('0 8 1 * *'), 'At 08:00 on day 1 of the month (Europe/Berlin)', '매월 1일 08:00 (Europe/Berlin)'],
    [cron('0 0 1 1 *'), 'At 00:00 on January 1 (Europe/Berlin)', '매년 1월 1일 00:00 (Europe/Berlin)'],
    [cron('* * * * *'), 'Every minute (Europe/Berlin)', '매분 (Europe/Berlin)'],
    [cron('*/15 * * * *'), 'Every 15 minutes (Europe/Berlin)', '15분마다 (Europe/Berlin)'],
    [cron('0 */2 * * *'), 'Every 2 hours (Europe/Berlin)', '2시간마다 (Europe/Berlin)'],
    [cron('5 * * * *'), 'At minute 5 of every hour (Europe/Berlin)', '매시 5분 (Europe/Berlin)'],
    // Not simple: the expression itself, with the zone.
    [cron('*/7 * * * *'), 'cron "*/7 * * * *" (Europe/Berlin)', 'cron "*/7 * * * *" (Europe/Berlin)'],
    [cron('0 9 1 * 1'), 'cron "0 9 1 * 1" (Europe/Berlin)', 'cron "0 9 1 * 1" (Europe/Berlin)'],
    [cron('0 9-17 * * *'), 'cron "0 9-17 * * *" (Europe/Berlin)', 'cron "0 9-17 * * *" (Europe/Berlin)'],
    [cron('61 * * * *'), 'cron "61 * * * *" (Europe/Berlin)', 'cron "61 * * * *" (Europe/Berlin)']
  ])('%o → "%s" / "%s"', (trigger, en, ko) => {
    expect([describeSchedule(trigger, 'Europe/Berlin', 'en'), describeSchedule(trigger, 'Europe/Berlin', 'ko')]).toEqual([en, ko]);
  });

  it('names the zone it was given', () => {
    expect(describeSchedule(cron('0 9 * * 1'), 'Asia/Seoul', 'ko')).toBe('월요일 09:00 (Asia/Seoul)');
  });
});
