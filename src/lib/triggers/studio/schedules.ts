/**
 * The page's part of schedules: in the one tab holding the 'sous-schedules' Web Lock, every started schedule
 * recipe (read live, so Start and Stop take effect at once) fires at its due times in the person's time
 * zone. On becoming that tab it first starts what the queue accepted and never started, then gives ONE
 * catch-up run for due times nobody fired (the studio was closed), counted from the recipe's mark or, for
 * a recipe never fired, from when it was started; never a burst.
 *
 * Time is read and timers run here, on the page, never in the worker: the worker only receives ticks
 * (acceptTrigger). Timers wait at most a minute at a time, so a sleeping laptop or a changed clock is
 * noticed within a minute. A due time is one event id (`RECIPE@DUE`), which the shared queue store runs
 * once whatever tab, reload or retry sends it; the mark (db.schedule_marks) then moves on.
 */
import { liveQuery } from 'dexie';
import type { SousDb } from '../../store/db';
import { getRecipe } from '../../store/recipes';
import { guardWrite } from '../../store/storage-errors';
import type { ScheduleTrigger } from '../schedule';
import type { TriggerEvent } from '../queue/types';
import type { AutomationDeps, StopAutomation } from './automation-deps';
import { pageLocks, whileLeader, type LeaderLocks } from './leader';
import { countFrom, planSchedules, scheduleEventId, waitMs, type Firing } from './schedule-plan';

export const SCHEDULES_LOCK = 'sous-schedules';

/** Ports for tests; the page uses the real ones. */
export interface ScheduleOptions {
  locks?: LeaderLocks;
  now?: () => Date;
  timeZone?: () => string;
}

/** A started schedule recipe as the timer needs it. */
export interface StartedSchedule {
  recipe_id: string;
  trigger: ScheduleTrigger;
  /** When it was (last) started, ISO 8601. */
  started_at: string;
  /** The last due time a run was queued for, ISO 8601. */
  mark?: string;
}

export function startSchedules(deps: AutomationDeps, options: ScheduleOptions = {}): StopAutomation {
  return whileLeader(options.locks ?? pageLocks(), SCHEDULES_LOCK, () => lead(deps, options), {
    onError: (err) => deps.report(`schedules could not run: ${messageOf(err)}`)
  });
}

/** The person's time zone, as the browser knows it. */
export function personTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What the leader tab does until it stops leading. */
function lead(deps: AutomationDeps, options: ScheduleOptions): () => void {
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? personTimeZone;
  /** Due times this tab queued, per recipe, before their mark is read back. */
  const fired = new Map<string, Date>();
  const told = new Set<string>();
  let schedules: StartedSchedule[] | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function wake(): void {
    clearTimeout(timer);
    if (stopped || schedules === null) return;
    const plan = planSchedules(
      schedules.map((s) => ({ recipe_id: s.recipe_id, trigger: s.trigger, from: countFrom(s.mark, s.started_at, fired.get(s.recipe_id)) })),
      now(),
      timeZone()
    );
    for (const p of plan.problems) tellOnce(`recipe "${p.recipe_id}" has a schedule that cannot run: ${p.message}`);
    for (const firing of plan.fire) {
      fired.set(firing.recipe_id, firing.due);
      void fire(deps, firing, tellOnce);
    }
    timer = setTimeout(wake, waitMs(plan.nextDue, now()));
  }

  function tellOnce(problem: string): void {
    if (told.has(problem)) return;
    told.add(problem);
    deps.report(problem);
  }

  // Jobs accepted by a tab that closed (or before a reload) and never started go first, then the timers.
  const recovered = deps.engine.recoverTriggers().catch((err) => deps.report(`schedules: what was queued could not be started: ${messageOf(err)}`));
  const subscription = liveQuery(() => startedSchedules(deps.db)).subscribe({
    next: (list) => {
      schedules = list;
      void recovered.then(wake);
    },
    error: (err) => deps.report(`schedules could not read the started recipes: ${messageOf(err)}`)
  });

  return () => {
    stopped = true;
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}

/** Queue one due time, then move the recipe's mark on to it. */
async function fire(deps: AutomationDeps, firing: Firing, tell: (problem: string) => void): Promise<void> {
  const dueAt = firing.due.toISOString();
  const event: TriggerEvent = {
    event_id: scheduleEventId(firing.recipe_id, firing.due),
    recipe_id: firing.recipe_id,
    kind: 'schedule',
    due_at: dueAt,
    payload: firing.tick
  };
  try {
    const result = await deps.engine.acceptTrigger(event);
    // "Not started" is a Stop that came while this tick was on its way: nothing to tell.
    if (result.status === 'full' || (result.status === 'invalid' && !/is not started$/.test(result.message))) {
      tell(`the run of recipe "${firing.recipe_id}" due at ${dueAt} could not be queued: ${result.message}`);
    }
    await markDue(deps.db, firing.recipe_id, firing.due);
  } catch (err) {
    deps.report(`the run of recipe "${firing.recipe_id}" due at ${dueAt} could not be queued: ${messageOf(err)}`);
  }
}

/** Every started recipe whose active version has a schedule trigger, with its mark. */
export async function startedSchedules(db: SousDb): Promise<StartedSchedule[]> {
  const states = await db.recipe_states.where('state').equals('started').toArray();
  const found: StartedSchedule[] = [];
  for (const state of states) {
    if (state.active_version === null) continue;
    const saved = await getRecipe(db, state.recipe_id, state.active_version);
    if (saved?.recipe.trigger.kind !== 'schedule') continue;
    const mark = await db.schedule_marks.get(state.recipe_id);
    found.push({ recipe_id: state.recipe_id, trigger: saved.recipe.trigger, started_at: state.changed_at, mark: mark?.last_due });
  }
  return found;
}

/** Moves the mark on to `due`, never back (two writes may arrive out of order). */
export async function markDue(db: SousDb, recipeId: string, due: Date): Promise<void> {
  await guardWrite('the time a schedule last fired', () =>
    db.transaction('rw', db.schedule_marks, async () => {
      const mark = await db.schedule_marks.get(recipeId);
      if (mark && Date.parse(mark.last_due) >= due.getTime()) return;
      await db.schedule_marks.put({ recipe_id: recipeId, last_due: due.toISOString() });
    })
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
