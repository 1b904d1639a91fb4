import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import type { Trigger } from '../../recipe';
import { draftLine, formatDue, LIFECYCLE_WORDS, nextRunLine, notStartable, startable } from './lifecycle-view';

describe('draftLine', () => {
  const cases = [
    { draft: true, newest_version: 5, active_version: 3, expected: 'Draft (v5) · running v3' },
    { draft: false, newest_version: 3, active_version: 3, expected: null },
    { draft: true, newest_version: 2, active_version: null, expected: null }
  ];
  for (const c of cases) it(JSON.stringify(c), () => expect(draftLine(c)).toBe(c.expected));
});

describe('startable', () => {
  const cases: Array<[Trigger['kind'], boolean, string | undefined]> = [
    ['event', true, undefined],
    ['document', true, undefined],
    ['schedule', true, undefined],
    ['webhook', true, undefined],
    ['manual', false, 'Runs when a person runs it'],
    ['callable', false, 'Runs when another recipe or an agent calls it']
  ];
  for (const [kind, can, why] of cases) it(kind, () => (expect(startable(kind)).toBe(can), expect(notStartable(kind)).toBe(why)));
});

describe('nextRunLine', () => {
  const now = new Date('2026-03-28T22:10:30Z');
  const every: Trigger = { kind: 'schedule', every: '5m' };
  const cron: Trigger = { kind: 'schedule', cron: '0 9 * * *' };
  const cases: Array<{ name: string; state: 'started' | 'stopped'; trigger?: Trigger; tz: string; expected: string | null }> = [
    { name: 'every, today', state: 'started', trigger: every, tz: 'UTC', expected: 'Every 5 minutes · next run 22:15 (UTC)' },
    { name: 'every, shown in Seoul (already tomorrow there)', state: 'started', trigger: every, tz: 'Asia/Seoul', expected: 'Every 5 minutes · next run 07:15 (Asia/Seoul)' },
    { name: 'cron, tomorrow in Berlin, with its date', state: 'started', trigger: cron, tz: 'Europe/Berlin', expected: 'At 09:00 every day (Europe/Berlin) · next run 29 Mar 09:00' },
    { name: 'stopped: no next run', state: 'stopped', trigger: every, tz: 'UTC', expected: null },
    { name: 'not a schedule', state: 'started', trigger: { kind: 'webhook', path: 'x' }, tz: 'UTC', expected: null },
    { name: 'an invalid schedule says nothing rather than fail', state: 'started', trigger: { kind: 'schedule', cron: '99 * * * *' }, tz: 'UTC', expected: null }
  ];
  for (const c of cases) it(c.name, () => expect(nextRunLine({ state: c.state, activeTrigger: c.trigger }, now, c.tz, 'en-GB')).toBe(c.expected));
});

describe('formatDue', () => {
  it('the time alone on the same day in that zone', () => expect(formatDue(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T09:00:00Z'), 'UTC', 'en-GB')).toBe('10:00'));
  it('the date too on another day', () => expect(formatDue(new Date('2026-01-02T10:00:00Z'), new Date('2026-01-01T09:00:00Z'), 'UTC', 'en-GB')).toBe('2 Jan 10:00'));
});

describe('in Korean', () => {
  afterEach(() => setLocale('en'));
  it('the words, the draft line and the next run follow the studio language', () => {
    setLocale('ko');
    expect(notStartable('manual')).toBe('사람이 실행할 때 실행됩니다');
    expect(LIFECYCLE_WORDS.start).toBe('시작');
    expect(LIFECYCLE_WORDS.stop).toBe('중지');
    expect(draftLine({ draft: true, newest_version: 5, active_version: 3 })).toBe('초안 (v5) · v3 실행 중');
    const line = nextRunLine({ state: 'started', activeTrigger: { kind: 'schedule', every: '5m' } }, new Date('2026-03-28T22:10:30Z'), 'UTC', 'ko-KR');
    // The time as the runtime's ICU writes it for ko-KR (오후 10:15, or PM 10:15 with fewer locales).
    expect(line).toMatch(/^5분마다 · 다음 실행 .*(22|10):15 \(UTC\)$/);
  });
});
