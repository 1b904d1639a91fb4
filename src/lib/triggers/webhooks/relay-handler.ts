/**
 * What the studio does with each webhook the local server relays: hand it to the started recipe on its
 * path as a trigger event (the event id is the job id, so a resent event never makes a second job), and
 * acknowledge it to the server only once that job exists. Until then the server keeps it on disk and
 * sends it again on the next connection, so a tab closed in between loses nothing.
 *
 *   receive ─▶ waiting ──(a started recipe on its path)──▶ accept ─▶ accepted / duplicate: watch for its job ─▶ ack ─▶ done
 *                 ▲                                               └▶ skipped (folded into another event) ─────────▶ ack
 *                 └── no recipe on the path, queue full or stopped, the engine failed: waits (retried)
 *
 * No network, Dexie or timers here: the ports are passed in (studio-relay.ts gives the real ones).
 */
import type { AcceptResult, TriggerEvent } from '../queue/types';
import type { HookEvent } from './protocol';
import type { WebhookRoute } from './webhook-routes';
import { normalizeHookPath } from './protocol';
import { relayWords } from './relay-words';

export interface HookHandlerPorts {
  accept(event: TriggerEvent): Promise<AcceptResult>;
  /** Tell the server the event's job exists; false when it could not be told (retried later). */
  ack(eventId: string, jobId: string): Promise<boolean>;
  /** Call `found` once a job with this id exists (at once if it does); answers how to stop watching. */
  watchJob(jobId: string, found: () => void): () => void;
  report(problem: string): void;
}

type Stage = 'waiting' | 'accepting' | 'awaiting-job' | 'acking' | 'unacked';

interface Held {
  event: HookEvent;
  stage: Stage;
  /** The queue refused it as invalid: tried again only when the started recipes change. */
  refused?: boolean;
  jobId?: string;
  unwatch?: () => void;
}

export interface HookHandler {
  /** An event from the stream (a resent one already held or done is ignored). */
  receive(event: HookEvent): void;
  /**
   * The started webhook recipes changed: events waiting for a recipe on their path are tried again.
   * `conflicts`: paths two started recipes claim (reported by whoever computed the routes): their events wait quietly.
   */
  setRoutes(routes: ReadonlyMap<string, WebhookRoute>, conflicts?: readonly string[]): void;
  /** Try again what waits for a passing reason (queue full, engine busy, an ack that failed). */
  retry(): void;
  /** Event ids held (not yet acknowledged), for tests and the tab's own view. */
  held(): Array<{ event_id: string; stage: Stage }>;
  close(): void;
}

/** Ids acknowledged this session, kept so a resend that crossed the ack is not even looked at. */
const DONE_KEPT = 2000;

/** Headers that must never reach a job, whatever the server sent (it removes them too). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** The job's trigger output: the request, without any credential the server might have left in. */
export function triggerPayload(event: HookEvent): HookEvent['request'] {
  const { headers, query, ...rest } = event.request;
  const cleanHeaders = Object.fromEntries(Object.entries(headers).filter(([name]) => !SECRET_HEADERS.has(name.toLowerCase())));
  const cleanQuery = Object.fromEntries(Object.entries(query).filter(([name]) => name !== 'token'));
  return { ...rest, headers: cleanHeaders, query: cleanQuery };
}

export function createHookHandler(ports: HookHandlerPorts): HookHandler {
  const held = new Map<string, Held>();
  const done = new Set<string>();
  const told = new Set<string>();
  // Undefined until the started recipes were first read: nothing is judged "no recipe" before that.
  let routes: ReadonlyMap<string, WebhookRoute> | undefined;
  let conflicts = new Set<string>();
  let closed = false;

  const tellOnce = (key: string, problem: string) => {
    if (told.has(key)) return;
    told.add(key);
    ports.report(problem);
  };

  async function tryAccept(h: Held): Promise<void> {
    if (closed || !routes || h.stage !== 'waiting') return;
    const path = normalizeHookPath(h.event.path);
    const route = routes.get(path);
    if (!route) return conflicts.has(path) ? undefined : tellOnce(`path:${path}`, relayWords.noRecipe(path));
    h.stage = 'accepting';
    let result: AcceptResult;
    try {
      result = await ports.accept({ event_id: h.event.event_id, recipe_id: route.recipe_id, kind: 'webhook', payload: triggerPayload(h.event) });
    } catch (err) {
      h.stage = 'waiting';
      return tellOnce(`engine:${h.event.event_id}`, relayWords.engineFailed(path, err));
    }
    if (closed) return;
    switch (result.status) {
      // Seen before (a resend after a tab closed): its job may still be only queued in this studio's
      // queue, so it is watched like a new one rather than acked at once.
      case 'accepted':
      case 'duplicate':
        h.stage = 'awaiting-job';
        h.jobId = h.event.event_id;
        h.unwatch = ports.watchJob(h.jobId, () => void ack(h));
        // `found` may have been called at once, before the watch's stop function was kept.
        if (h.stage !== 'awaiting-job') h.unwatch();
        return;
      case 'skipped':
        h.jobId = result.folded_into;
        return void ack(h);
      case 'full':
      case 'stopped':
        h.stage = 'waiting';
        return tellOnce(`busy:${route.recipe_id}`, relayWords.busy(path, result.message));
      case 'invalid':
        h.stage = 'waiting';
        h.refused = true;
        return tellOnce(`invalid:${h.event.event_id}`, relayWords.refused(path, result.message));
      default: {
        const never: never = result;
        throw new Error(`unknown accept status ${(never as AcceptResult).status}`);
      }
    }
  }

  async function ack(h: Held): Promise<void> {
    if (closed || h.stage === 'acking') return;
    h.stage = 'acking';
    h.unwatch?.();
    h.unwatch = undefined;
    const ok = await ports.ack(h.event.event_id, h.jobId ?? h.event.event_id).catch(() => false);
    if (closed) return;
    if (!ok) {
      h.stage = 'unacked';
      return;
    }
    held.delete(h.event.event_id);
    done.add(h.event.event_id);
    if (done.size > DONE_KEPT) done.delete(done.values().next().value as string);
  }

  return {
    receive(event) {
      if (closed || held.has(event.event_id) || done.has(event.event_id)) return;
      const h: Held = { event, stage: 'waiting' };
      held.set(event.event_id, h);
      void tryAccept(h);
    },
    setRoutes(next, claimedTwice = []) {
      routes = next;
      conflicts = new Set(claimedTwice);
      for (const h of held.values()) {
        h.refused = false;
        void tryAccept(h);
      }
    },
    retry() {
      for (const h of held.values()) {
        if (h.stage === 'unacked') void ack(h);
        else if (!h.refused) void tryAccept(h);
      }
    },
    held: () => [...held.values()].map((h) => ({ event_id: h.event.event_id, stage: h.stage })),
    close() {
      closed = true;
      for (const h of held.values()) h.unwatch?.();
      held.clear();
    }
  };
}
