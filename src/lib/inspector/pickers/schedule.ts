/**
 * The schedule picker's model: the common shapes in words (every N minutes or hours, every day, weekday,
 * week or month at a time) written as the trigger's `every` or a 5-field `cron`, and read back from them.
 * Anything else (`30s`, `2d`, a cron with lists or steps) is `custom` and stays editable as text.
 */
import type { ScheduleTrigger } from '../../triggers/schedule';

export type ScheduleShape = 'minutes' | 'hours' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'custom';
export const SHAPES: ScheduleShape[] = ['minutes', 'hours', 'daily', 'weekdays', 'weekly', 'monthly', 'custom'];

export interface ScheduleChoice {
  shape: ScheduleShape;
  /** Every n minutes or hours. */
  n: number;
  hour: number;
  minute: number;
  /** Day of week, 0 (Sunday) to 6. */
  weekday: number;
  /** Day of month, 1 to 31. */
  day: number;
}

export const DEFAULT_CHOICE: ScheduleChoice = { shape: 'daily', n: 15, hour: 9, minute: 0, weekday: 1, day: 1 };

type Fields = Pick<ScheduleTrigger, 'every' | 'cron'>;

/** What the trigger holds for a choice (custom choices are not written from here). */
export function writeSchedule(c: ScheduleChoice): Fields {
  const at = `${c.minute} ${c.hour}`;
  switch (c.shape) {
    case 'minutes':
      return { every: `${c.n}m` };
    case 'hours':
      return { every: `${c.n}h` };
    case 'daily':
      return { cron: `${at} * * *` };
    case 'weekdays':
      return { cron: `${at} * * 1-5` };
    case 'weekly':
      return { cron: `${at} * * ${c.weekday}` };
    case 'monthly':
      return { cron: `${at} ${c.day} * *` };
    case 'custom':
      return {};
  }
}

const num = (text: string, min: number, max: number): number | null => {
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

/** The choice a trigger's schedule reads as; `custom` (with the default's other values) when it has no simple form. */
export function readSchedule(t: Fields): ScheduleChoice {
  const custom = { ...DEFAULT_CHOICE, shape: 'custom' as const };
  if (t.every !== undefined) {
    const m = /^(\d+)(m|h)$/.exec(t.every.trim());
    if (!m || Number(m[1]) < 1) return custom;
    return { ...DEFAULT_CHOICE, shape: m[2] === 'm' ? 'minutes' : 'hours', n: Number(m[1]) };
  }
  const f = (t.cron ?? '').trim().split(/\s+/);
  if (f.length !== 5) return custom;
  const [min, hour, dom, month, dow] = f;
  const minute = num(min, 0, 59);
  const h = num(hour, 0, 23);
  if (minute === null || h === null || month !== '*') return custom;
  const base = { ...DEFAULT_CHOICE, minute, hour: h };
  if (dom === '*' && dow === '*') return { ...base, shape: 'daily' };
  if (dom === '*' && (dow === '1-5' || dow === 'mon-fri' || dow === '1,2,3,4,5')) return { ...base, shape: 'weekdays' };
  const weekday = num(dow, 0, 7);
  if (dom === '*' && weekday !== null) return { ...base, shape: 'weekly', weekday: weekday % 7 };
  const day = num(dom, 1, 31);
  if (dow === '*' && day !== null) return { ...base, shape: 'monthly', day };
  return custom;
}

/** `09:05` for a time input. */
export const timeText = (c: Pick<ScheduleChoice, 'hour' | 'minute'>) => `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;

/** `09:05` back into hour and minute; null when it is not a time. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}
