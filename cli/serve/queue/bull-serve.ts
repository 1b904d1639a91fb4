/**
 * `sous serve --queue redis://…`: webhooks and schedules go into one BullMQ queue on Redis, and every
 * `sous serve` process pointed at it works its jobs (`--workers N` at once). A webhook is answered 202 only
 * once Redis has its job. The journal is on the same Redis (RedisJournal), so a job whose worker died
 * (SIGKILL) is taken by another after BullMQ's stalled check and resumes from its last finished step; the
 * engine marks a step that was in flight `uncertain` unless it is safe to repeat. BullMQ's job lock is the
 * lock per job, and the journal refuses the writes of a worker that no longer holds it.
 */
import { DelayedError, Queue, Worker, type Job as BullJob } from 'bullmq';
import type { Redis } from 'ioredis';
import type { createRunner, UncertainReply } from '../../../src/lib/engine';
import type { Job, Recipe } from '../../../src/lib/recipe';
import type { TriggerEvent } from '../../../src/lib/triggers/queue';
import type { PausingJournal } from '../pausing-journal';
import type { ServeAcceptResult } from '../server';
import { SCHEDULE_JOB, scheduleEvent, upsertSchedulers } from './bull-schedules';
import type { QueueArgs } from './queue-args';
import type { JobOwner } from './redis-journal';

export const QUEUE_NAME = 'sous-serve';
const PREFIX = 'bull';
const ANSWER_JOB = 'answer';
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Kept in Redis after they end (BullMQ's own record; the journal keeps every job). */
const JOB_OPTIONS = {
  removeOnComplete: 1000,
  removeOnFail: 1000,
  // A throw (Redis trouble, a recipe this process lacks) is tried again; a failed *job* is not a throw.
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 }
} as const;

export interface BullServeDeps {
  queue: QueueArgs;
  /** The webhooks' connection (fails at once when Redis is lost) and the workers' (waits it out). */
  producer: Redis;
  workers: Redis;
  runner: ReturnType<typeof createRunner>;
  journal: PausingJournal;
  /** Filled here while a job runs: the journal checks each write against it (the lock per job). */
  owners: Map<string, JobOwner>;
  recipes: ReadonlyMap<string, Recipe>;
  timeZone: string;
  log(line: string): void;
}

/** How long a worker's lock lasts unless renewed, and how often stalled jobs are looked for (ms). */
export function lockMs(env = process.env): number {
  const text = env.SOUS_QUEUE_LOCK_MS;
  return text && /^\d+$/.test(text) && Number(text) >= 500 ? Number(text) : 30_000;
}

