/**
 * The schedule recipes' timers in `sous serve`, on the shared schedule module (src/lib/triggers/schedule):
 * on start, one catch-up run for the due times missed while the server was down (`catch_up`, `missed`),
 * never a burst; then a timer per recipe for its next due time. Each firing is queued as an event whose id
 * is `RECIPE@DUE_AT`, so a due time never runs twice, and the last due time is kept for the next start.
 */
import type { Recipe } from '../../src/lib/recipe';
import { catchUp, nextDue, scheduleTick, type ScheduleTrigger } from '../../src/lib/triggers/schedule';
import type { AcceptResult, TriggerEvent } from '../../src/lib/triggers/queue';

export interface ScheduleMarks {
  lastDue(recipeId: string): Date | null;
  markDue(recipeId: string, due: Date): void;
}

export interface Schedules {
  /** The next due time of each started schedule recipe. */
  next(recipeId: string): Date | undefined;
  stop(): void;
}

/** setTimeout holds at most ~24.8 days; a later due time is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startSchedules(options: {
  recipes: readonly Recipe[];
  timeZone: string;
  marks: ScheduleMarks;
  accept: (event: TriggerEvent) => Promise<AcceptResult>;
  onProblem: (message: string) => void;
  now?: () => Date;
}): Schedules {
  const now = options.now ?? (() => new Date());
  const timers = new Map<string, NodeJS.Timeout>();
  const nextOf = new Map<string, Date>();
  let stopped = false;

  function fire(recipe: Recipe, due: Date, missed: number): void {
    options.marks.markDue(recipe.id, due);
    const at = due.toISOString();
    const event: TriggerEvent = {
      event_id: `${recipe.id}@${at}`,
      recipe_id: recipe.id,
      kind: 'schedule',
      due_at: at,
      payload: scheduleTick(due, missed)
    };
    options.accept(event).then(
      (result) => {
        if (result.status === 'full' || result.status === 'invalid') options.onProblem(`schedule of ${recipe.id} at ${at} not queued: ${result.message}`);
      },
      (err: unknown) => options.onProblem(`schedule of ${recipe.id} at ${at} not queued: ${err instanceof Error ? err.message : String(err)}`)
    );
  }

  function arm(recipe: Recipe, trigger: ScheduleTrigger): void {
    if (stopped) return;
    const due = nextDue(trigger, now(), options.timeZone);
    nextOf.set(recipe.id, due);
    const wait = () => {
      const left = due.getTime() - now().getTime();
      if (left > 0) {
        timers.set(recipe.id, setTimeout(wait, Math.min(left, MAX_TIMER_MS)));
        return;
      }
      fire(recipe, due, 0);
      arm(recipe, trigger);
    };
    wait();
  }

  for (const recipe of options.recipes) {
    const trigger = recipe.trigger;
    if (trigger.kind !== 'schedule') continue;
    const last = options.marks.lastDue(recipe.id);
    const at = now();
    if (last === null) {
      // Never ran here: it starts counting now, with no run for the past.
      options.marks.markDue(recipe.id, at);
    } else {
      const missed = catchUp(trigger, last, at, options.timeZone);
      if (missed.due) fire(recipe, missed.due, Math.max(1, missed.missed));
    }
    arm(recipe, trigger);
  }

  return {
    next: (id) => nextOf.get(id),
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    }
  };
}
