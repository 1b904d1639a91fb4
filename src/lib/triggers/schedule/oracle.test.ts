import { describe, expect, it } from 'vitest';
import { dueBetween } from './index';

/** The minutes in (from, to] whose local time matches, found the slow way: every minute, one by one. */
function bruteForce(fields: string[], from: number, to: number, timeZone: string): string[] {
  const sets = fields.map((f, i) => expand(f, [0, 0, 1, 1, 0][i], [59, 23, 31, 12, 6][i]));
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const out: string[] = [];
  for (let t = Math.floor(from / 60_000) * 60_000 + 60_000; t <= to; t += 60_000) {
    const p = Object.fromEntries(parts.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    const [mi, h, d, mo, wd] = [Number(p.minute), Number(p.hour), Number(p.day), Number(p.month), weekdays.indexOf(p.weekday)];
    const dom = sets[2].has(d);
    const dow = sets[4].has(wd);
    const dayOk = fields[2].startsWith('*') || fields[4].startsWith('*') ? dom && dow : dom || dow;
    if (sets[0].has(mi) && sets[1].has(h) && sets[3].has(mo) && dayOk) out.push(new Date(t).toISOString());
  }
  return out;
}

/** Numbers, ranges, lists and steps only: enough for the oracle's table. */
function expand(field: string, min: number, max: number): Set<number> {
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const [range, step = '1'] = item.split('/');
    const [lo, hi] = range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(Number) : [Number(range), item.includes('/') ? max : Number(range)];
    for (let v = lo; v <= hi; v += Number(step)) out.add(v);
  }
  return out;
}

describe('cron agrees with a minute-by-minute scan away from DST changes', () => {
  it.each([
    ['*/7 * * * *', 'Asia/Seoul'],
    ['0 9-17/2 * * 1-5', 'Europe/Berlin'],
    ['15,45 */3 * * *', 'America/New_York'],
    ['0 0 1,15 * *', 'Asia/Kolkata'],
    ['30 6 13 * 5', 'Europe/Berlin'],
    ['0 12 */2 * 1', 'Asia/Seoul'],
    ['59 23 * * 0', 'America/New_York'],
    ['5/20 8-10 10-20 6,7 *', 'Europe/Berlin']
  ])('%s in %s, 1-22 June 2026', (expression, zone) => {
    const from = Date.parse('2026-06-01T00:00:00Z');
    const to = Date.parse('2026-06-22T00:00:00Z');
    const ours = dueBetween({ kind: 'schedule', cron: expression }, new Date(from), new Date(to), zone, 100_000).map((d) => d.toISOString());
    expect(ours).toEqual(bruteForce(expression.split(' '), from, to, zone));
  });
});
