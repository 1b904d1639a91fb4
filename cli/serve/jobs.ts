/**
 * How `sous serve` turns the trigger queue's starts into jobs: the job's id is the event's id (nothing runs
 * twice, GET /jobs/EVENT_ID finds a webhook's job), a job the journal already has is resumed rather than
 * made again, a schedule tick that waited says so, and one stderr line marks each job's start and end. It
 * also knows which jobs are alive in this process, so SIGTERM can wait until each has ended or is paused
 * between two steps (PausingJournal).
 */
import type { Job, Recipe } from '../../src/lib/recipe';
import type { createRunner, UncertainReply } from '../../src/lib/engine';
import type { QueueEntry, StartedJob, StartRequest } from '../../src/lib/triggers/queue';
import type { PausingJournal } from './pausing-journal';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

export interface ServeJobsDeps {
  runner: ReturnType<typeof createRunner>;
  /** The journal the engine writes through; `loadJob` reads the real one. */
  journal: PausingJournal;
  recipes: ReadonlyMap<string, Recipe>;
  log(line: string): void;
}

export function createServeJobs(deps: ServeJobsDeps) {
  const { runner, journal, recipes, log } = deps;
  /** Jobs being started or running here. */
  const alive = new Set<string>();
  /** Schedule ticks accepted while their recipe was busy: their job says it waited (`waited_ms`). */
  const waitedBehind = new Set<string>();
  let stopping = false;
  let endedWhileStopping = 0;

  const gone = (id: string) => {
    if (alive.delete(id) && stopping) endedWhileStopping++;
    journal.changed();
  };

  /** Counts the job (its id is the event's) as alive from the moment its start begins. */
  async function starting<T extends StartedJob | undefined>(id: string, start: () => Promise<T>): Promise<T> {
    alive.add(id);
    try {
      const started = await start();
      if (!started) gone(id);
      return started;
    } catch (err) {
      gone(id);
      throw err;
    }
  }

  function follow(id: string, job: Promise<Job>): Promise<Job> {
    const startedAt = Date.now();
    alive.add(id);
    return job.then(
      (ended) => {
        gone(id);
        const why = ended.error ? `: ${ended.error.message}` : '';
        log(`job ${ended.id} ${ended.status} (recipe ${ended.recipe_id}, ${Date.now() - startedAt} ms)${why}`);
        return ended;
      },
      (err: unknown) => {
        gone(id);
        log(`job failed to run: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    );
  }

  function resumeRun(job: Job, why: string): StartedJob {
    if (FINAL.has(job.status)) {
      gone(job.id);
      return { jobId: job.id, done: Promise.resolve(job) };
    }
    const recipe = recipes.get(job.recipe_id);
    if (!recipe) throw new Error(`recipe ${job.recipe_id} is not started here`);
    log(`job ${job.id} ${why} (recipe ${job.recipe_id})`);
    return { jobId: job.id, done: follow(job.id, runner.resume(job.id, recipe)) };
  }

  return {
    alive,
    /** The trigger queue's `startJob`. */
    startJob: (request: StartRequest): Promise<StartedJob> =>
      starting(request.event_id, async () => {
        const recipe = recipes.get(request.event.recipe_id);
        if (!recipe) throw new Error(`recipe ${request.event.recipe_id} is not started here`);
        const existing = await journal.loadJob(request.event_id);
        if (existing) return resumeRun(existing, 'resumed');
        const waited = waitedBehind.delete(request.event_id) || request.recovered || request.skipped > 0;
        const payload = request.event.kind === 'schedule' && waited ? waitedTick(request.event.payload, request) : request.event.payload;
        const job = await runner.create(recipe, payload, { jobId: request.event_id });
        const waitedText = request.waited_ms > 0 ? `, waited ${request.waited_ms} ms` : '';
        log(`job ${job.id} started (recipe ${recipe.id}, ${request.event.kind}${waitedText})`);
        return { jobId: job.id, done: follow(job.id, runner.resume(job.id, recipe)) };
      }),
    /** The trigger queue's `resumeJob`: a job acknowledged before a restart but not recorded as ended. */
    resumeJob: (entry: QueueEntry): Promise<StartedJob | undefined> =>
      starting(entry.job_id ?? entry.event.event_id, async () => {
        const job = entry.job_id ? await journal.loadJob(entry.job_id) : undefined;
        return job ? resumeRun(job, 'resumed after a restart') : undefined;
      }),
    /**
     * POST /jobs/ID/answer: a person's answer to an uncertain step. Checked here (so the caller hears a
     * wrong job or step at once), then the job goes on in the background, alive like any other.
     */
    async answer(jobId: string, path: string, reply: UncertainReply): Promise<{ status: 202 } | { status: 404 | 409; error: string }> {
      if (stopping) return { status: 409, error: 'sous serve is stopping and takes no answers' };
      const job = await journal.loadJob(jobId);
      if (!job) return { status: 404, error: `no job ${jobId}` };
      if (!job.steps.some((s) => s.path === path && s.status === 'uncertain')) return { status: 409, error: `step ${path} of job ${jobId} is not uncertain` };
      const recipe = recipes.get(job.recipe_id);
      if (!recipe) return { status: 409, error: `recipe ${job.recipe_id} is not started here` };
      log(`job ${jobId}: ${reply.by} answered "${reply.choice}" for uncertain step ${path}`);
      follow(jobId, runner.answerUncertain(jobId, path, reply, recipe)).catch(() => {});
      return { status: 202 };
    },
    /** A schedule tick is being accepted while its recipe has no free slot: its job will say it waited. */
    waitsBehind(eventId: string, waits: boolean): void {
      if (waits) waitedBehind.add(eventId);
      else waitedBehind.delete(eventId);
    },
    /** SIGTERM: resolves once every job alive here has ended or is paused between two steps. */
    stop(): Promise<void> {
      stopping = true;
      return journal.pause(() => alive);
    },
    endedWhileStopping: () => endedWhileStopping
  };
}

/**
 * A schedule tick that waited behind a running job of its recipe says so: `waited_ms` from its due time's
 * acceptance to its start, and `missed` grown by the ticks folded into it while it waited (one waits at most).
 */
function waitedTick(payload: unknown, request: StartRequest): unknown {
  const tick = (payload ?? {}) as { missed?: unknown };
  const missed = (typeof tick.missed === 'number' ? tick.missed : 0) + request.skipped;
  return { ...tick, missed, waited_ms: request.waited_ms };
}
