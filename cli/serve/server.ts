/**
 * The HTTP side of `sous serve` (node:http, 127.0.0.1 only): `GET /health` for anyone; with the token
 * (`Authorization: Bearer TOKEN` or `?token=TOKEN`), `POST /hooks/PATH`, `GET /jobs`, `GET /jobs/ID` and
 * `POST /jobs/ID/answer` (a person's answer to an uncertain step).
 * Every answer is JSON; an error is `{error}` in plain words. The token is never echoed or logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readLimitedBody } from '../../proxy/read-body';
import { createRateLimiter } from '../../proxy/rate-limit';
import { UNCERTAIN_CHOICES, type Job } from '../../src/lib/recipe';
import type { UncertainReply } from '../../src/lib/engine';
import type { AcceptResult, TriggerEvent } from '../../src/lib/triggers/queue';
import { sameToken } from './token';

export const SERVE_LIMITS = {
  /** Largest webhook body read; a bigger one gets 413. */
  maxBodyBytes: 1024 * 1024,
  /** Webhook requests per minute per path (a token bucket: a minute's worth may come at once); then 429. */
  hooksPerMinute: 600,
  /** `GET /jobs`: default and largest `?limit`. */
  defaultJobs: 100,
  maxJobs: 10_000
} as const;

/** The queue's answer, or (with `--queue`) that Redis did not take the event: 503, send it again. */
export type ServeAcceptResult = AcceptResult | { status: 'unavailable'; event_id: string; message: string };

export interface ServeServerDeps {
  token: string;
  /** The started webhook recipes by path (no leading or trailing slash): path → recipe id. */
  hooks: ReadonlyMap<string, string>;
  accept(event: TriggerEvent): Promise<ServeAcceptResult>;
  listJobs(query: { limit: number; recipe?: string }): Promise<Job[]>;
  loadJob(id: string): Promise<Job | undefined>;
  /** With `--queue` it may be async and say `status: "unavailable"` (Redis unreachable): then 503. */
  health(): { queue_depth: number | null; workers: unknown; status?: string } | Promise<{ queue_depth: number | null; workers: unknown; status?: string }>;
  /** An uncertain step's answer: 202 once checked (the job goes on in the background), else why not. */
  answer?(jobId: string, path: string, reply: UncertainReply): Promise<{ status: 202 } | { status: 404 | 409; error: string }>;
  newId?: () => string;
  limits?: Partial<typeof SERVE_LIMITS>;
}

