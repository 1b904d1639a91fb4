/**
 * The studio's end of the MCP relay (protocol.ts): keep a stream open to the local server, publish the
 * offered skills, and answer what the server asks (run a job, ask the person). Reconnects on its own,
 * slower each time, so a studio served without the MCP endpoint (vite dev) costs almost nothing.
 */
import type { Job } from '../../recipe';
import { AskEventSchema, CancelEventSchema, HelloEventSchema, RELAY_PATH, type AskEvent, type RelaySkill } from './protocol';
import { readSse } from './sse';

export type RelayState = 'connecting' | 'serving' | 'standby' | 'offline';

export interface ConfirmQuestion {
  tool: string;
  title: string;
  values: Record<string, unknown>;
  writes: string[];
}

export interface RelayPorts {
  /** The recipes offered to assistants now, each with its effect. */
  skills(): Promise<RelaySkill[]>;
  /** Run the (offered) recipe as a job; resolve with the job once it ends or waits for an approval. */
  run(recipeId: string, input: Record<string, unknown>, signal: AbortSignal): Promise<Job>;
  /** Ask the person whether a tool that changes data may run. */
  confirm(question: ConfirmQuestion, signal: AbortSignal): Promise<boolean>;
}

export interface RelayOptions {
  /** The server's origin (the studio's own: `location.origin`). */
  base: string;
  fetch?: typeof fetch;
  /** Extra request headers (the test's stand-in tab sends the token; the studio needs none). */
  headers?: Record<string, string>;
  onState?(state: RelayState): void;
  /** Retry delays in ms, the last one repeated. */
  backoff?: readonly number[];
}

export interface RelayConnection {
  /** Publish the offered skills again (the person changed what is offered, or a recipe changed). */
  publish(): Promise<void>;
  close(): void;
}

export function connectRelay(ports: RelayPorts, options: RelayOptions): RelayConnection {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const stop = new AbortController();
  const asks = new Map<string, AbortController>();
  const backoff = options.backoff ?? [1000, 2000, 5000, 15000, 30000];
  let peer: string | undefined;

  const post = (message: unknown) =>
    doFetch(`${options.base}${RELAY_PATH}?peer=${encodeURIComponent(peer ?? '')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(message),
      signal: stop.signal
    }).then((res) => void res.body?.cancel());

  async function publish(): Promise<void> {
    if (!peer) return;
    await post({ type: 'skills', skills: await ports.skills() }).catch(() => {});
  }

  async function answer(ask: AskEvent): Promise<void> {
    const aborted = new AbortController();
    asks.set(ask.id, aborted);
    let message: { type: 'answer'; id: string; value?: unknown; error?: string };
    try {
      const value = ask.kind === 'run' ? await ports.run(ask.recipe, ask.input, aborted.signal) : await ports.confirm(ask.request, aborted.signal);
      message = { type: 'answer', id: ask.id, value };
    } catch (err) {
      message = { type: 'answer', id: ask.id, error: (err instanceof Error ? err.message : String(err)).slice(0, 4000) };
    } finally {
      asks.delete(ask.id);
    }
    if (!aborted.signal.aborted) await post(message).catch(() => {});
  }

  async function session(): Promise<void> {
    const res = await doFetch(`${options.base}${RELAY_PATH}`, { headers: { accept: 'text/event-stream', ...options.headers }, signal: stop.signal });
    // A studio served without the endpoint (vite dev, --no-mcp) answers its page here: not a stream.
    if (!res.ok || !res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      throw new Error(`the relay answered ${res.status}`);
    }
    for await (const { event, data } of readSse(res.body, stop.signal)) {
      const json = safeJson(data);
      if (event === 'hello') {
        const hello = HelloEventSchema.parse(json);
        peer = hello.peer;
        options.onState?.(hello.serving ? 'serving' : 'standby');
        await publish();
      } else if (event === 'serving') {
        options.onState?.('serving');
      } else if (event === 'ask') {
        const ask = AskEventSchema.safeParse(json);
        if (ask.success) void answer(ask.data);
      } else if (event === 'cancel') {
        const cancel = CancelEventSchema.safeParse(json);
        if (cancel.success) asks.get(cancel.data.id)?.abort();
      }
    }
  }

  void (async () => {
    for (let attempt = 0; !stop.signal.aborted; attempt++) {
      options.onState?.('connecting');
      const started = Date.now();
      await session().catch(() => {});
      peer = undefined;
      for (const a of asks.values()) a.abort();
      if (stop.signal.aborted) break;
      options.onState?.('offline');
      // A stream that stayed up a while was fine: start the delays over.
      if (Date.now() - started > 60_000) attempt = 0;
      await delay(backoff[Math.min(attempt, backoff.length - 1)], stop.signal);
    }
  })();

  return {
    publish,
    close() {
      stop.abort();
      options.onState?.('offline');
    }
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
