/**
 * How the worker starts top-level jobs (a person's run or re-run, a sandbox event, a schedule or webhook)
 * and drives them in the background under their Web Lock. Each start asks the current person's role
 * (`assertMay(db, 'run')`) where a person starts it, reads the policy in force (the runner's `admit`
 * refuses a recipe that breaks it, before anything is written), and records a `job.run` audit entry.
 */
import { PolicyRefused } from '../engine/errors';
import type { Runner } from '../engine/runner';
import type { Job, Recipe, User } from '../recipe';
import type { JobToStart } from '../connectors/sandbox/dispatch';
import { getRecipe, type SousDb } from '../store';
import { assertMay } from '../store/people';
import type { AuditInput } from '../audit/schema';
import { recordAudit } from '../store/audit';
import type { DexieJournal } from '../store';
import type { JobLocks } from './job-locks';

export interface JobStartDeps {
  db: SousDb;
  runner: Runner;
  journal: Pick<DexieJournal, 'loadJob'>;
  locks: JobLocks;
  /** Brings the connectors and the policy up to date; before every start. */
  sync: () => Promise<void>;
  /** The policy's word on a recipe (the runner's own `admit`): a re-run is held to it as a new job is. */
  admit: (recipe: Recipe) => readonly string[];
  actingUser: () => Promise<User>;
  /** The chats following a job hear how it went. */
  jobSettled: (jobId: string) => Promise<void>;
  report: (problem: string) => void;
}

export function createJobStarts(deps: JobStartDeps) {
  const { db, runner, journal, locks } = deps;

  /** The chats that follow a job (or should: an agent's approval) hear how it stands; never fails the caller. */
  function tellConversations(jobId: string): Promise<void> {
    return deps.jobSettled(jobId).catch((err) => deps.report(`the chat could not be told about job ${jobId}: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** Let a job run on without the caller; a failure that is not the job's own (a full disk) is reported. */
  function inBackground(jobId: string, work: Promise<unknown>): void {
    work
      .then(
        () => tellConversations(jobId),
        (err) => deps.report(`job ${jobId} stopped: ${err instanceof Error ? err.message : String(err)}`)
      )
      .finally(() => locks.release(jobId));
  }

  /** A new top-level job is on the audit trail; a failure to record it is said, and the job runs on. */
  async function recorded(job: Job): Promise<Job> {
    await recordJobRun(db, { action: 'job.run', target: { kind: 'recipe', id: job.recipe_id, job: job.id, ...(job.recipe_version ? { version: job.recipe_version } : {}) }, detail: { job: job.id } }).catch((err) =>
      deps.report(`job ${job.id} could not be put on the audit trail: ${err instanceof Error ? err.message : String(err)}`)
    );
    return job;
  }

  /** Create a job (as the user the person acts as) and drive it in the background; answers its id. */
  async function startJob({ recipe, version, trigger }: JobToStart): Promise<string> {
    await deps.sync();
    const job = await recorded(await runner.create(recipe, trigger, { version, user: await deps.actingUser() }));
    inBackground(job.id, runner.resume(job.id, recipe));
    return job.id;
  }

  /**
   * A job a trigger fired (a schedule tick, a webhook): its id is `jobId` (from the event id), so an event
   * started twice (a crash before its acknowledgement) goes on with the one job instead of making another.
   * `done` settles when the job ends or waits.
   */
  async function startTriggered({ recipe, version, trigger, jobId }: JobToStart & { jobId: string }): Promise<{ jobId: string; done: Promise<unknown> }> {
    await deps.sync();
    const existing = await journal.loadJob(jobId);
    if (existing) {
      const done = locks.with(jobId, async () => {
        const job = await journal.loadJob(jobId);
        if (job?.status === 'running' && !runner.isActive(jobId)) await runner.resume(jobId);
      });
      inBackground(jobId, done);
      return { jobId, done };
    }
    const job = await recorded(await runner.create(recipe, trigger, { version, jobId, user: await deps.actingUser() }));
    const done = runner.resume(job.id, recipe);
    inBackground(job.id, done);
    return { jobId: job.id, done };
  }

  async function newest(recipeId: string) {
    const found = await getRecipe(db, recipeId);
    if (!found) throw new Error(`there is no recipe "${recipeId}"`);
    return found;
  }

  return {
    tellConversations,
    inBackground,
    startJob,
    startTriggered,
    newest,

    /** A person runs the recipe's newest version; answers the job's id at once (RunRefused, PolicyRefused). */
    async run(recipeId: string, triggerInput: unknown): Promise<string> {
      await assertMay(db, 'run');
      const { recipe, version } = await newest(recipeId);
      return startJob({ recipe, version, trigger: triggerInput });
    },

    /**
     * Run a finished job again as a new job, on the recipe's newest version (so a fixed recipe is what
     * runs); `fromFailed` keeps the steps that succeeded. Answers the new job's id at once.
     */
    async rerun(jobId: string, fromFailed: boolean): Promise<string> {
      await assertMay(db, 'run');
      await deps.sync();
      const old = await journal.loadJob(jobId);
      if (!old) throw new Error(`there is no job ${jobId}`);
      const { recipe, version } = await newest(old.recipe_id);
      const refused = deps.admit(recipe);
      if (refused.length > 0) throw new PolicyRefused([...refused]);
      const { job } = await runner.createRerun(jobId, { fromFailed, recipe, version });
      await recorded(job);
      inBackground(job.id, runner.resume(job.id, recipe));
      return job.id;
    }
  };
}

async function recordJobRun(db: SousDb, input: AuditInput): Promise<void> {
  await recordAudit(db, input);
}