export function createServeServer(deps: ServeServerDeps): Server {
  const limits = { ...SERVE_LIMITS, ...deps.limits };
  const flood = createRateLimiter(limits.hooksPerMinute);
  const newId = deps.newId ?? (() => crypto.randomUUID());
  // An answer may echo what the caller sent (a path, a job id, a limit): never the token, wherever it was put.
  const reply = (res: ServerResponse, status: number, body: unknown, close = false) =>
    send(res, status, body, close, deps.token);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    // Only GET /health is open (for a load balancer or a supervisor); everything else needs the token.
    if (url.pathname === '/health' && method === 'GET') {
      const health = { status: 'ok', ...(await deps.health()) };
      return reply(res, health.status === 'ok' ? 200 : 503, health);
    }
    if (!authorized(req, url, deps.token)) {
      return reply(res, 401, { error: 'this needs the sous serve token: Authorization: Bearer TOKEN, or ?token=TOKEN' });
    }
    if (url.pathname === '/health') return reply(res, 405, { error: 'use GET /health' });
    if (url.pathname.startsWith('/hooks/')) {
      if (method !== 'POST') return reply(res, 405, { error: 'webhooks take POST' });
      return hook(req, res, url);
    }
    if (url.pathname === '/jobs' || url.pathname === '/jobs/') {
      if (method !== 'GET') return reply(res, 405, { error: 'use GET /jobs' });
      const limitText = url.searchParams.get('limit');
      const limit = limitText === null ? limits.defaultJobs : /^\d{1,6}$/.test(limitText) ? Number(limitText) : NaN;
      if (!(limit >= 1 && limit <= limits.maxJobs)) {
        return reply(res, 400, { error: `limit must be a whole number from 1 to ${limits.maxJobs}, not "${limitText}"` });
      }
      const recipe = url.searchParams.get('recipe') ?? undefined;
      return reply(res, 200, { jobs: await deps.listJobs({ limit, recipe }) });
    }
    const answerMatch = deps.answer ? /^\/jobs\/([^/]+)\/answer$/.exec(url.pathname) : null;
    if (answerMatch) {
      if (method !== 'POST') return reply(res, 405, { error: 'use POST /jobs/ID/answer' });
      return answer(req, res, answerMatch[1]);
    }
    const jobMatch = /^\/jobs\/([^/]+)$/.exec(url.pathname);
    if (jobMatch) {
      if (method !== 'GET') return reply(res, 405, { error: 'use GET /jobs/ID' });
      let id: string;
      try {
        id = decodeURIComponent(jobMatch[1]);
      } catch {
        return reply(res, 404, { error: 'no such job' });
      }
      const job = await deps.loadJob(id);
      return job ? reply(res, 200, job) : reply(res, 404, { error: `no job ${id}` });
    }
    return reply(res, 404, { error: `no route ${method} ${url.pathname}; sous serve has POST /hooks/PATH, GET /jobs, GET /jobs/ID, POST /jobs/ID/answer and GET /health` });
  }

  /** `{path, choice: continue|rerun|stop, output?, by?}`: `by` names who answered (default "api"), kept on the step. */
  async function answer(req: IncomingMessage, res: ServerResponse, rawId: string): Promise<void> {
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      return reply(res, 404, { error: 'no such job' });
    }
    const body = await readLimitedBody(req, limits.maxBodyBytes);
    if (body === null) return reply(res, 413, { error: `the body is over the size limit of ${describeBytes(limits.maxBodyBytes)}` }, true);
    let parsed: { path?: unknown; choice?: unknown; output?: unknown; by?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8') || 'null') ?? {};
    } catch (err) {
      return reply(res, 400, { error: `the body is not JSON: ${err instanceof Error ? err.message : String(err)}` });
    }
    const { path, choice, output, by } = parsed;
    if (typeof path !== 'string' || !(UNCERTAIN_CHOICES as readonly unknown[]).includes(choice)) {
      return reply(res, 400, { error: `send {"path": STEP_PATH, "choice": one of ${UNCERTAIN_CHOICES.join(', ')}, "output"?: …, "by"?: NAME}` });
    }
    const who = typeof by === 'string' && by.trim() ? by.trim().slice(0, 200) : 'api';
    const result = await deps.answer!(id, path, { choice: choice as UncertainReply['choice'], by: who, output });
    return result.status === 202 ? reply(res, 202, { job_id: id }) : reply(res, result.status, { error: result.error });
  }

  async function hook(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice('/hooks/'.length)).replace(/^\/+|\/+$/g, '');
    } catch {
      return reply(res, 404, { error: 'no started webhook recipe at that path' });
    }
    const recipeId = deps.hooks.get(path);
    if (recipeId === undefined) return reply(res, 404, { error: `no started webhook recipe at /hooks/${path}` });
    const allowed = flood.take(path);
    if (!allowed.ok) {
      res.setHeader('Retry-After', String(allowed.retryAfterSeconds));
      return reply(res, 429, { error: `too many requests to /hooks/${path} (at most ${limits.hooksPerMinute} a minute); try again in ${allowed.retryAfterSeconds} s` });
    }
    const tooBig = { error: `the body is over the webhook size limit of ${describeBytes(limits.maxBodyBytes)}` };
    const body = await readLimitedBody(req, limits.maxBodyBytes);
    if (body === null) return reply(res, 413, tooBig, true);
    let parsed: unknown = body.length === 0 ? null : body.toString('utf8');
    if (body.length > 0 && /^application\/([\w.+-]*\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (err) {
        return reply(res, 400, { error: `the body says it is JSON but is not: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    const payload = webhookOutput(req, url, parsed, deps.token);
    const event: TriggerEvent = { event_id: newId(), recipe_id: recipeId, kind: 'webhook', payload };
    const result = await deps.accept(event);
    switch (result.status) {
      case 'accepted':
      case 'duplicate':
        return reply(res, 202, { event_id: result.event_id });
      case 'full':
        res.setHeader('Retry-After', '5');
        return reply(res, 429, { error: `too many events waiting: ${result.message}` });
      case 'unavailable':
        res.setHeader('Retry-After', '2');
        return reply(res, 503, { error: `the event was not accepted: ${result.message}; send it again` });
      case 'stopped':
        return reply(res, 503, { error: 'sous serve is stopping and takes no new events' });
      default:
        return reply(res, 500, { error: `the event was not queued: ${'message' in result ? result.message : result.status}` });
    }
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) reply(res, 500, { error: `sous serve could not answer: ${err instanceof Error ? err.message : String(err)}` });
      else res.destroy();
    });
  });
}

/** Request headers that carry credentials: never handed to a job. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/**
 * The webhook trigger's output: `{method, headers, query, body}`, without the Authorization (and Cookie)
 * header or the `token` parameter; and the token itself, wherever else a caller put it (another header, a
 * query value, the body), is blanked, so it never reaches a job, its journal or GET /jobs.
 */
export function webhookOutput(req: IncomingMessage, url: URL, body: unknown, token?: string) {
  const blank = (value: string) => (token && value.includes(token) ? value.split(token).join(TOKEN_REMOVED) : value);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SECRET_HEADERS.has(name)) continue;
    headers[name] = blank(Array.isArray(value) ? value.join(', ') : value);
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (name !== 'token') query[blank(name)] = blank(value);
  return { method: req.method ?? 'POST', headers, query, body: token ? blankDeep(body, blank) : body };
}

/** What stands where the token was. */
export const TOKEN_REMOVED = '[token removed]';

function blankDeep(value: unknown, blank: (text: string) => string): unknown {
  if (typeof value === 'string') return blank(value);
  if (Array.isArray(value)) return value.map((v) => blankDeep(v, blank));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [blank(k), blankDeep(v, blank)]));
  }
  return value;
}

function authorized(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization;
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  return sameToken(bearer ?? url.searchParams.get('token') ?? undefined, token);
}

function send(res: ServerResponse, status: number, body: unknown, close: boolean, token: string): void {
  // The token as it stands inside a JSON string (escaped where it holds `"` or `\`).
  const text = JSON.stringify(body).split(JSON.stringify(token).slice(1, -1)).join(TOKEN_REMOVED);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {})
  });
  res.end(text);
}

function describeBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}
