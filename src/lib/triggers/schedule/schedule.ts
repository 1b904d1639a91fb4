/**
 * When a schedule trigger is due: checking it, the next due time, the due times in a span, and the one
 * catch-up run after the studio (or `sous serve`) was closed. Pure functions of the trigger, instants
 * and a time zone; no timers, no storage, so the studio's tabs and `sous serve` agree on every due time.
 *
 * `every` counts from a fixed anchor, 1970-01-01T00:00Z: due times are whole multiples of the interval
 * since then, whatever the zone (`15m` at :00, :15, :30, :45; `1d` at 00:00 UTC). A reload, a second tab
 * and a restarted server compute the same instants without sharing any state. Wall-clock schedules
 * ("every day at 09:00 here") are what `cron` is for, in the person's zone.
 *
 * `cron` runs in `timeZone` (see cron.ts for the syntax). Across DST each matching wall-clock time runs
 * once: a time the spring change skips (02:30) runs at the first instant after the gap (03:00), and
 * times that collapse there run once between them; a time the autumn change repeats runs at its first
 * occurrence only.
 */
import type { ScheduleTrigger } from './types';
import { dayMatches, parseCron, type CronFields } from './cron';
import { dayOffsets, requireTimeZone, resolveWall, wallAt } from './zone';

const DAY = 86_400_000;
/** A cron whose days are rare (29 February, when 2100 is not a leap year) still comes within this. */
const HORIZON_DAYS = 8 * 366 + 31;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: DAY } as const;

export type ScheduleCheck = { ok: true } | { ok: false; message: string };

type Plan = { kind: 'every'; ms: number } | { kind: 'cron'; cron: CronFields };

/** Whether a schedule trigger can ever be due, or what is wrong with it in plain English. */
export function checkSchedule(trigger: ScheduleTrigger): ScheduleCheck {
  const plan = planOf(trigger);
  return 'message' in plan ? { ok: false, message: plan.message } : { ok: true };
}

/** The interval of an `every` schedule in ms, or null for cron. */
export function intervalMs(trigger: ScheduleTrigger): number | null {
  const plan = planOrThrow(trigger);
  return plan.kind === 'every' ? plan.ms : null;
}

/** The first due time strictly after `after`. Throws (plain English) for an invalid schedule or zone. */
export function nextDue(trigger: ScheduleTrigger, after: Date, timeZone: string): Date {
  const plan = planOrThrow(trigger);
  if (plan.kind === 'every') return new Date((Math.floor(after.getTime() / plan.ms) + 1) * plan.ms);
  requireTimeZone(timeZone);
  const next = cronTimes(plan.cron, after.getTime(), timeZone).next();
  if (next.done) throw new Error(`cron "${trigger.cron}" is never due`);
  return new Date(next.value);
}

/** The due times in (from, to], oldest first, at most `limit` of them. */
export function dueBetween(trigger: ScheduleTrigger, from: Date, to: Date, timeZone: string, limit = 1000): Date[] {
  const plan = planOrThrow(trigger);
  const out: Date[] = [];
  const end = to.getTime();
  if (plan.kind === 'every') {
    for (let t = (Math.floor(from.getTime() / plan.ms) + 1) * plan.ms; t <= end && out.length < limit; t += plan.ms) {
      out.push(new Date(t));
    }
    return out;
  }
  requireTimeZone(timeZone);
  for (const t of cronTimes(plan.cron, from.getTime(), timeZone)) {
    if (t > end || out.length >= limit) break;
    out.push(new Date(t));
  }
  return out;
}

export interface CatchUp {
  /** The due time the one catch-up run is for (the latest missed one), or null when none was missed. */
  due: Date | null;
  /** How many due times passed without a run of their own; the catch-up run stands for all of them. */
  missed: number;
  /** The first due time after `now`: when the schedule fires next, catch-up or not. */
  next: Date;
}

/**
 * What to run on opening, given the due time of the last run (`lastDue`, null when it never ran): the due
 * times in (lastDue, now] were missed; they give ONE run, for the latest of them, with `missed` their
 * count, never a burst. Closed for 10 minutes with `every: 1m` (last due 10:00, opened 10:10:30): due
 * 10:10, missed 10. Never ran, or nothing due since: `due` null, `missed` 0.
 */
export function catchUp(trigger: ScheduleTrigger, lastDue: Date | null, now: Date, timeZone: string): CatchUp {
  const plan = planOrThrow(trigger);
  const next = nextDue(trigger, now, timeZone);
  if (lastDue === null || lastDue.getTime() >= now.getTime()) return { due: null, missed: 0, next };
  if (plan.kind === 'every') {
    const missed = Math.floor(now.getTime() / plan.ms) - Math.floor(lastDue.getTime() / plan.ms);
    return missed > 0 ? { due: new Date(Math.floor(now.getTime() / plan.ms) * plan.ms), missed, next } : { due: null, missed: 0, next };
  }
  let missed = 0;
  let latest: number | null = null;
  for (const t of cronTimes(plan.cron, lastDue.getTime(), timeZone)) {
    if (t > now.getTime()) break;
    missed += 1;
    latest = t;
  }
  return { due: latest === null ? null : new Date(latest), missed, next };
}

/** The cron's due instants strictly after `after`, in order, each once. */
function* cronTimes(cron: CronFields, after: number, timeZone: string): Generator<number> {
  // Start a day early: the local day of `after` may begin before it in wall terms either way.
  const firstDay = Math.floor(wallAt(after, timeZone) / DAY) * DAY - DAY;
  let last = after;
  for (let day = firstDay, n = 0; n <= HORIZON_DAYS; day += DAY, n++) {
    if (!dayMatches(cron, day)) continue;
    const offsets = dayOffsets(day, timeZone);
    for (const h of cron.hours) {
      for (const m of cron.minutes) {
        const t = resolveWall(day + h * 3_600_000 + m * 60_000, timeZone, offsets);
        if (t > last) {
          last = t;
          yield t;
        }
      }
    }
  }
}

function planOrThrow(trigger: ScheduleTrigger): Plan {
  const plan = planOf(trigger);
  if ('message' in plan) throw new Error(plan.message);
  return plan;
}

function planOf(trigger: ScheduleTrigger): Plan | { message: string } {
  const { every, cron } = trigger;
  if ((every === undefined) === (cron === undefined)) return { message: 'a schedule needs exactly one of "every" or "cron"' };
  if (every !== undefined) {
    const match = /^(\d+)(s|m|h|d)$/.exec(every.trim());
    if (!match) return { message: `every "${every}": expected an interval such as 30s, 15m, 1h or 1d` };
    const count = Number(match[1]);
    const ms = count * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    if (count === 0) return { message: `every "${every}": the interval must be more than 0` };
    if (!Number.isSafeInteger(ms) || ms > 366 * DAY * 100) return { message: `every "${every}": the interval is too long` };
    return { kind: 'every', ms };
  }
  const parsed = parseCron(cron as string);
  return parsed.ok ? { kind: 'cron', cron: parsed.cron } : { message: parsed.message };
}
