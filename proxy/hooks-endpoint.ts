/**
 * Webhooks in the local server (`npm start`), for the studio's started webhook recipes; the protocol is in
 * src/lib/triggers/webhooks/protocol.ts. A sender's `POST /hooks/PATH` is judged in this order, so an
 * unknown path says nothing to someone without the token:
 *
 *   token (401) · POST (405) · PATH published by the studio (404) · per-path rate (429) · events waiting
 *   for PATH (429) · body size (413) · JSON that is not (400) · written to disk · 202 {event_id}
 *
 * The `/hooks-relay/*` routes are the studio's own (no token): answered only when Host is ours, it is not a
 * page load, and the request is the studio's own origin: an own `Origin`, or for a GET (EventSource sends no
 * Origin) `Sec-Fetch-Site: same-origin`, which a browser sets and no page can forge; as mcp-endpoint.ts
 * guards its relay. No CORS header is ever sent. Answers are JSON `{error}` in plain words, never with the token.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HookAckSchema,
  HookPathsBodySchema,
  HOOKS_ACK_PATH,
  HOOKS_INFO_PATH,
  HOOKS_PATHS_PATH,
  HOOKS_PREFIX,
  HOOKS_RELAY_PREFIX,
  HOOKS_STREAM_PATH,
  type HookEvent
} from '../src/lib/triggers/webhooks/protocol';
import { createGate } from './gate';
import { hookBody, hookPathOf, hookRequest, hookTokenOk } from './hooks-request';
import type { HookStore } from './hooks-store';
import { createHookStreams } from './hooks-stream';
import { createRateLimiter } from './rate-limit';
import { readLimitedBody } from './read-body';
import { Refusal, replyJson } from './json-reply';

export const HOOK_LIMITS = {
  /** Largest webhook body; a bigger one gets 413. */
  maxBodyBytes: 1024 * 1024,
  /** Webhooks per minute per path (a token bucket: a minute's worth may come at once); then 429. */
  perMinute: 600,
  /** Events kept waiting for the studio per path, and in all; past that 429 until the studio takes them. */
  maxPendingPerPath: 1000,
  maxPendingTotal: 10_000,
  /** Studio streams open at once. */
  maxStreams: 16,
  /** Largest studio message (the published paths). */
  maxRelayBytes: 256 * 1024
};
export type HookLimits = typeof HOOK_LIMITS;

export interface HooksEndpointOptions {
  token: string;
  store: HookStore;
  /** `host:port` names the server answers to as itself (see gate.ts `ownHosts`). */
  hosts: readonly string[];
  limits?: Partial<HookLimits>;
  pingMs?: number;
  now?: () => number;
}

export interface HooksEndpoint {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): void;
}


