/**
 * `createRunner` is the engine's front door: start a job, resume one, answer an approval, cancel, re-run.
 * Everything it needs comes from the caller, so the same runner serves the worker, the CLI and the tests.
 */
import type { Job, JobError, Recipe, UncertainAnswer, User } from '../recipe';
import { PolicyRefused, RunRefused, userError } from './errors';
import { JobCancel } from './job-cancel';
import { uuidSequence } from './job-ids';
import { JobRun, type JobRunDeps } from './job-run';
import { JOURNALED, type Clock, type ConnectionSecrets, type ConnectorLookup, type Journal, type RecipeSource } from './ports';
import { systemClock } from './system-clock';
import { triggerOutput } from './trigger-output';

export interface RunnerDeps {
  journal: Journal;
  connectors: ConnectorLookup;
  clock?: Clock;
  secrets?: ConnectionSecrets;
  recipes?: RecipeSource;
  user?: User;
  autoAnswer?: (stepId: string) => string | undefined;
  newId?: () => string;
  /**
   * Which agent a `call` step's child job runs for. By default the parent's agent; an agent's skill that
   * calls another agent's skill can say that agent ran it, handed on by the parent's.
   */
  childAgent?: (recipeId: string, parent: Job) => { agent: string | null; handedBy: string | null } | undefined;
  /**
   * What a workspace's policy says of a recipe about to run (each broken rule in words; empty: allowed).
   * Asked for every new job, a called recipe's included, before anything is written.
   */
  admit?: (recipe: Recipe) => readonly string[];
}

export interface StartOptions {
  version?: number | null;
  user?: User;
  jobId?: string;
  parentJob?: string | null;
  /** The agent whose skill this job runs, and the agent that handed the request on to it. */
  agent?: string | null;
  handedBy?: string | null;
}

export interface RerunOptions {
  fromFailed?: boolean;
  /** The recipe to run, e.g. a fixed version; by default the version the job ran. */
  recipe?: Recipe;
  version?: number | null;
}

export interface Answer {
  choice: string;
  by: string;
  comment?: string;
}

/** A person's answer to an uncertain step; with `continue`, `output` is what the call gave (default null). */
export interface UncertainReply {
  choice: UncertainAnswer['choice'];
  by: string;
  output?: unknown;
}

/** How deep `call` steps may nest, so a recipe that calls itself ends with a clear error. */
export const MAX_CALL_DEPTH = 16;
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

export type Runner = ReturnType<typeof createRunner>;

