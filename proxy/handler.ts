/**
 * The proxy's HTTP routes on the studio's server: `/proxy?url=<encoded absolute URL>` forwards the method,
 * headers and body it was sent with; `GET /proxy/token` hands the per-install token to the studio.
 *
 *   request ─► Host is ours? ─► not a page load? ─► Origin allowed (or absent)? ─► preflight? answer it
 *           ─► token right? ─► under the rate? ─► target parses and is not a forbidden literal?
 *           ─► body within the limit? ─► forward (every connection judged at connect time) ─► answer + log
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createAddressPolicy } from './address-policy';
import { ProxyError, errorBody, findProxyError } from './errors';
import { createForwarder } from './forward';
import { createGate } from './gate';
import type { Resolver } from './guarded-agent';
import type { HostPolicy } from './host-policy';
import { ERROR_HEADER, TOKEN_HEADER, studioResponseHeaders, upstreamRequestHeaders } from './headers';
import type { Limits } from './limits';
import { consoleSink, formatLogLine, type LogSink } from './log';
import { createRateLimiter } from './rate-limit';
import { readLimitedBody } from './read-body';
import { parseTarget } from './target';
import { tokenMatches } from './token';

export interface ProxyConfig {
  token: string;
  /** `host:port` names the server answers to as itself (see `ownHosts`). */
  hosts: readonly string[];
  /** Extra allowed studio origins. */
  origins?: readonly string[];
  /** Allowlist: host names or CIDR ranges the policy opens. */
  allow?: readonly string[];
  /** Exact `host:port` pairs the studio opened while the server runs (proxy/runtime-allow.ts). */
  opened?: { has(hostname: string, port: number): boolean };
  /** The policy's `hosts`, set at start (`--policy`) or by the studio (`/proxy-settings/policy`). */
  hostPolicy?: HostPolicy;
  limits: Limits;
  resolve?: Resolver;
  /** Extra trusted CA certificates (PEM) for upstream TLS. */
  extraCa?: readonly string[];
  log?: LogSink;
  /** Clock for the rate limiter (tests). */
  now?: () => number;
}

export interface ProxyHandler {
  /** Answer the request if it is the proxy's; false when it is not (the static server takes it). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Every answer of the proxy: never sniffed, never run as a page, never embedded by other sites, never cached. */
const SAFE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store'
};

const NAVIGATION_TEXT =
  'This address is the Sous proxy. It forwards API calls the Sous studio makes and is not a page to open: ' +
  'open the studio instead. (Opened in a tab, an upstream page would run with the studio\'s rights, so the proxy refuses.)\n';

