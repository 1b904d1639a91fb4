/**
 * The engine as the studio's worker hosts it: the runner over the Dexie journal, jobs driven in the
 * background under their Web Lock, and the calls the page makes. Kept apart from the Comlink glue
 * (engine.worker.ts) so that it runs in Node tests too.
 */
import { createRunner } from '../engine/runner';
import type { Clock, ConnectionSecrets } from '../engine/ports';
import { systemClock } from '../engine/system-clock';
import type { Recipe, RecipeIssue, UncertainAnswer, User } from '../recipe';
import { parseRecipeText } from '../recipe';
import { builtinConnectors } from '../connectors/builtin';
import { DexieChatSink, DexieJournal, DexieRecipeSource, DexieReplayStore, DexieTables, jobIdsWithStatus, saveRecipe, type SousDb } from '../store';
import { deleteCustomConnector, saveCustomConnector } from '../store/custom-connectors';
import { buildOpenApiConnector, connectorIdProblem } from '../connectors/openapi';
import { WorkspaceConnectors } from './workspace-connectors';
import type { ModelClient } from '../ai/model-client';
import { JobLocks, lockingJournal, type LockRequester } from './job-locks';
import type { AttachmentReader, IncomingMail } from '../connectors/sandbox';
import { createSandboxHost } from './sandbox-host';
import { createConversationHost } from './conversation-host';
import { createLifecycleHost } from './lifecycle-host';
import { createPolicyGate } from './policy-gate';
import { createJobStarts } from './job-starts';
import { assertMay } from '../store/people';
import { recordApprovalAnswer } from '../store/audit';
import { testStep, type StepTestData, type StepTestResult } from '../engine/step-test';

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
  /** Reads the text of a mail's attachments in the sandbox mailbox (text files only by default). */
  attachmentReader?: AttachmentReader;
  /** The on-device model for `ai` steps, when one is chosen and cached; none: basic mode. */
  model?: () => Promise<ModelClient | undefined>;
}

export type ImportResult = { ok: true; recipe: Recipe; version: number; created: boolean } | { ok: false; issues: RecipeIssue[] };

/** The person at this browser; there are no accounts in a local studio. */
export const LOCAL_USER: User = { id: 'local', name: 'Local user', roles: [] };