export function createRunner(deps: RunnerDeps) {
  const clock = deps.clock ?? systemClock;
  const newId = deps.newId ?? uuidSequence();
  const active = new Map<string, JobCancel>();

  async function load(jobId: string): Promise<Job> {
    const job = await deps.journal.loadJob(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    return job;
  }

  async function recipeOf(job: Job): Promise<Recipe> {
    const found = await deps.recipes?.get(job.recipe_id, job.recipe_version);
    if (!found) throw new Error(`the recipe "${job.recipe_id}" of job ${job.id} is not here any more`);
    return found.recipe;
  }

  /** Check the trigger input and create the job row; nothing is written when the input is refused. */
  async function create(recipe: Recipe, trigger: unknown, options: StartOptions): Promise<Job> {
    const job = newJob(recipe, trigger, options);
    await deps.journal.createJob(job);
    return job;
  }

  function newJob(recipe: Recipe, trigger: unknown, options: StartOptions): Job {
    const refused = deps.admit?.(recipe);
    if (refused && refused.length > 0) throw new PolicyRefused([...refused]);
    const input = triggerOutput(recipe.trigger, trigger);
    const job: Job = {
      id: options.jobId ?? newId(),
      recipe_id: recipe.id,
      recipe_version: options.version ?? null,
      status: 'running',
      trigger: input,
      started_at: clock.now().toISOString(),
      finished_at: null,
      steps: [],
      output: null,
      error: null,
      user: options.user ?? deps.user,
      parent_job: options.parentJob ?? null
    };
    // Set, not spread in: a spread costs every job's start microseconds.
    if (options.agent) {
      job.agent = options.agent;
      job.handed_by = options.handedBy ?? null;
    }
    return job;
  }

  /** The end of each job's queue of runs (see `exclusive`). */
  const queues = new Map<string, Promise<void>>();

  /**
   * Run `fn` when no other run of the job is going on. An answer (or a resume) that comes while part of
   * the job still runs, e.g. the other iterations of a loop whose approval is already in the inbox,
   * must not start a second interpreter over the same journal: both would run the steps still open.
   */
  function exclusive<T>(jobId: string, fn: () => Promise<T>): Promise<T> {
    const before = queues.get(jobId);
    // With nothing before it (every new job), the run starts now: a hop through the queue would cost
    // a job of small steps more than one of its steps does.
    const result = before ? before.then(fn) : fn();
    const release = () => {
      if (queues.get(jobId) === end) queues.delete(jobId);
    };
    const end: Promise<void> = result.then(release, release);
    queues.set(jobId, end);
    return result;
  }

  /** Run a new job (one nobody else knows yet). */
  function drive(job: Job, recipe: Recipe, depth = 0, parent?: JobCancel): Promise<Job> {
    return exclusive(job.id, () => runNow(job, recipe, depth, parent));
  }

  async function runNow(job: Job, recipe: Recipe, depth: number, parent?: JobCancel): Promise<Job> {
    // Cancelling a job cancels the child job its `call` step is running.
    const cancel = new JobCancel(parent);
    active.set(job.id, cancel);
    const runDeps: JobRunDeps = {
      journal: deps.journal,
      connectors: deps.connectors,
      clock,
      secrets: deps.secrets,
      autoAnswer: deps.autoAnswer,
      newId,
      runChild: (childId, recipeId, input, parentJob) => runChild(childId, recipeId, input, parentJob, depth + 1, cancel)
    };
    try {
      return await new JobRun(job, recipe, runDeps, cancel).execute();
    } finally {
      active.delete(job.id);
      cancel.detach();
    }
  }

  async function runChild(childId: string, recipeId: string, input: unknown, parent: Job, depth: number, parentCancel: JobCancel): Promise<Job> {
    const existing = await deps.journal.loadJob(childId);
    if (existing) return FINAL.has(existing.status) ? existing : resumeJob(childId, undefined, depth, parentCancel);
    if (depth > MAX_CALL_DEPTH) throw userError(`calls nest deeper than ${MAX_CALL_DEPTH} recipes; does a recipe call itself?`, 'call_depth');
    const found = await deps.recipes?.get(recipeId);
    if (!found) throw userError(`there is no recipe "${recipeId}" to call`, 'call');
    if (found.recipe.trigger.kind !== 'callable') {
      throw userError(`recipe "${recipeId}" cannot be called: its trigger is ${found.recipe.trigger.kind}, not callable`, 'call');
    }
    let child: Job;
    try {
      child = await create(found.recipe, input, {
        jobId: childId,
        version: found.version,
        user: parent.user,
        parentJob: parent.id,
        ...childAgentOf(recipeId, parent)
      });
    } catch (err) {
      if (err instanceof PolicyRefused) throw userError(`recipe "${recipeId}" breaks the policy: ${err.problems.join('; ')}`, 'policy');
      if (err instanceof RunRefused) throw userError(`recipe "${recipeId}" refused the input: ${err.message}`, 'call_input');
      throw err;
    }
    return drive(child, found.recipe, depth, parentCancel);
  }

  function childAgentOf(recipeId: string, parent: Job): { agent?: string | null; handedBy?: string | null } {
    const chosen = deps.childAgent?.(recipeId, parent);
    if (chosen) return chosen;
    // A skill's recipe that calls another recipe: the child runs for the same agent.
    return { agent: parent.agent, handedBy: parent.handed_by };
  }

  function resumeJob(jobId: string, recipe?: Recipe, depth = 0, parent?: JobCancel): Promise<Job> {
    return exclusive(jobId, async () => {
      // Loaded only now: a run of this job that just ended may have moved it on.
      let job = await load(jobId);
      if (FINAL.has(job.status)) return job;
      const r = recipe ?? (await recipeOf(job));
      if (job.status !== 'running') {
        await deps.journal.updateJob(job.id, { status: 'running' });
        job = { ...job, status: 'running' };
      }
      return runNow(job, r, depth, parent);
    });
  }

  async function cancel(jobId: string): Promise<void> {
    const running = active.get(jobId);
    if (running) return running.abort();
    const job = await load(jobId);
    if (FINAL.has(job.status)) return;
    await endOpen(job, { message: 'the job was cancelled', step: null, code: 'cancelled' });
  }

  /** Its open steps end with it, so its approvals leave the inbox and cannot be answered, and a child job it waits on ends too. */
  async function endOpen(job: Job, error: JobError): Promise<void> {
    const at = clock.now().toISOString();
    for (const step of job.steps) {
      if (step.status !== 'waiting' && step.status !== 'running' && step.status !== 'uncertain') continue;
      await deps.journal.putStep(job.id, { ...step, status: 'cancelled', finished_at: at });
      if (step.child_job) await cancel(step.child_job);
    }
    await deps.journal.updateJob(job.id, { status: 'cancelled', error, finished_at: at });
  }

  /** Write a person's answer to an uncertain step, then go on (or end the job, for `stop`). */
  function answerUncertain(jobId: string, path: string, reply: UncertainReply, recipe?: Recipe): Promise<Job> {
    return exclusive(jobId, async () => {
      const job = await load(jobId);
      const record = job.steps.find((s) => s.path === path);
      if (!record || record.status !== 'uncertain') throw new Error(`step ${path} of job ${jobId} is not uncertain`);
      const at = clock.now().toISOString();
      const answer = { choice: reply.choice, by: reply.by, at };
      if (reply.choice === 'stop') {
        await deps.journal.putStep(jobId, { ...record, answer });
        const message = `stopped by ${reply.by}: step "${record.step_id}" may or may not have run; check it outside Sous`;
        await endOpen({ ...job, steps: job.steps.map((s) => (s.path === path ? { ...record, answer } : s)) }, { message, step: record.step_id, code: 'uncertain_stopped' });
        return load(jobId);
      }
      if (reply.choice === 'continue') {
        await deps.journal.putStep(jobId, { ...record, status: 'succeeded', output: reply.output ?? null, error: null, finished_at: at, answer });
      } else {
        // Kept in the journal, so a crash before the call is made again still runs it as the person said.
        await deps.journal.putStep(jobId, { ...record, answer });
      }
      return null;
    }).then(async (ended) => {
      const next = ended ?? (await resumeJob(jobId, recipe));
      await wakeParent(next);
      return next;
    });
  }

  async function createRerun(jobId: string, options: RerunOptions): Promise<{ job: Job; recipe: Recipe }> {
    const old = await load(jobId);
    if (!FINAL.has(old.status)) throw new Error(`job ${jobId} is still ${old.status}; only a finished job can be re-run`);
    const recipe = options.recipe ?? (await recipeOf(old));
    const kept = options.fromFailed ? old.steps.filter((s) => s.status === 'succeeded' || s.status === 'skipped') : [];
    const job: Job = {
      ...old,
      id: newId(),
      recipe_version: options.version ?? old.recipe_version,
      status: 'running',
      // From the failed step, `now` in expressions must read as it did for the steps carried over.
      started_at: options.fromFailed ? old.started_at : clock.now().toISOString(),
      finished_at: null,
      steps: kept,
      output: null,
      error: null,
      rerun_of: old.id
    };
    await deps.journal.createJob(job);
    return { job, recipe };
  }

  /** After a child job ends, the parent waiting on it goes on. */
  async function wakeParent(job: Job): Promise<void> {
    if (!job.parent_job || !FINAL.has(job.status)) return;
    const parent = await deps.journal.loadJob(job.parent_job);
    if (parent?.status === 'waiting') await wakeParent(await resumeJob(parent.id));
  }

  return {
    /** Start a job and run it until it ends or waits. Throws RunRefused for bad trigger input. */
    start(recipe: Recipe, trigger: unknown, options: StartOptions = {}): Promise<Job> {
      // Not an async function: the job's run is its promise, with no second one wrapped around it.
      let job: Job;
      let created: Promise<void>;
      try {
        job = newJob(recipe, trigger, options);
        created = deps.journal.createJob(job);
      } catch (err) {
        return Promise.reject(err);
      }
      return created === JOURNALED ? drive(job, recipe) : created.then(() => drive(job, recipe));
    },

    /** Create the job row only (the caller drives it later, e.g. in the background). */
    create,

    /** Go on with an interrupted or waiting job from its journal. A finished step is never run again. */
    async resume(jobId: string, recipe?: Recipe): Promise<Job> {
      const job = await resumeJob(jobId, recipe);
      await wakeParent(job);
      return job;
    },

    /** Answer a waiting approval, then go on with the job. */
    async answer(jobId: string, path: string, answer: Answer, recipe?: Recipe): Promise<Job> {
      const job = await load(jobId);
      const record = job.steps.find((s) => s.path === path);
      if (!record || record.status !== 'waiting' || record.kind !== 'approval') {
        throw new Error(`step ${path} of job ${jobId} is not waiting for an answer`);
      }
      const choices = (record.input as { choices?: string[] } | undefined)?.choices ?? ['approve', 'reject'];
      if (!choices.includes(answer.choice)) throw new Error(`"${answer.choice}" is not one of ${choices.join(', ')}`);
      const at = clock.now().toISOString();
      const output = { choice: answer.choice, by: answer.by, at, ...(answer.comment ? { comment: answer.comment } : {}) };
      await deps.journal.putStep(jobId, { ...record, status: 'succeeded', output, finished_at: at });
      const next = await resumeJob(jobId, recipe);
      await wakeParent(next);
      return next;
    },

    /**
     * Answer an uncertain step: `continue` (the person checked it ran; it succeeds with `output`),
     * `rerun` (make the call again) or `stop` (the job is cancelled, saying why and who).
     */
    answerUncertain,

    /** Cancel a job: a running one stops at its next step (its call is aborted); a waiting one ends. */
    cancel,

    /**
     * Run a finished job again with the same trigger. With `fromFailed`, the steps that succeeded are
     * carried over and the job goes on from the failed step (with `recipe`, a fixed version may be used).
     */
    async rerun(jobId: string, options: RerunOptions = {}): Promise<Job> {
      const { job, recipe } = await createRerun(jobId, options);
      return drive(job, recipe);
    },

    /** Create the re-run's job row only, so a caller can answer its id and drive it in the background. */
    createRerun,

    isActive: (jobId: string) => active.has(jobId)
  };
}
