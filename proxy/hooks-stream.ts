/**
 * The studio's `GET /hooks-relay/stream`: Server-Sent Events, every pending webhook (oldest first) when a tab
 * connects, then each new one, to every connected tab (the studio dedupes by event id). A tab joins the
 * fan-out before the pending list is read, so an event that arrives meanwhile is never missed; one the list
 * already held is not sent twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HOOK_SSE_EVENT, type HookEvent } from '../src/lib/triggers/webhooks/protocol';

export interface HookStreams {
  /** Opens a stream; false when too many are open already (the caller answers 429). */
  open(req: IncomingMessage, res: ServerResponse, pending: () => Promise<HookEvent[]>): Promise<boolean>;
  broadcast(event: HookEvent): void;
  count(): number;
  close(): void;
}

interface Listener {
  res: ServerResponse;
  /** While the pending list is being sent: new events wait here. */
  held: HookEvent[] | null;
}

export function createHookStreams(options: { pingMs?: number; maxStreams?: number } = {}): HookStreams {
  const listeners = new Set<Listener>();
  const send = (res: ServerResponse, event: HookEvent) => res.write(`event: ${HOOK_SSE_EVENT}\ndata: ${JSON.stringify(event)}\n\n`);

  async function open(req: IncomingMessage, res: ServerResponse, pending: () => Promise<HookEvent[]>): Promise<boolean> {
    if (listeners.size >= (options.maxStreams ?? 16)) return false;
    const listener: Listener = { res, held: [] };
    listeners.add(listener);
    const ping = setInterval(() => res.write(': ping\n\n'), options.pingMs ?? 15_000);
    const gone = () => {
      clearInterval(ping);
      listeners.delete(listener);
    };
    req.once('close', gone);
    res.once('close', gone);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    // A comment first, so the browser's EventSource opens at once even with nothing pending.
    res.write(': sous webhooks\n\n');
    try {
      const sent = new Set<string>();
      for (const event of await pending()) {
        send(res, event);
        sent.add(event.event_id);
      }
      for (const event of listener.held ?? []) if (!sent.has(event.event_id)) send(res, event);
    } finally {
      listener.held = null;
    }
    return true;
  }

  return {
    open,
    broadcast(event) {
      for (const listener of listeners) {
        if (listener.held) listener.held.push(event);
        else send(listener.res, event);
      }
    },
    count: () => listeners.size,
    close() {
      for (const listener of listeners) listener.res.end();
      listeners.clear();
    }
  };
}