export function createEngineHost(deps: HostDeps) {
  const { db } = deps;
  const locks = new JobLocks(deps.locks);
  const gate = createPolicyGate(db);
  const guarded = gate.fetch(deps.fetch ?? ((input, init) => fetch(input, init)));
  const journal = lockingJournal(new DexieJournal(db), locks);
  const sandbox = createSandboxHost({
    db,
    report: deps.report,
    reader: deps.attachmentReader,
    fallbackUser: LOCAL_USER,
    start: (job) => startJob(job)
  });
  const builtin = builtinConnectors({
    chat: new DexieChatSink(db),
    tables: new DexieTables(db),
    http: { fetch: guarded },
    sandbox: { stores: sandbox.stores, events: sandbox.events, now: deps.clock ? () => deps.clock!.now() : undefined },
    ai: { model: deps.model, replays: new DexieReplayStore(db) }
  });
  // Imported (OpenAPI) connectors join the built-in ones; synced, with the policy, before each job starts or goes on.
  const connectors = new WorkspaceConnectors(builtin, db, { fetch: guarded }, deps.report);
  const sync = async () => {
    await connectors.sync();
    await gate.refresh();
  };
  const runner = createRunner({
    journal,
    connectors,
    recipes: new DexieRecipeSource(db),
    user: LOCAL_USER,
    newId: deps.newId,
    clock: deps.clock,
    secrets: deps.secrets,
    admit: gate.admit,
    // Asked only while a job runs, long after `conversations` below is made.
    childAgent: (recipeId, parent) => conversations.childAgent(recipeId, parent)
  });
  const conversations = createConversationHost({
    db,
    runner,
    journal,
    locks,
    lockRequester: deps.locks,
    connectors,
    sync,
    newId: deps.newId ?? (() => crypto.randomUUID()),
    clock: deps.clock ?? systemClock,
    actingUser: () => sandbox.actingUser(),
    model: deps.model,
    report: deps.report
  });

  const starts = createJobStarts({
    db,
    runner,
    journal,
    locks,
    sync,
    admit: gate.admit,
    actingUser: () => sandbox.actingUser(),
    jobSettled: (jobId) => conversations.jobSettled(jobId),
    report: deps.report
  });
  const { startJob, startTriggered, inBackground, tellConversations } = starts;
  const lifecycle = createLifecycleHost({ db, connectors });

  return {
    /** The connectors jobs use; "Check connection" asks the same ones (with the same fetch). */
    connectors,
    /** Test this step: one action step with the data before it, run as a job would run it, in memory (no job). */
    async testStep(recipe: Recipe, stepId: string, data: StepTestData): Promise<StepTestResult> {
      await sync();
      return testStep(recipe, stepId, data, { connectors, secrets: deps.secrets, clock: deps.clock, user: await sandbox.actingUser() });
    },
    /** For the trigger hosts (schedules, webhooks) beside this one. */
    startTriggered,
    startRecipe: lifecycle.startRecipe,
    stopRecipe: lifecycle.stopRecipe,

    async importRecipe(text: string): Promise<ImportResult> {
      const parsed = parseRecipeText(text);
      if (!parsed.ok) return parsed;
      const saved = await saveRecipe(db, parsed.recipe);
      return { ok: true, recipe: parsed.recipe, ...saved };
    },

    /**
     * Import an OpenAPI document as connector `id` (replacing an earlier import of that id); throws with a
     * plain message for a bad document or id. Answers the number of actions it made.
     */
    async importConnector(draft: { id: string; label: string; document: string }): Promise<number> {
      const problem = connectorIdProblem(draft.id, builtin.list().map((c) => c.id));
      if (problem) throw new Error(`the connector id "${draft.id}" cannot be used: ${problem}`);
      const def = buildOpenApiConnector(draft, { fetch: deps.fetch });
      await saveCustomConnector(db, draft);
      await sync();
      return Object.keys(def.actions).length;
    },

    async deleteConnector(id: string): Promise<void> {
      await deleteCustomConnector(db, id);
      await sync();
    },

    /** Start a job of the recipe's newest version; answers its id at once (RunRefused for bad input, PolicyRefused). */
    run: starts.run,

    /**
     * A sandbox app's event (e.g. a person added a vendor on the ERP page): start a job for each saved
     * recipe whose trigger matches. Answers the new jobs' ids.
     */
    raiseEvent(connector: string, event: string, payload: unknown): Promise<string[]> {
      return sandbox.raise(connector, event, payload);
    },

    /** A mail arrives in the sandbox mailbox (a file dropped on its page); starts the recipes it triggers. */
    receiveMail(incoming: IncomingMail): Promise<{ mailId: string; jobIds: string[]; problems: string[] }> {
      return sandbox.receiveMail(incoming);
    },

    /** Answer a waiting approval; resolves when the job ends or waits again. */
    async answer(jobId: string, path: string, choice: string): Promise<void> {
      await sync();
      await assertMay(db, 'answer');
      // The answer is the person's the studio acts as (the HR sandbox's "Acting as"), else the local user.
      const by = (await sandbox.actingUser()).id;
      await locks.with(jobId, () => runner.answer(jobId, path, { choice, by }));
      await recordApprovalAnswer(db, { jobId, path, choice });
      // Answered in the Inbox or on a chat's card: the chats waiting on the job say how it went.
      await tellConversations(jobId);
    },

    /**
     * Answer an uncertain step: `continue` (the person checked the call was made; `output` is what it gave,
     * else null), `rerun` or `stop`. Who answered is the person the studio acts as, kept on the step.
     */
    async answerUncertain(jobId: string, path: string, choice: UncertainAnswer['choice'], output?: unknown): Promise<void> {
      await sync();
      await assertMay(db, 'answer');
      const by = (await sandbox.actingUser()).id;
      await locks.with(jobId, () => runner.answerUncertain(jobId, path, { choice, by, output }));
      await recordApprovalAnswer(db, { jobId, path, choice });
      await tellConversations(jobId);
    },

    /** Agents: save, import (a bad file is refused with its issues, nothing changed) and delete. */
    saveAgent: conversations.saveAgent,
    importAgent: conversations.importAgent,
    deleteAgent: conversations.deleteAgent,
    /** Open a conversation with agents (one: its direct conversation); answers its id. */
    startConversation: conversations.startConversation,
    /** The person says `text` in a conversation; it is acted on here and saved; answers the agent's turns. */
    say: conversations.say,

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

    /** Run a finished job again on the recipe's newest version (`fromFailed` keeps what succeeded). */
    rerun: starts.rerun,

    /**
     * End the approvals whose `timeout` has passed: the engine fails such a step when it goes on with the
     * job, so each job past due is resumed (under its lock). The worker calls this on a timer.
     */
    async expireApprovals(): Promise<void> {
      await sync();
      const now = (deps.clock ?? systemClock).now().getTime();
      for (const id of await jobIdsWithStatus(db, 'waiting')) {
        const job = await journal.loadJob(id);
        const due = job?.steps.some((s) => s.status === 'waiting' && s.due_at && Date.parse(s.due_at) <= now);
        if (due) inBackground(id, locks.with(id, () => runner.resume(id)));
      }
    },

    /** Go on with every job left running when its page was closed or reloaded. */
    async resumeRunning(): Promise<void> {
      await sync();
      for (const id of await jobIdsWithStatus(db, 'running')) {
        const work = locks.with(id, async () => {
          const job = await journal.loadJob(id);
          // Re-read under the lock: another tab may have finished it. A child job is driven by its parent.
          if (job?.status === 'running' && !job.parent_job && !runner.isActive(id)) await runner.resume(id);
        });
        inBackground(id, work);
      }
    },

    /**
     * Go on with every running job that no tab drives now: its tab was closed after this worker started
     * (the jobs left at start are waited for by resumeRunning). A job another live tab runs holds its lock,
     * so it is passed over without waiting. The runner tab calls this every few seconds.
     */
    async sweepRunning(): Promise<void> {
      for (const id of await jobIdsWithStatus(db, 'running')) {
        if (runner.isActive(id)) continue;
        const work = locks.ifFree(id, async () => {
          const job = await journal.loadJob(id);
          if (job?.status === 'running' && !job.parent_job && !runner.isActive(id)) await runner.resume(id);
        });
        inBackground(id, work);
      }
    }
  };
}

export type EngineHost = ReturnType<typeof createEngineHost>;
