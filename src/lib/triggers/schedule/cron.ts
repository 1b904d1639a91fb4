/**
 * Standard 5-field cron (minute hour day-of-month month day-of-week), as Vixie cron reads it: numbers,
 * `*`, ranges `a-b`, lists `a,b`, steps `*\/n`, `a-b/n` and `a/n` (from a to the field's end), month
 * names `jan`-`dec`, weekday names `sun`-`sat`, weekday 7 as Sunday. When both day fields are
 * restricted a day matches if EITHER does (`0 9 1 * 1`: the 1st and every Monday); when either begins
 * with `*` both must match. Quartz extras (`?`, `L`, `W`, `#`, seconds, years) are refused.
 */

export interface CronFields {
  minutes: number[];
  hours: number[];
  /** Day of month, 1-31. */
  days: Set<number>;
  /** Month, 1-12. */
  months: Set<number>;
  /** Day of week, 0-6, Sunday 0. */
  weekdays: Set<number>;
  /** The day-of-month or day-of-week field began with `*` (then days AND weekdays must match). */
  dayStar: boolean;
  weekdayStar: boolean;
  /** The fields as written, for describing. */
  source: string[];
}

export type CronParse = { ok: true; cron: CronFields } | { ok: false; message: string };

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 7, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }
];

/** Days in each month of a leap year: what a day-of-month can ever reach. */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

class CronError extends Error {}

/** Parses a 5-field cron expression, or says in plain English what is wrong with it. */
export function parseCron(expression: string): CronParse {
  const source = expression.trim().split(/\s+/).filter(Boolean);
  const where = `cron "${expression.trim()}"`;
  if (source.length !== 5) {
    return { ok: false, message: `${where}: expected 5 fields (minute hour day-of-month month day-of-week), found ${source.length}` };
  }
  try {
    const [minutes, hours, days, months, weekdays] = source.map((text, i) => parseField(text, FIELDS[i]));
    const cron: CronFields = {
      minutes,
      hours,
      days: new Set(days),
      months: new Set(months),
      weekdays: new Set(weekdays.map((d) => d % 7)),
      dayStar: source[2].startsWith('*'),
      weekdayStar: source[4].startsWith('*'),
      source
    };
    // With AND (weekday field `*`), a day-of-month no chosen month has (30 February) never comes.
    if (cron.weekdayStar && !months.some((m) => days.some((d) => d <= MAX_DAYS[m - 1]))) {
      return { ok: false, message: `${where}: never due (no chosen month has day ${days.join(', ')})` };
    }
    return { ok: true, cron };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, message: `${where}: ${e.message}` };
    throw e;
  }
}

function parseField(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') throw new CronError(`${spec.name} "${text}" has an empty list item`);
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined) throw new CronError(`${spec.name} "${item}" has more than one "/"`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) {
        throw new CronError(`${spec.name} step "${stepText}" must be a whole number of 1 or more`);
      }
      step = Number(stepText);
    }
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = spec.min;
      hi = spec.name === 'day of week' ? 6 : spec.max;
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined) throw new CronError(`${spec.name} "${item}" is not a range such as 1-5`);
      lo = value(a, spec);
      hi = value(b, spec);
      if (lo > hi) throw new CronError(`${spec.name} range ${range} goes backwards (write ${b}-${a}, or a list)`);
    } else {
      lo = value(range, spec);
      hi = stepText !== undefined ? (spec.name === 'day of week' ? 6 : spec.max) : lo;
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function value(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return spec.name === 'month' ? named + 1 : named;
  if (!/^\d+$/.test(text)) {
    const hint = spec.names ? `a number or a name such as "${spec.names[1]}"` : 'a number';
    throw new CronError(`${spec.name} "${text}" is not supported (expected ${hint}, a range, a list or a step)`);
  }
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw new CronError(`${spec.name} ${n} is out of range (${spec.min}-${spec.max})`);
  return n;
}

/** Whether the cron runs on a local calendar day (given as wall ms of its midnight). */
export function dayMatches(cron: CronFields, dayWall: number): boolean {
  const date = new Date(dayWall);
  if (!cron.months.has(date.getUTCMonth() + 1)) return false;
  const dom = cron.days.has(date.getUTCDate());
  const dow = cron.weekdays.has(date.getUTCDay());
  return cron.dayStar || cron.weekdayStar ? dom && dow : dom || dow;
}
