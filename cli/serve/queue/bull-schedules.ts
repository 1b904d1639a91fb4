/**
 * Schedules under `sous serve --queue`: one BullMQ job scheduler per schedule recipe, kept in Redis, so a due
 * time makes one job however many processes run (no timer in each process). Every process upserts the
 * schedulers of its recipes at start; one whose scheduler is already there with the same timing leaves it
 * alone, so a start never moves a due time. A due time's job id holds its time in ms, which makes its event
 * id `RECIPE@DUE_AT`, as the in-process schedules do.
 */
import type { Job as BullJob, Queue } from 'bullmq';
import type { Recipe } from '../../../src/lib/recipe';
import { intervalMs, nextDue, scheduleTick } from '../../../src/lib/triggers/schedule';
import type { TriggerEvent } from '../../../src/lib/triggers/queue';

export const SCHEDULE_JOB = 'schedule';

export function schedulerId(recipeId: string): string {
  return `schedule:${recipeId}`;
}

/** Upserts the scheduler of each schedule recipe; answers what each now says (for the start lines). */
export async function upsertSchedulers(
  queue: Queue,
  recipes: Iterable<Recipe>,
  timeZone: string,
  jobOptions: Record<string, unknown>
): Promise<Map<string, string>> {
  const said = new Map<string, string>();
  for (const recipe of recipes) {
    const trigger = recipe.trigger;
    if (trigger.kind !== 'schedule') continue;
    const every = intervalMs(trigger);
    const id = schedulerId(recipe.id);
    const existing = await queue.getJobScheduler(id);
    const same = every !== null ? existing?.every === every : existing?.pattern === trigger.cron && existing?.tz === timeZone;
    if (!same) {
      // The first due time is the in-process one (the next multiple of the interval, or of the cron), not "now".
      const startDate = nextDue(trigger, new Date(), timeZone).getTime();
      const repeat = every !== null ? { every, startDate } : { pattern: trigger.cron!, tz: timeZone, startDate };
      await queue.upsertJobScheduler(id, repeat, { name: SCHEDULE_JOB, data: { recipe_id: recipe.id }, opts: jobOptions });
    }
    const next = (await queue.getJobScheduler(id))?.next;
    const what = trigger.every ? `every ${trigger.every}` : `cron "${trigger.cron}"`;
    said.set(recipe.id, `schedule ${what} (a job scheduler in Redis, shared by every process), next ${next ? new Date(next).toISOString() : 'unknown'}${same ? '' : ' (set now)'}`);
  }
  return said;
}

/** The trigger event of a scheduler's job: its due time is in its id (`repeat:SCHEDULER:MILLIS`). */
export function scheduleEvent(bull: BullJob): TriggerEvent {
  const recipeId = (bull.data as { recipe_id: string }).recipe_id;
  const millis = Number(/:(\d+)$/.exec(bull.id ?? '')?.[1] ?? bull.timestamp + (bull.opts.delay ?? 0));
  const due = new Date(millis);
  const at = due.toISOString();
  return { event_id: `${recipeId}@${at}`, recipe_id: recipeId, kind: 'schedule', due_at: at, payload: scheduleTick(due) };
}
