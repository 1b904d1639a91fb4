/**
 * The engine as the studio's worker hosts it: the runner over the Dexie journal, jobs driven in the
 * background under their Web Lock, and the calls the page makes. Kept apart from the Comlink glue
 * (engine.worker.ts) so that it runs in Node tests too.
 */
import { createRunner } from '../engine/runner';
import type { Clock, ConnectionSecrets } from '../engine/ports';
import { systemClock } from '../engine/system-clock';
import type { Recipe, RecipeIssue, User } from '../recipe';
import { parseRecipeText } from '../recipe';
import { builtinConnectors } from '../connectors/builtin';
import { DexieChatSink, DexieJournal, DexieReplayStore, DexieRecipeSource, getRecipe, jobIdsWithStatus, saveRecipe, type SousDb } from '../store';
import type { ModelClient } from '../ai/model-client';
import { JobLocks, lockingJournal, type LockRequester } from './job-locks';

export interface HostDeps {
  db: SousDb;
  locks: LockRequester;
  /** Something went wrong in a job driven in the background (e.g. the disk is full): tell the person. */
  report: (problem: string) => void;
  /** Ask the other tabs' workers to cancel a job one of them is driving. */
  askOthersToCancel?: (jobId: string) => void;
  fetch?: typeof fetch;
  newId?: () => string;
  clock?: Clock;
  /** Where action steps get their connection's secrets (the vault in the worker). */
  secrets?: ConnectionSecrets;
  /** The on-device model for `ai` steps, when one is chosen and cached; none: basic mode. */
  model?: () => Promise<ModelClient | undefined>;
}

export type ImportResult = { ok: true; recipe: Recipe; version: number; created: boolean } | { ok: false; issues: RecipeIssue[] };

/** The person at this browser; there are no accounts in a local studio. */
export const LOCAL_USER: User = { id: 'local', name: 'Local user', roles: [] };

export function createEngineHost(deps: HostDeps) {
  const { db } = deps;
  const locks = new JobLocks(deps.locks);
  const journal = lockingJournal(new DexieJournal(db), locks);
  const runner = createRunner({
    journal,
    connectors: builtinConnectors({
      chat: new DexieChatSink(db),
      http: { fetch: deps.fetch },
      ai: { model: deps.model, replays: new DexieReplayStore(db) }
    }),
    recipes: new DexieRecipeSource(db),
    user: LOCAL_USER,
    newId: deps.newId,
    clock: deps.clock,
    secrets: deps.secrets
  });

  /** Let a job run on without the caller; a failure that is not the job's own (a full disk) is reported. */
  function inBackground(jobId: string, work: Promise<unknown>): void {
    work
      .catch((err) => deps.report(`job ${jobId} stopped: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => locks.release(jobId));
  }

  async function newest(recipeId: string) {
    const found = await getRecipe(db, recipeId);
    if (!found) throw new Error(`there is no recipe "${recipeId}"`);
    return found;
  }

  return {
    async importRecipe(text: string): Promise<ImportResult> {
      const parsed = parseRecipeText(text);
      if (!parsed.ok) return parsed;
      const saved = await saveRecipe(db, parsed.recipe);
      return { ok: true, recipe: parsed.recipe, ...saved };
    },

    /** Start a job of the recipe's newest version; answers its id at once (RunRefused for bad input). */
    async run(recipeId: string, triggerInput: unknown): Promise<string> {
      const { recipe, version } = await newest(recipeId);
      const job = await runner.create(recipe, triggerInput, { version });
      inBackground(job.id, runner.resume(job.id, recipe));
      return job.id;
    },

    /** Answer a waiting approval; resolves when the job ends or waits again. */
    async answer(jobId: string, path: string, choice: string): Promise<void> {
      await locks.with(jobId, () => runner.answer(jobId, path, { choice, by: LOCAL_USER.id }));
    },

    async cancel(jobId: string): Promise<void> {
      if (runner.isActive(jobId)) return runner.cancel(jobId);
      // Nobody drives it (it waits, or its tab is gone): end it here. Else the tab that drives it must.
      const here = await locks.ifFree(jobId, () => runner.cancel(jobId));
      if (!here) deps.askOthersToCancel?.(jobId);
    },

    /** A cancel asked for by another tab: only the worker that drives the job can stop it. */
    async cancelIfDrivenHere(jobId: string): Promise<void> {
      if (runner.isActive(jobId)) await runner.cancel(jobId);
    },

    /**
     * Run a finished job again as a new job, on the recipe's newest version (so a fixed recipe is what
     * runs); `fromFailed` keeps the steps that succeeded. Answers the new job's id at once.
     */
    async rerun(jobId: string, fromFailed: boolean): Promise<string> {
      const old = await journal.loadJob(jobId);
      if (!old) throw new Error(`there is no job ${jobId}`);
      const { recipe, version } = await newest(old.recipe_id);
      const { job } = await runner.createRerun(jobId, { fromFailed, recipe, version });
      inBackground(job.id, runner.resume(job.id, recipe));
      return job.id;
    },

    /**
     * End the approvals whose `timeout` has passed: the engine fails such a step when it goes on with the
     * job, so each job past due is resumed (under its lock). The worker calls this on a timer.
     */
    async expireApprovals(): Promise<void> {
      const now = (deps.clock ?? systemClock).now().getTime();
      for (const id of await jobIdsWithStatus(db, 'waiting')) {
        const job = await journal.loadJob(id);
        const due = job?.steps.some((s) => s.status === 'waiting' && s.due_at && Date.parse(s.due_at) <= now);
        if (due) inBackground(id, locks.with(id, () => runner.resume(id)));
      }
    },

    /** Go on with every job left running when its page was closed or reloaded. */
    async resumeRunning(): Promise<void> {
      for (const id of await jobIdsWithStatus(db, 'running')) {
        const work = locks.with(id, async () => {
          const job = await journal.loadJob(id);
          // Re-read under the lock: another tab may have finished it. A child job is driven by its parent.
          if (job?.status === 'running' && !job.parent_job && !runner.isActive(id)) await runner.resume(id);
        });
        inBackground(id, work);
      }
    }
  };
}

export type EngineHost = ReturnType<typeof createEngineHost>;
