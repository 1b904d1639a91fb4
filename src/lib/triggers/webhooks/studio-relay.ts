/**
 * The page's part of the webhook relay: in one tab only (a Web Lock leader), tell the local server which
 * paths the started webhook recipes listen on (again whenever they change), take the events it relays,
 * start each one's job through the engine's trigger queue, and acknowledge it once the job exists
 * (relay-handler.ts). A studio not served by the local server (vite dev) does nothing, quietly.
 */
import { liveQuery } from 'dexie';
import { startedRecipes } from '../../store/recipe-states';
import type { AutomationDeps, StopAutomation } from '../studio/automation-deps';
import { pageLocks, whileLeader, type LeaderLocks } from '../studio/leader';
import { createHookHandler, type HookHandler } from './relay-handler';
import { fetchHookInfo, openHookStream, postAck, publishPaths, type EventSourceFactory } from './relay-link';
import { relayWords } from './relay-words';
import { samePaths, webhookRoutes } from './webhook-routes';

export const WEBHOOK_RELAY_LOCK = 'sous-webhook-relay';

export interface WebhookRelayOptions {
  /** The local server's origin: the studio's own. */
  base?: string;
  fetch?: typeof fetch;
  open?: EventSourceFactory;
  locks?: LeaderLocks;
  /** How often what waits for a passing reason is tried again, in ms. */
  retryMs?: number;
  /** Delays between asks for /hooks-relay/info while the server cannot be reached, the last repeated. */
  infoBackoff?: readonly number[];
}

export function startWebhookRelay(deps: AutomationDeps, options: WebhookRelayOptions = {}): StopAutomation {
  const base = options.base ?? location.origin;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const backoff = options.infoBackoff ?? [2000, 5000, 15000, 30000];
  const stopping = new AbortController();
  let stopLeader: (() => void) | undefined;

  void (async () => {
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      const answer = await fetchHookInfo(base, doFetch, stopping.signal);
      if (answer.kind === 'absent' || stopping.signal.aborted) return;
      if (answer.kind === 'ok') break;
      await delay(backoff[Math.min(attempt, backoff.length - 1)], stopping.signal);
    }
    if (stopping.signal.aborted) return;
    stopLeader = whileLeader(options.locks ?? pageLocks(), WEBHOOK_RELAY_LOCK, () => relay(deps, base, doFetch, options), {
      onError: (err) => deps.report(relayWords.relayFailed(err))
    });
  })();

  return () => {
    stopping.abort();
    stopLeader?.();
  };
}

/** The leader tab's work: answers how to undo it. */
function relay(deps: AutomationDeps, base: string, doFetch: typeof fetch, options: WebhookRelayOptions): () => void {
  const handler = createHookHandler({
    accept: (event) => deps.engine.acceptTrigger(event),
    ack: (eventId, jobId) => postAck(base, eventId, jobId, doFetch),
    watchJob: (jobId, found) => {
      const sub = liveQuery(() => jobExists(deps, jobId)).subscribe({ next: (yes) => yes && found(), error: () => {} });
      return () => sub.unsubscribe();
    },
    report: deps.report
  });
  // What an earlier tab accepted and never started (it closed in between) starts now; its resent event
  // answers `duplicate` and is acked once that job exists.
  deps.engine.recoverTriggers().catch((err: unknown) => deps.report(relayWords.relayFailed(err)));
  const paths = pathPublisher(base, doFetch, deps.report);
  const stopRoutes = watchRoutes(deps, handler, paths.set);
  const stopStream = openHookStream({
    base,
    open: options.open,
    onEvent: (event) => handler.receive(event),
    onUp: () => {
      paths.again();
      handler.retry();
    },
    onDown: () => deps.report(relayWords.streamDown)
  });
  const timer = setInterval(() => handler.retry(), options.retryMs ?? 10_000);
  return () => {
    clearInterval(timer);
    stopStream();
    stopRoutes();
    handler.close();
  };
}

/**
 * The event's job exists: its row is there, or the queue marked the event past pending (its job existed,
 * even if the person has deleted it since).
 */
async function jobExists(deps: AutomationDeps, jobId: string): Promise<boolean> {
  if (await deps.db.jobs.get(jobId)) return true;
  const entry = await deps.db.trigger_events.get(jobId);
  return entry !== undefined && entry.state !== 'pending';
}

/** Follow the started webhook recipes: route events by path, publish the paths, report two on one path. */
function watchRoutes(deps: AutomationDeps, handler: HookHandler, publish: (paths: string[]) => void): () => void {
  const told = new Set<string>();
  const tell = (problem: string) => {
    if (told.has(problem)) return;
    told.add(problem);
    deps.report(problem);
  };
  const sub = liveQuery(async () => {
    const unreadable: string[] = [];
    const started = await startedRecipes(deps.db, ['webhook'], (id, message) => unreadable.push(relayWords.recipesUnreadable(id, message)));
    return { started, unreadable };
  }).subscribe({
    next: ({ started, unreadable }) => {
      const routes = webhookRoutes(started);
      [...routes.problems, ...unreadable].forEach(tell);
      publish(routes.paths);
      handler.setRoutes(routes.routes, routes.conflicts);
    },
    error: (err) => tell(relayWords.recipesUnreadable('?', err instanceof Error ? err.message : String(err)))
  });
  return () => sub.unsubscribe();
}

/** Publishes the paths when they change, and again (`again`) after the stream reconnects. */
function pathPublisher(base: string, doFetch: typeof fetch, report: (problem: string) => void) {
  let wanted: string[] | undefined;
  let published: string[] | undefined;
  let failing = false;
  let sending = Promise.resolve();
  const send = () => {
    sending = sending.then(async () => {
      const paths = wanted;
      if (!paths || samePaths(published, paths)) return;
      try {
        await publishPaths(base, paths, doFetch);
        published = paths;
        failing = false;
      } catch (err) {
        if (!failing) report(relayWords.publishFailed(err));
        failing = true;
      }
    });
  };
  return {
    set(paths: string[]) {
      wanted = paths;
      send();
    },
    again() {
      published = undefined;
      send();
    }
  };
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
