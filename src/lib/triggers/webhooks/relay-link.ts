/**
 * The studio's calls to the local server's webhook relay (protocol.ts): ask for the token and base URL,
 * publish the started recipes' paths, acknowledge an event, and keep the event stream open. The stream is
 * an EventSource, which reconnects by itself after a dropped connection; one the server refused (closed
 * for good) is opened again here, slower each time. Only a link that stays down is told to the person.
 */
import {
  HOOK_SSE_EVENT,
  HOOKS_ACK_PATH,
  HOOKS_INFO_PATH,
  HOOKS_PATHS_PATH,
  HOOKS_STREAM_PATH,
  HookEventSchema,
  HookInfoSchema,
  type HookEvent,
  type HookInfo
} from './protocol';

/** `ok`: served by the local server. `absent`: served by something else (vite dev): do nothing. `unreachable`: try later. */
export type InfoAnswer = { kind: 'ok'; info: HookInfo } | { kind: 'absent' } | { kind: 'unreachable' };

export async function fetchHookInfo(base: string, doFetch: typeof fetch = fetch, signal?: AbortSignal): Promise<InfoAnswer> {
  let res: Response;
  try {
    res = await doFetch(`${base}${HOOKS_INFO_PATH}`, { headers: { accept: 'application/json' }, signal });
  } catch {
    return { kind: 'unreachable' };
  }
  // A studio served by anything else answers 404, or its own page (a SPA fallback) instead of JSON.
  const text = await res.text().catch(() => '');
  if (!res.ok || !res.headers.get('content-type')?.includes('json')) return res.status >= 500 ? { kind: 'unreachable' } : { kind: 'absent' };
  const parsed = HookInfoSchema.safeParse(safeJson(text));
  return parsed.success ? { kind: 'ok', info: parsed.data } : { kind: 'absent' };
}

/** Tell the server every path the started webhook recipes listen on (the whole set). Throws in plain words. */
export async function publishPaths(base: string, paths: readonly string[], doFetch: typeof fetch = fetch): Promise<void> {
  const res = await doFetch(`${base}${HOOKS_PATHS_PATH}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ paths })
  });
  if (!res.ok) throw new Error(await errorText(res));
  await res.body?.cancel();
}

/** The event's job exists. Answers whether the server took it (an id it no longer knows counts as taken). */
export async function postAck(base: string, eventId: string, jobId: string, doFetch: typeof fetch = fetch): Promise<boolean> {
  try {
    const res = await doFetch(`${base}${HOOKS_ACK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event_id: eventId, job_id: jobId })
    });
    await res.body?.cancel();
    return res.ok || res.status === 404;
  } catch {
    return false;
  }
}

/** The part of the browser's EventSource this uses (a test passes a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: never, ev: Event) => unknown) | null;
  onerror: ((this: never, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface StreamOptions {
  base: string;
  open?: EventSourceFactory;
  onEvent(event: HookEvent): void;
  /** Connected (again): a good moment to publish the paths and retry what waits. */
  onUp(): void;
  /** Told once per outage, when the link has been down for `downAfterMs`. */
  onDown(): void;
  downAfterMs?: number;
  /** Delays before opening again a stream the server closed, in ms, the last one repeated. */
  backoff?: readonly number[];
}

const CLOSED = 2;

export function openHookStream(options: StreamOptions): () => void {
  const open = options.open ?? ((url: string) => new EventSource(url) as unknown as EventSourceLike);
  const backoff = options.backoff ?? [1000, 2000, 5000, 15000, 30000];
  const downAfterMs = options.downAfterMs ?? 20_000;
  let source: EventSourceLike | undefined;
  let attempt = 0;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let downTimer: ReturnType<typeof setTimeout> | undefined;
  let toldDown = false;
  let stopped = false;

  const watchDown = () => {
    downTimer ??= setTimeout(() => {
      if (stopped || toldDown) return;
      toldDown = true;
      options.onDown();
    }, downAfterMs);
  };

  const connect = () => {
    if (stopped) return;
    const s = open(`${options.base}${HOOKS_STREAM_PATH}`);
    source = s;
    s.onopen = () => {
      attempt = 0;
      toldDown = false;
      clearTimeout(downTimer);
      downTimer = undefined;
      options.onUp();
    };
    s.onerror = () => {
      watchDown();
      // CONNECTING: the EventSource retries by itself. CLOSED: it gave up (a refusal), so open a new one.
      if (s.readyState !== CLOSED || stopped) return;
      s.close();
      reopen = setTimeout(connect, backoff[Math.min(attempt++, backoff.length - 1)]);
    };
    s.addEventListener(HOOK_SSE_EVENT, (message) => {
      const parsed = HookEventSchema.safeParse(safeJson(String(message.data)));
      if (parsed.success) options.onEvent(parsed.data);
    });
  };

  watchDown();
  connect();
  return () => {
    stopped = true;
    clearTimeout(reopen);
    clearTimeout(downTimer);
    source?.close();
  };
}

async function errorText(res: Response): Promise<string> {
  const body = safeJson(await res.text().catch(() => '')) as { error?: unknown } | undefined;
  return typeof body?.error === 'string' ? body.error : `the local server answered ${res.status}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
