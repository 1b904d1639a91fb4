/**
 * The trigger queue in the worker: schedule ticks (from the leader tab's page) and relayed webhooks are
 * accepted into the shared queue module (src/lib/triggers/queue/) over the Dexie store every tab shares,
 * and each becomes one job of the recipe's active version whose id is the event id, so an event accepted
 * by two tabs, or started again after a reload, is still one job. One job per recipe runs at a time; a
 * schedule tick due meanwhile waits (one at most) and its job says how long it waited and what it stood for.
 */
import { createTriggerQueue, type TriggerQueueLimits } from '../triggers/queue';
import type { AcceptResult, QueueEntry, StartedJob, StartRequest, TriggerEvent } from '../triggers/queue/types';
import type { SousDb } from '../store/db';
import { getRecipe } from '../store/recipes';
import { DexieQueueStore } from '../store/trigger-events';
import type { Clock } from '../engine/ports';
import { systemClock } from '../engine/system-clock';
import type { ScheduleTick } from '../triggers/schedule';
import type { EngineHost } from './host';
import { lockName, type LockRequester } from './job-locks';
import { memoryLocks } from './memory-locks';

export interface TriggersHostDeps extends Pick<TriggerQueueLimits, 'concurrency' | 'perRecipe'> {
  db: SousDb;
  host: Pick<EngineHost, 'startTriggered'>;
  report: (problem: string) => void;
  /** The job locks the host's jobs are driven under (the worker's Web Locks by default). */
  locks?: LockRequester;
  clock?: Pick<Clock, 'now'>;
}

type SavedRecipe = NonNullable<Awaited<ReturnType<typeof getRecipe>>>;

/** Job states in which someone still drives (or is about to drive) the job. */
const UNSETTLED = new Set(['queued', 'running']);

export function createTriggersHost(deps: TriggersHostDeps) {
  const { db, host } = deps;
  const locks = deps.locks ?? globalThis.navigator?.locks ?? memoryLocks();
  /** Events that arrived while their recipe already had a job running or waiting: their job says it waited. */
  const queuedBehind = new Set<string>();

  const queue = createTriggerQueue({
    store: new DexieQueueStore(db),
    clock: deps.clock ?? systemClock,
    concurrency: deps.concurrency,
    perRecipe: deps.perRecipe,
    startJob,
    resumeJob,
    onProblem: (p) => deps.report(`recipe "${p.recipe_id}": ${p.message}`)
  });

  /**
   * The recipe's active version, if it is started and its trigger is of the event's kind; else why not.
   * `current: false`: the recipe is stopped or no longer fires on this kind (not a fault to report).
   */
  async function activeFor(event: Pick<TriggerEvent, 'recipe_id' | 'kind'>): Promise<SavedRecipe | { why: string; current: boolean }> {
    const state = await db.recipe_states.get(event.recipe_id);
    if (state?.state !== 'started' || state.active_version === null) return { why: `recipe "${event.recipe_id}" is not started`, current: false };
    const saved = await getRecipe(db, event.recipe_id, state.active_version);
    if (!saved) return { why: `the running version ${state.active_version} of recipe "${event.recipe_id}" is not there`, current: true };
    const kind = saved.recipe.trigger.kind;
    if (kind !== event.kind) return { why: `recipe "${event.recipe_id}" is started by ${article(kind)} ${kind}, not ${article(event.kind)} ${event.kind}`, current: false };
    return saved;
  }

  /**
   * Two tabs' workers may both start one pending event (each recovers the shared store when it becomes a
   * leader). Starting under a Web Lock per event makes the second find the job the first made, which the
   * host then goes on with (or waits for) instead of making another.
   */
  function startJob(request: StartRequest): Promise<StartedJob> {
    return locks.request(`sous-trigger-start:${request.event_id}`, () => startOnce(request)) as unknown as Promise<StartedJob>;
  }

  async function startOnce(request: StartRequest): Promise<StartedJob> {
    const { event } = request;
    const waited = queuedBehind.delete(event.event_id);
    // Checked again: the recipe may have been stopped (or changed) while the event waited. Then the event
    // is used up with no job, as Stop promises; a version gone missing is a fault, left queued and told.
    const saved = await activeFor(event);
    if ('why' in saved) {
      if (saved.current) throw new Error(saved.why);
      return { jobId: event.event_id, done: Promise.resolve() };
    }
    const trigger = event.kind === 'schedule' ? scheduleOutput(event.payload as ScheduleTick, request, waited) : event.payload;
    return host.startTriggered({ recipe: saved.recipe, version: saved.version, trigger, jobId: event.event_id });
  }

  /**
   * An event whose job exists but whose end was not recorded (this tab reloaded, or the tab that ran it
   * closed): the job is gone on with by whoever holds its lock (the host's resumeRunning here, or the
   * other tab), so wait for that; if nobody holds it, go on with it here.
   */
  async function resumeJob(entry: QueueEntry): Promise<StartedJob | undefined> {
    const jobId = entry.job_id ?? entry.event.event_id;
    return { jobId, done: settled(jobId, entry) };
  }

  async function settled(jobId: string, entry: QueueEntry): Promise<void> {
    // A few rounds at most: each waits for the lock, or drives the job itself.
    for (let round = 0; round < 5; round++) {
      const job = await db.jobs.get(jobId);
      if (!job || !UNSETTLED.has(job.status)) return;
      const free = await locks.request(lockName(jobId), { ifAvailable: true }, async (lock) => lock !== null);
      if (!free) {
        await locks.request(lockName(jobId), async () => {});
        continue;
      }
      const saved = await getRecipe(db, job.recipe_id, job.recipe_version);
      if (!saved) return deps.report(`job ${jobId} cannot go on: version ${job.recipe_version} of recipe "${job.recipe_id}" is not there`);
      const started = await host.startTriggered({ recipe: saved.recipe, version: saved.version, trigger: entry.event.payload, jobId });
      await started.done;
    }
  }

  return {
    /** Accept one firing of a started recipe's trigger; answers as the queue does. */
    async acceptTrigger(event: TriggerEvent): Promise<AcceptResult> {
      const id = typeof event?.event_id === 'string' ? event.event_id : '';
      if (typeof event?.recipe_id !== 'string' || typeof event.kind !== 'string') return queue.accept(event);
      const active = await activeFor(event);
      if ('why' in active) return { status: 'invalid', event_id: id, message: active.why };
      const busy = queue.running(event.recipe_id) > 0 || queue.depth(event.recipe_id) > 0;
      const result = await queue.accept(event);
      if (result.status === 'accepted' && busy) queuedBehind.add(id);
      return result;
    },
    /** After a reload, or when this tab becomes the one that fires triggers: start what was accepted and not started. */
    async recoverTriggers(): Promise<void> {
      await queue.recover();
    },
    /** For tests and a later status view: how many wait and run. */
    stats: () => queue.stats()
  };
}

/** The tick as the job gets it: ticks skipped while it waited count as missed, and the wait is said. */
function scheduleOutput(tick: ScheduleTick, request: StartRequest, waited: boolean): ScheduleTick & { waited_ms?: number } {
  const missed = (tick.missed ?? 0) + request.skipped;
  const out: ScheduleTick & { waited_ms?: number } = { ...tick, missed };
  if (waited || request.skipped > 0) out.waited_ms = Math.round(request.waited_ms);
  return out;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