export function createHooksEndpoint(options: HooksEndpointOptions): HooksEndpoint {
  const limits = { ...HOOK_LIMITS, ...options.limits };
  const { store } = options;
  const gate = createGate({ hosts: options.hosts });
  const flood = createRateLimiter(limits.perMinute, options.now);
  const streams = createHookStreams({ pingMs: options.pingMs, maxStreams: limits.maxStreams });
  const now = options.now ?? Date.now;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    const hook = url.pathname.startsWith(HOOKS_PREFIX);
    if (!hook && !url.pathname.startsWith(HOOKS_RELAY_PREFIX)) return false;
    try {
      if (hook) await receive(req, res, url);
      else await relay(req, res, url.pathname);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      if (res.headersSent) res.destroy();
      else replyJson(res, err.status, { error: err.message }, err.headers);
    }
    return true;
  }

  async function receive(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hookTokenOk(req, url, options.token)) {
      throw new Refusal(401, 'this needs the webhook token: Authorization: Bearer TOKEN, or ?token=TOKEN (the trigger inspector in the studio shows it)', {
        'www-authenticate': 'Bearer realm="sous-hooks"'
      });
    }
    if (req.method !== 'POST') throw new Refusal(405, 'webhooks take POST', { allow: 'POST' });
    const path = hookPathOf(url.pathname, HOOKS_PREFIX);
    if (!path || !store.paths().has(path)) throw new Refusal(404, `no started webhook recipe at ${HOOKS_PREFIX}${path ?? ''}; start the recipe in the studio`);
    const allowed = flood.take(path);
    if (!allowed.ok) {
      throw new Refusal(429, `too many requests to ${HOOKS_PREFIX}${path} (at most ${limits.perMinute} a minute); try again in ${allowed.retryAfterSeconds} s`, {
        'retry-after': String(allowed.retryAfterSeconds)
      });
    }
    if (store.pendingCount(path) >= limits.maxPendingPerPath || store.pendingTotal() >= limits.maxPendingTotal) {
      throw new Refusal(429, `too many webhooks are waiting for the studio to take them (${store.pendingCount(path)} at ${HOOKS_PREFIX}${path}); open the studio, then try again`, {
        'retry-after': '30'
      });
    }
    const raw = await readLimitedBody(req, limits.maxBodyBytes);
    if (raw === null) throw new Refusal(413, `the body is over the webhook size limit of ${limits.maxBodyBytes / 1024} KiB`, { connection: 'close' });
    const body = hookBody(req, raw);
    if (!body.ok) throw new Refusal(400, body.message);
    const event: HookEvent = {
      event_id: `wh_${randomUUID()}`,
      path,
      received_at: new Date(now()).toISOString(),
      request: hookRequest(req, url, body.body)
    };
    await store.add(event);
    replyJson(res, 202, { event_id: event.event_id });
    streams.broadcast(event);
  }

  async function relay(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    studioOnly(req);
    const method = req.method ?? 'GET';
    const route = `${method} ${path}`;
    if (route === `GET ${HOOKS_INFO_PATH}`) {
      return replyJson(res, 200, { token: options.token, base_url: `http://${req.headers.host}${HOOKS_PREFIX}` });
    }
    if (route === `GET ${HOOKS_STREAM_PATH}`) {
      if (!(await streams.open(req, res, () => store.pending()))) throw new Refusal(429, 'too many studio tabs are listening for webhooks');
      return;
    }
    if (route === `PUT ${HOOKS_PATHS_PATH}`) {
      const parsed = HookPathsBodySchema.safeParse(await readJson(req));
      if (!parsed.success) throw new Refusal(400, `not a list of webhook paths: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      store.setPaths([...new Set(parsed.data.paths)]);
      return void res.writeHead(204).end();
    }
    if (route === `POST ${HOOKS_ACK_PATH}`) {
      const parsed = HookAckSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new Refusal(400, `not a webhook acknowledgement: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      const result = await store.ack(parsed.data.event_id, parsed.data.job_id);
      if (result === 'unknown') throw new Refusal(404, `no webhook event ${parsed.data.event_id}`);
      return void res.writeHead(204).end();
    }
    throw new Refusal(404, `the studio's webhook relay has GET ${HOOKS_INFO_PATH}, PUT ${HOOKS_PATHS_PATH}, GET ${HOOKS_STREAM_PATH} and POST ${HOOKS_ACK_PATH}`);
  }

  function studioOnly(req: IncomingMessage): void {
    if (!gate.hostOk(req)) throw new Refusal(403, 'this request names another host than this server; it is refused (DNS rebinding defence)');
    if (gate.isNavigation(req)) throw new Refusal(403, "this is the studio's webhook relay, not a page to open");
    const origin = gate.origin(req);
    const ownOrigin = origin.kind === 'allowed' && gate.ownOrigin(origin.origin);
    if (origin.kind !== 'absent' && !ownOrigin) throw new Refusal(403, `the origin ${origin.origin} may not use the studio's webhook relay`);
    if (!ownOrigin && req.headers['sec-fetch-site'] !== 'same-origin') {
      throw new Refusal(403, 'only the studio served from this same origin may use the webhook relay');
    }
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const raw = await readLimitedBody(req, limits.maxRelayBytes);
    if (raw === null) throw new Refusal(413, `a message here may be ${limits.maxRelayBytes} bytes at most`, { connection: 'close' });
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw new Refusal(400, 'the body is not JSON');
    }
  }

  return { handle, close: () => streams.close() };
}

