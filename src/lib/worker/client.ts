/**
 * The page's handle on the engine worker: typed calls through Comlink, with errors revived from their
 * plain tagged form (a RunRefused comes back as a RunRefused).
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './engine.worker';
import { revive } from './boundary';
import type { ImportResult } from './host';
import type { VaultState } from './connections-host';
import type { ConnectionDraft } from '../store/connections';
import type { IncomingMail } from '../connectors/sandbox';
import type { CheckResult } from '../connectors/sdk';
import type { AgentSaveResult } from '../store/agents';
import type { AgentTurn } from '../agents/turn';
import type { StartOptions as ConversationOptions } from './conversation-host';
import type { StartResult } from './lifecycle-host';
import type { AcceptResult, TriggerEvent } from '../triggers/queue/types';
import type { PollOutcome } from './poll-host';
import type { Recipe } from '../recipe';
import type { StepTestData, StepTestResult } from '../engine/step-test';
import type { DocumentInput, ExtractResult, FieldSpec } from '../ai/extract';

export function createEngineClient() {
  const problemListeners = new Set<(problem: string) => void>();
  const tell = (problem: string) => problemListeners.forEach((listener) => listener(problem));
  // The worker (the engine, several hundred KB) starts at the first call or at start(), so a page can
  // show before it downloads; the layout calls start() once the page is up (jobs resume, schedules run).
  let started: { worker: Worker; remote: Comlink.Remote<EngineApi> } | undefined;
  const start = () => {
    if (started) return started;
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    started = { worker, remote: Comlink.wrap<EngineApi>(worker) };
    worker.addEventListener('error', (event) => tell(`the engine worker failed: ${event.message || 'it could not start'}`));
    void started.remote.onProblem(Comlink.proxy(tell));
    return started;
  };
  const remote = new Proxy({} as Comlink.Remote<EngineApi>, { get: (_, key) => start().remote[key as keyof EngineApi] });

  return {
    importRecipe: (text: string) => revive<ImportResult>(remote.importRecipe(text)),
    /** Start a job; answers its id at once. Rejects with RunRefused when the trigger input is not right. */
    run: (recipeId: string, triggerInput: unknown) => revive(remote.run(recipeId, triggerInput)),
    answer: (jobId: string, path: string, choice: string) => revive(remote.answer(jobId, path, choice)),
    /** Answer an uncertain step: it ran (`continue`, with its output if known), run it again, or stop the job. */
    answerUncertain: (jobId: string, path: string, choice: 'continue' | 'rerun' | 'stop', output?: unknown) =>
      revive(remote.answerUncertain(jobId, path, choice, output)),
    cancel: (jobId: string) => revive(remote.cancel(jobId)),
    /** Run a finished job again; answers the new job's id at once. */
    rerun: (jobId: string, fromFailed: boolean) => revive(remote.rerun(jobId, fromFailed)),
    /** Test this step: run one action step with the data before it; no job is made, nothing is journaled. */
    testStep: (recipe: Recipe, stepId: string, data: StepTestData) => revive<StepTestResult>(remote.testStep(recipe, stepId, data)),
    /** A sandbox app's event (a record a person made on its page): starts the recipes it triggers. */
    raiseEvent: (connector: string, event: string, payload: unknown) => revive<string[]>(remote.raiseEvent(connector, event, payload)),
    /** A mail arrives in the sandbox mailbox; answers its id and the jobs it started. */
    receiveMail: (incoming: IncomingMail) => revive<{ mailId: string; jobIds: string[]; problems: string[] }>(remote.receiveMail(incoming)),
    /** Import an OpenAPI document as a connector (replacing one of the same id); answers its number of actions. */
    importConnector: (draft: { id: string; label: string; document: string }) => revive<number>(remote.importConnector(draft)),
    deleteConnector: (id: string) => revive(remote.deleteConnector(id)),
    /** Save an agent object; a bad one is refused with its issues (`ok: false`) and nothing is saved. */
    saveAgent: (agent: unknown) => revive<AgentSaveResult>(remote.saveAgent(agent)),
    /** Import an agent file's text (`NAME.agent.json`); refused with every issue at once, nothing saved. */
    importAgent: (text: string) => revive<AgentSaveResult>(remote.importAgent(text)),
    /** Delete an agent; answers whether there was one. Its conversations stay. */
    deleteAgent: (id: string) => revive<boolean>(remote.deleteAgent(id)),
    /**
     * Open a conversation; answers its id. One agent: its direct conversation (made once, `direct:ID`);
     * several, or a `title`: a new channel; `fresh`: a new conversation even for one agent.
     */
    startConversation: (agentIds: string[], options?: ConversationOptions) => revive<string>(remote.startConversation(agentIds, options)),
    /** The person says `text`; it is acted on in the worker and saved; answers the agent's new turns. */
    say: (conversationId: string, text: string) => revive<AgentTurn[]>(remote.say(conversationId, text)),
    /** Start a recipe on a version (default: its newest): its triggers fire; refused with every reason. */
    startRecipe: (recipeId: string, version?: number) => revive<StartResult>(remote.startRecipe(recipeId, version)),
    stopRecipe: (recipeId: string) => revive(remote.stopRecipe(recipeId)),
    /** A schedule tick or a relayed webhook into the trigger queue; its job's id is the event id. */
    acceptTrigger: (event: TriggerEvent) => revive<AcceptResult>(remote.acceptTrigger(event)),
    /** Start what the queue accepted and never started (this tab now fires triggers, or reloaded). */
    recoverTriggers: () => revive(remote.recoverTriggers()),
    /** Poll a started event recipe's API once; starts a job per new item. */
    pollEvents: (recipeId: string) => revive<PollOutcome>(remote.pollEvents(recipeId)),
    /** The vault of connection secrets, which lives in the worker: its state, set-up, unlock and lock. */
    vaultState: () => revive<VaultState>(remote.vaultState()),
    setupVault: (passphrase: string | null) => revive(remote.setupVault(passphrase)),
    unlockVault: (passphrase: string) => revive(remote.unlockVault(passphrase)),
    lockVault: () => revive(remote.lockVault()),
    /** Connections: created sealed in the worker; answers the new connection's id. */
    createConnection: (draft: ConnectionDraft) => revive<string>(remote.createConnection(draft)),
    renameConnection: (id: string, label: string) => revive(remote.renameConnection(id, label)),
    setConnectionSecrets: (id: string, secrets: Record<string, string>) => revive(remote.setConnectionSecrets(id, secrets)),
    deleteConnection: (id: string) => revive(remote.deleteConnection(id)),
    bindConnection: (recipeId: string, ref: string, connectionId: string) => revive(remote.bindConnection(recipeId, ref, connectionId)),
    /** Check a connection in the worker (where its secrets are); only the plain-word answer comes back. */
    checkConnection: (id: string, offer?: string) => revive<CheckResult>(remote.checkConnection(id, offer)),
    /** Read a document (text, PDF, image by OCR) and extract its fields in basic mode, in the worker. */
    extractDocument: (doc: DocumentInput, fields: readonly FieldSpec[]) => revive<ExtractResult>(remote.extractDocument(doc, fields)),
    /** Problems of jobs running in the background; answers a function that stops listening. */
    onProblem(listener: (problem: string) => void): () => void {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    /** Start the worker now (it otherwise starts at the first call). */
    start(): void {
      start();
    },
    close(): void {
      started?.remote[Comlink.releaseProxy]();
      started?.worker.terminate();
      started = undefined;
    }
  };
}

export type EngineClient = ReturnType<typeof createEngineClient>;
