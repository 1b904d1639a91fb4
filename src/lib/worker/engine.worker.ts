/**
 * The engine's home in the browser: a module Web Worker, reached from the page through Comlink
 * (client.ts). Jobs run here, off the page's thread, and go on (from the journal) when a page reloads.
 */
// First: the ids the engine makes need crypto.randomUUID, which a plain-http room origin lacks.
import '../platform/random-uuid';
import * as Comlink from 'comlink';
import { SousDb } from '../store/db';
import { withPlainErrors } from './boundary';
import { createEngineHost } from './host';
import { createConnectionsHost } from './connections-host';
import { memoryLocks } from './memory-locks';
import { studioFetch } from './studio-fetch';
import { browserModelProvider } from '../ai/runtime/worker-model';
import { chainReaders, textAttachmentReader } from '../connectors/sandbox';
import { documentAttachmentReader } from './document-reader';
import { createTriggersHost } from './triggers-host';
import { createPollHost } from './poll-host';
import { whileLeader } from '../triggers/studio/leader';
import { extractDocument } from '../ai/extract';

type ProblemListener = (problem: string) => void;

const listeners = new Set<ProblemListener>();
// Problems that came before a page listened (e.g. while resuming jobs at start) are kept for it.
const earlier: string[] = [];

function report(problem: string): void {
  console.error(problem);
  earlier.push(problem);
  if (earlier.length > 20) earlier.shift();
  for (const listener of listeners) listener(problem);
}

// Only the worker that drives a job can stop it, so a cancel is passed on to the other tabs' workers.
const cancels = new BroadcastChannel('sous-cancel-job');

// Web Locks exist only in a secure context (https, localhost, 127.0.0.1); elsewhere jobs still run.
const locks = navigator.locks ?? memoryLocks();
if (!navigator.locks) report('this page is not a secure context, so two open tabs could run the same job twice: open the studio at http://127.0.0.1 or localhost');

const db = new SousDb();
// The connection check asks the engine host's connectors (made just below) when a check is run.
const connections = createConnectionsHost(db, { connector: (id) => host.connectors.get(id) });
const host = createEngineHost({
  db,
  secrets: connections.secrets,
  locks,
  report,
  askOthersToCancel: (jobId) => cancels.postMessage({ jobId }),
  fetch: studioFetch(self.location.origin),
  model: browserModelProvider(db),
  // Text files as they are; PDFs (pdf.js) and images (OCR) read here in the worker, by nested workers.
  attachmentReader: chainReaders(textAttachmentReader, documentAttachmentReader())
});

const triggers = createTriggersHost({ db, host, report, locks });
// New items of polled APIs go through the same trigger queue as webhooks and schedules (one job per recipe at a time).
const polls = createPollHost({ db, host, report, secrets: connections.secrets, accept: triggers.acceptTrigger });

cancels.onmessage = (event: MessageEvent<{ jobId?: unknown }>) => {
  if (typeof event.data?.jobId === 'string') void host.cancelIfDrivenHere(event.data.jobId);
};

const api = {
  ...withPlainErrors({
    importRecipe: host.importRecipe,
    run: host.run,
    answer: host.answer,
    answerUncertain: host.answerUncertain,
    cancel: host.cancel,
    rerun: host.rerun,
    testStep: host.testStep,
    raiseEvent: host.raiseEvent,
    receiveMail: host.receiveMail,
    importConnector: host.importConnector,
    deleteConnector: host.deleteConnector,
    saveAgent: host.saveAgent,
    importAgent: host.importAgent,
    deleteAgent: host.deleteAgent,
    startConversation: host.startConversation,
    say: host.say,
    startRecipe: host.startRecipe,
    stopRecipe: host.stopRecipe,
    acceptTrigger: triggers.acceptTrigger,
    recoverTriggers: triggers.recoverTriggers,
    pollEvents: polls.pollEvents,
    // The extract page reads here too, so pdf.js and the OCR code are bundled in this worker only.
    extractDocument,
    ...connections.api
  }),
  /** Hear about problems in jobs that run in the background (the page passes a Comlink.proxy). */
  onProblem(listener: ProblemListener): void {
    listeners.add(listener);
    for (const problem of earlier) listener(problem);
  }
};

export type EngineApi = typeof api;

Comlink.expose(api);

// One tab at a time is the runner: it looks every few seconds for running jobs no tab drives (their
// tab was closed) and goes on with them. When it closes, the next tab's worker gets the lock at once.
const RUNNER_LOCK = 'sous-runner';
const SWEEP_MS = 2_000;
const sweep = () => host.sweepRunning().catch((err) => report(`could not go on with the jobs of a closed tab: ${err instanceof Error ? err.message : err}`));
const leadRunner = () =>
  whileLeader(locks, RUNNER_LOCK, () => {
    void sweep();
    const timer = setInterval(sweep, SWEEP_MS);
    return () => clearInterval(timer);
  });

// A page reload (or a crash) left these jobs running: go on with them, each under its lock, once a
// device vault is open (their steps may need its secrets).
connections
  .openDeviceVault()
  .catch((err) => report(`could not open the connections vault: ${err instanceof Error ? err.message : err}`))
  .then(() => host.resumeRunning())
  .catch((err) => report(`could not resume the jobs that were running: ${err instanceof Error ? err.message : err}`))
  // Their steps may need the vault's secrets too, so the runner's sweep starts only once it is open.
  .finally(leadRunner);

// An approval's `timeout` is checked while the studio is open; a minute late at most is soon enough.
const APPROVAL_CHECK_MS = 60_000;
const expire = () => host.expireApprovals().catch((err) => report(`could not check approval timeouts: ${err instanceof Error ? err.message : err}`));
void expire();
setInterval(expire, APPROVAL_CHECK_MS);