export function createProxyHandler(config: ProxyConfig): ProxyHandler {
  const gate = createGate({ hosts: config.hosts, origins: config.origins });
  const policy = createAddressPolicy({ allow: config.allow, opened: config.opened });
  const forwarder = createForwarder({ policy, hostPolicy: config.hostPolicy, limits: config.limits, resolve: config.resolve, extraCa: config.extraCa });
  const limiter = createRateLimiter(config.limits.requestsPerMinute, config.now);
  const log = config.log ?? consoleSink;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/proxy' && !path.startsWith('/proxy/')) return false;
    const started = performance.now();
    const method = req.method ?? 'GET';
    let target: URL | string | undefined = new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? undefined;
    let cors: Record<string, string> = { vary: 'Origin' };

    const finish = (status: number, headers: Record<string, string | string[]>, body: Buffer | string, code?: string) => {
      const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      const vary = [headers['vary'], cors.vary].flat().filter(Boolean).join(', ');
      res.writeHead(status, { ...headers, ...cors, vary, ...SAFE_HEADERS, 'content-length': String(bytes) });
      res.end(method === 'HEAD' ? undefined : body);
      log(formatLogLine({ time: new Date(), method, target: target ?? path, status, bytes, ms: performance.now() - started, code }));
    };
    const fail = (err: ProxyError) => {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', [ERROR_HEADER]: err.code, ...err.headers };
      if (cors['access-control-allow-origin']) headers['access-control-expose-headers'] = [ERROR_HEADER, ...Object.keys(err.headers)].join(', ');
      finish(err.status, headers, errorBody(err.code, err.message), err.code);
    };

    try {
      if (!gate.hostOk(req)) {
        throw new ProxyError('wrong_host', 'this request names another host than the proxy itself; it is refused (DNS rebinding defence)');
      }
      if (gate.isNavigation(req)) {
        finish(403, { 'content-type': 'text/plain; charset=utf-8', [ERROR_HEADER]: 'navigation_refused' }, NAVIGATION_TEXT, 'navigation_refused');
        return true;
      }
      const origin = gate.origin(req);
      if (origin.kind === 'refused') throw new ProxyError('forbidden_origin', `the origin ${origin.origin} is not a Sous studio this proxy serves`);
      if (origin.kind === 'allowed') cors = { 'access-control-allow-origin': origin.origin, vary: 'Origin' };

      if (path === '/proxy/token') {
        tokenRoute(req, origin.kind === 'allowed' ? origin.origin : undefined);
        cors = { vary: 'Origin' };
        finish(200, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ token: config.token }));
        return true;
      }
      if (path !== '/proxy') throw new ProxyError('not_found', 'the proxy answers at /proxy?url=… and /proxy/token only');

      if (method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string') {
        if (origin.kind !== 'allowed') throw new ProxyError('forbidden_origin', 'a CORS preflight must come from a Sous studio origin');
        finish(204, preflightHeaders(req), '');
        return true;
      }
      if (!METHODS.has(method)) throw new ProxyError('method_not_allowed', `the proxy does not forward ${method} requests`);
      const given = req.headers[TOKEN_HEADER];
      if (!tokenMatches(config.token, given)) {
        throw new ProxyError('bad_token', `missing or wrong ${TOKEN_HEADER} header: the studio gets it from /proxy/token`);
      }
      const rate = limiter.take(config.token);
      if (!rate.ok) {
        throw new ProxyError('rate_limited', `more than ${config.limits.requestsPerMinute} requests a minute; try again in ${rate.retryAfterSeconds} s`, {
          'retry-after': String(rate.retryAfterSeconds)
        });
      }
      const url = parseTarget(typeof target === 'string' ? target : undefined);
      target = url;
      const body = await readBody(req, config.limits.maxRequestBytes);
      const aborted = new AbortController();
      res.once('close', () => aborted.abort());
      const result = await forwarder.forward({ method, url, headers: upstreamRequestHeaders(req.headers), body }, aborted.signal);
      const headers = studioResponseHeaders(result.headers);
      if (cors['access-control-allow-origin']) headers['access-control-expose-headers'] = Object.keys(headers).join(', ');
      finish(result.status, headers, result.body);
      return true;
    } catch (err) {
      const known = findProxyError(err);
      if (known) {
        if (known.code === 'request_too_large') res.setHeader('connection', 'close');
        fail(known);
        return true;
      }
      throw err;
    }
  }

  /**
   * Why the token is handed out like this. The token stops other web pages from driving the proxy: any
   * site can make the browser send requests to localhost, so the token must reach only the studio. The
   * studio is served from this very server, so it can fetch `/proxy/token` as a same-origin request; we
   * require the browser's own `Sec-Fetch-Site: same-origin` (which pages cannot forge) and send no CORS
   * headers here, so no other site gets it, nor a page on another port of localhost (same-site, not
   * same-origin). A page that rebinds its own name to 127.0.0.1 looks same-origin to the browser, but its
   * requests still say `Host: its-name`, so the Host check (done before this) refuses it. A browser that
   * sends no Sec-Fetch-Site is refused: we cannot tell who asks. Local programs can read the token file
   * anyway; the token guards against web pages, not against the user's own processes. A team running the
   * proxy alone (studio on another origin) gives the token to its people by hand, from the file.
   */
  function tokenRoute(req: IncomingMessage, origin: string | undefined): void {
    if (req.method !== 'GET') throw new ProxyError('method_not_allowed', 'GET /proxy/token only');
    if (req.headers['sec-fetch-site'] !== 'same-origin' || (origin !== undefined && !gate.ownOrigin(origin))) {
      throw new ProxyError('forbidden_origin', 'the proxy token is handed only to the studio served from this same origin');
    }
  }

  return { handle, close: () => forwarder.close() };
}

function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
    'access-control-allow-methods': [...METHODS].join(', '),
    'access-control-max-age': '600'
  };
  const asked = req.headers['access-control-request-headers'];
  // Header names only (RFC 9110 tokens), so nothing else can be smuggled into the answer.
  if (typeof asked === 'string' && /^[!#$%&'*+.^_`|~0-9a-z, -]*$/i.test(asked)) headers['access-control-allow-headers'] = asked;
  if (req.headers['access-control-request-private-network'] === 'true') headers['access-control-allow-private-network'] = 'true';
  return headers;
}

/** Read the studio's request body, refusing it (413) as soon as it passes `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const body = await readLimitedBody(req, max);
  if (body === null) throw new ProxyError('request_too_large', `the request body is larger than the limit of ${max} bytes`);
  return body.length > 0 ? body : undefined;
}