export function createBullServe(deps: BullServeDeps) {
  const { runner, journal, recipes, log, owners } = deps;
  const queue = new Queue(QUEUE_NAME, { connection: deps.producer, prefix: PREFIX });
  const alive = new Set<string>();
  let handBack: () => void = () => undefined;
  const handedBack = new Promise<'handed back'>((done) => (handBack = () => done('handed back')));

  /** Runs the engine for one journal job while this worker holds the BullMQ job's lock. */
  async function holding(bull: BullJob, token: string | undefined, jobId: string, run: () => Promise<Job>): Promise<string> {
    if (token) owners.set(jobId, { lockKey: `${PREFIX}:${QUEUE_NAME}:${bull.id}:lock`, token });
    alive.add(jobId);
    try {
      const startedAt = Date.now();
      const ended = await Promise.race([run(), handedBack]);
      if (ended === 'handed back') {
        // SIGTERM held it between two steps: back to the queue at once, for this or another process.
        await bull.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
      log(`job ${ended.id} ${ended.status} (recipe ${ended.recipe_id}, ${Date.now() - startedAt} ms)${ended.error ? `: ${ended.error.message}` : ''}`);
      return ended.status;
    } finally {
      alive.delete(jobId);
      owners.delete(jobId);
      journal.changed();
    }
  }

  async function work(bull: BullJob, token?: string): Promise<string> {
    if (bull.name === ANSWER_JOB) return answerJob(bull, token);
    const event = bull.name === SCHEDULE_JOB ? scheduleEvent(bull) : (bull.data as TriggerEvent);
    const recipe = recipes.get(event.recipe_id);
    if (!recipe) throw new Error(`recipe ${event.recipe_id} is not started in this process`);
    const existing = await journal.loadJob(event.event_id);
    if (existing && FINAL.has(existing.status)) return existing.status;
    if (existing) {
      const why = (bull.stalledCounter ?? 0) > 0 ? 'taken over after the stalled check' : 'handed back or tried again';
      log(`job ${existing.id} resumed (recipe ${recipe.id}, ${why})`);
    }
    return holding(bull, token, event.event_id, async () => {
      if (!existing) {
        await runner.create(recipe, event.payload, { jobId: event.event_id });
        log(`job ${event.event_id} started (recipe ${recipe.id}, ${event.kind})`);
      }
      return runner.resume(event.event_id, recipe);
    });
  }

  /** A person's answer to an uncertain step, run as a queue job so that it too holds a lock. */
  async function answerJob(bull: BullJob, token?: string): Promise<string> {
    const { job_id, path, reply } = bull.data as { job_id: string; path: string; reply: UncertainReply };
    const job = await journal.loadJob(job_id);
    const recipe = job && recipes.get(job.recipe_id);
    if (!job || !recipe || !job.steps.some((s) => s.path === path && s.status === 'uncertain')) return 'not uncertain';
    return holding(bull, token, job_id, () => runner.answerUncertain(job_id, path, reply, recipe));
  }

  const worker = new Worker(QUEUE_NAME, work, {
    connection: deps.workers,
    prefix: PREFIX,
    concurrency: deps.queue.workers,
    lockDuration: lockMs(),
    stalledInterval: lockMs(),
    maxStalledCount: 5,
    autorun: false
  });
  worker.on('error', (err) => log(`queue worker: ${err.message}`));
  worker.on('failed', (bull, err) => {
    if (bull && !(err instanceof DelayedError)) log(`queue job ${bull.id} failed (attempt ${bull.attemptsMade}): ${err.message}`);
  });

  return {
    /** Upserts the schedulers, starts working; answers each schedule recipe's start line. */
    async start(): Promise<Map<string, string>> {
      const said = await upsertSchedulers(queue, recipes.values(), deps.timeZone, JOB_OPTIONS);
      void worker.run().catch((err: Error) => log(`queue worker stopped: ${err.message}`));
      return said;
    },
    /** Before a 202: Redis has the job (its id is the event id, so a repeat is one job). */
    async accept(event: TriggerEvent): Promise<ServeAcceptResult> {
      try {
        await queue.add(event.kind, event, { ...JOB_OPTIONS, jobId: event.event_id });
        return { status: 'accepted', event_id: event.event_id };
      } catch (err) {
        return { status: 'unavailable', event_id: event.event_id, message: `the queue (Redis) did not take it: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
    /** POST /jobs/ID/answer: checked here, then worked by whichever process takes the queue job. */
    async answer(jobId: string, path: string, reply: UncertainReply): Promise<{ status: 202 } | { status: 404 | 409; error: string }> {
      const job = await journal.loadJob(jobId);
      if (!job) return { status: 404, error: `no job ${jobId}` };
      if (!job.steps.some((s) => s.path === path && s.status === 'uncertain')) return { status: 409, error: `step ${path} of job ${jobId} is not uncertain` };
      if (!recipes.has(job.recipe_id)) return { status: 409, error: `recipe ${job.recipe_id} is not started here` };
      // BullMQ names this queue job itself (a custom id may not hold ':', which a schedule's job id has).
      await queue.add(ANSWER_JOB, { job_id: jobId, path, reply }, JOB_OPTIONS);
      log(`job ${jobId}: ${reply.by} answered "${reply.choice}" for uncertain step ${path} (queued)`);
      return { status: 202 };
    },
    async health() {
      try {
        const answered = await Promise.race([
          Promise.all([queue.getJobCounts('wait', 'delayed', 'prioritized', 'active'), queue.getWorkersCount()]),
          new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no answer in 2 s')), 2_000).unref())
        ]);
        const [counts, processes] = answered;
        return {
          status: 'ok',
          redis: 'ok',
          // Ready to run now; `delayed` are a scheduler's next due times and retries waiting out their backoff.
          queue_depth: (counts.wait ?? 0) + (counts.prioritized ?? 0),
          delayed: counts.delayed ?? 0,
          workers: { running: alive.size, limit: deps.queue.workers, active_everywhere: counts.active ?? 0, processes }
        };
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return { status: 'unavailable', redis: `unreachable: ${why}`, queue_depth: null, workers: { running: alive.size, limit: deps.queue.workers } };
      }
    },
    /** SIGTERM: take nothing new, let running steps end, hand held jobs back to the queue, close. */
    async stop(): Promise<{ ended: number; handedBack: number }> {
      const before = alive.size;
      const closing = worker.close();
      await journal.pause(() => alive);
      const held = alive.size;
      handBack();
      await closing;
      await queue.close();
      return { ended: before - held, handedBack: held };
    }
  };
}
