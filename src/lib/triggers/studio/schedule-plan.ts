/**
 * What the studio's schedule timer does at one instant, as a pure function: for each started schedule
 * recipe, whether a run is due now (on time, or the ONE catch-up run for due times nobody fired while the
 * studio was closed or the laptop slept), and when to look again. schedules.ts supplies the recipes, the
 * clock and the timers; every due time here comes from the shared schedule module, so the studio and
 * `sous serve` agree on them.
 */
import { catchUp, checkSchedule, describeSchedule, nextDue, scheduleTick, type ScheduleTick, type ScheduleTrigger } from '../schedule';

/**
 * A run that comes later than this after its due time (and stands for that one alone) is still "on time".
 * Chrome wakes a hidden tab's timers about once a minute, so a leader tab in the background can be up to a
 * minute late without anything having been missed.
 */
export const ON_TIME_MS = 90_000;
/** The longest single timer: a clock that jumps (sleep, a changed clock) is noticed within this. */
export const MAX_WAIT_MS = 60_000;

export interface PlannedSchedule {
  recipe_id: string;
  trigger: ScheduleTrigger;
  /** The last due time a run was queued for, or when the recipe was (last) started: due times after it count. */
  from: Date;
}

export interface Firing {
  recipe_id: string;
  due: Date;
  tick: ScheduleTick;
}

export interface SchedulePlan {
  fire: Firing[];
  /** The earliest next due time of all, or null when none is ever due. */
  nextDue: Date | null;
  problems: Array<{ recipe_id: string; message: string }>;
}

/**
 * Where a recipe's counting starts: its mark (the last due time fired), but never before it was last
 * started, so the time it spent stopped (or before it was first started) is not "missed".
 */
export function countFrom(mark: string | undefined, startedAt: string | null, firedHere?: Date): Date {
  const times = [mark, startedAt].filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t));
  if (firedHere) times.push(firedHere.getTime());
  const valid = times.filter((t) => Number.isFinite(t));
  return new Date(valid.length > 0 ? Math.max(...valid) : 0);
}

/** At `now`, in `timeZone`: the runs to queue and when the next one is due. */
export function planSchedules(schedules: readonly PlannedSchedule[], now: Date, timeZone: string): SchedulePlan {
  const plan: SchedulePlan = { fire: [], nextDue: null, problems: [] };
  for (const s of schedules) {
    const check = checkSchedule(s.trigger);
    if (!check.ok) {
      plan.problems.push({ recipe_id: s.recipe_id, message: check.message });
      continue;
    }
    let found;
    try {
      found = catchUp(s.trigger, s.from, now, timeZone);
    } catch (err) {
      plan.problems.push({ recipe_id: s.recipe_id, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    if (found.due) {
      const onTime = found.missed <= 1 && now.getTime() - found.due.getTime() <= ON_TIME_MS;
      plan.fire.push({ recipe_id: s.recipe_id, due: found.due, tick: scheduleTick(found.due, onTime ? 0 : Math.max(1, found.missed)) });
    }
    if (!plan.nextDue || found.next < plan.nextDue) plan.nextDue = found.next;
  }
  return plan;
}

/** How long to wait before looking again: until the next due time, in chunks of at most MAX_WAIT_MS. */
export function waitMs(nextDue: Date | null, now: Date): number {
  if (!nextDue) return MAX_WAIT_MS;
  return Math.max(0, Math.min(MAX_WAIT_MS, nextDue.getTime() - now.getTime()));
}

/** The event id of one due time of one recipe: the same in every tab and after every reload. */
export function scheduleEventId(recipeId: string, due: Date): string {
  return `${recipeId}@${due.toISOString()}`;
}

export type ScheduleSummary = { ok: true; words: string; next: Date[] } | { ok: false; problem: string };

/** What the inspector shows for a schedule: it in words and its next `count` due times, or what is wrong. */
export function summarizeSchedule(trigger: ScheduleTrigger, now: Date, timeZone: string, count = 3): ScheduleSummary {
  const check = checkSchedule(trigger);
  if (!check.ok) return { ok: false, problem: check.message };
  try {
    const next: Date[] = [];
    for (let after = now; next.length < count; after = next[next.length - 1]) next.push(nextDue(trigger, after, timeZone));
    return { ok: true, words: describeSchedule(trigger, timeZone, 'en'), next };
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) };
  }
}

/** A due time as the person reads it, on their wall clock: "Sun, 31 Mar 2030, 03:00". */
export function formatDue(due: Date, timeZone: string): string {
  const seconds = due.getUTCSeconds() !== 0;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23'
  }).format(due);
}
