/**
 * The forwarding core: send one request upstream through the guarded Agent, follow redirects by hand
 * (each Location parsed and judged again, http and https only, at most `maxRedirects`), read the answer
 * under the size limit and the whole exchange under the total timeout. Every failure becomes a ProxyError
 * with its own code. The body is read whole before the studio gets an answer, so a limit hit mid-body still
 * gets a clear error rather than a cut-off 200.
 */
import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import type { AddressPolicy } from './address-policy';
import { ProxyError, findProxyError } from './errors';
import { createGuardedAgent, type Resolver } from './guarded-agent';
import type { HostPolicy } from './host-policy';
import { CROSS_ORIGIN_DROP } from './headers';
import type { Limits } from './limits';
import { checkLiteralHost, parseTarget } from './target';

export interface ForwardRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface ForwardResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Where the answer finally came from, after redirects. */
  url: URL;
  redirects: number;
}

export interface ForwarderOptions {
  policy: AddressPolicy;
  limits: Limits;
  resolve?: Resolver;
  /** Extra trusted CA certificates (PEM). */
  extraCa?: readonly string[];
  /** The policy's `hosts` in force, judged on every hop before anything is sent. */
  hostPolicy?: HostPolicy;
}

export interface Forwarder {
  forward(req: ForwardRequest, signal?: AbortSignal): Promise<ForwardResult>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createForwarder(options: ForwarderOptions): Forwarder {
  const { policy, limits } = options;
  const agent = createGuardedAgent({ policy, resolve: options.resolve, connectTimeoutMs: limits.connectTimeoutMs, extraCa: options.extraCa });

  async function forward(req: ForwardRequest, outer?: AbortSignal): Promise<ForwardResult> {
    const timer = AbortSignal.timeout(limits.totalTimeoutMs);
    const signal = outer ? AbortSignal.any([outer, timer]) : timer;
    let { method, url, body } = req;
    let headers = { ...req.headers };
    for (let redirects = 0; ; redirects++) {
      options.hostPolicy?.check(url);
      checkLiteralHost(url, policy);
      const res = await send(agent, { method, url, headers, body }, signal, limits).catch((err) => {
        throw translate(err, url, timer, limits);
      });
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
        discard(res.body);
        if (redirects >= limits.maxRedirects) {
          throw new ProxyError('too_many_redirects', `${req.url.host} redirected more than ${limits.maxRedirects} times`);
        }
        const next = parseTarget(location, url);
        if (next.origin !== url.origin) headers = withoutHeaders(headers, CROSS_ORIGIN_DROP);
        // As fetch does: 303 (and 301/302 after a POST) turn into a GET without a body; 307/308 keep both.
        if ((res.statusCode === 303 && method !== 'HEAD') || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers = withoutHeaders(headers, ['content-type', 'content-encoding', 'content-language', 'content-location']);
        }
        url = next;
        continue;
      }
      const data = await readLimited(res.body, res.headers['content-length'], limits.maxResponseBytes, url).catch((err) => {
        throw translate(err, url, timer, limits);
      });
      return { status: res.statusCode, headers: res.headers, body: data, url, redirects };
    }
  }

  return { forward, close: () => agent.close() };
}

function send(agent: Dispatcher, req: ForwardRequest, signal: AbortSignal, limits: Limits) {
  return request(req.url, {
    dispatcher: agent,
    method: req.method as Dispatcher.HttpMethod,
    headers: req.headers,
    body: req.body && req.body.length > 0 ? req.body : undefined,
    signal,
    headersTimeout: limits.totalTimeoutMs,
    bodyTimeout: limits.totalTimeoutMs
  });
}

/** Read a body whole, stopping (and closing the connection) as soon as it passes `max` bytes. */
async function readLimited(body: Readable, declared: string | string[] | undefined, max: number, url: URL): Promise<Buffer> {
  const tooLarge = () => new ProxyError('response_too_large', `the answer from ${url.host} is larger than the limit of ${max} bytes`);
  if (typeof declared === 'string' && Number(declared) > max) {
    discard(body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      discard(body);
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Stop reading a body and close its connection; undici reports that as an abort, which nobody needs. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function withoutHeaders(headers: Record<string, string | string[]>, names: string[]): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));
}

/** Turn whatever undici, net or the guarded lookup threw into the ProxyError the studio should see. */
function translate(err: unknown, url: URL, timer: AbortSignal, limits: Limits): ProxyError {
  const own = findProxyError(err);
  if (own) return own;
  if (timer.aborted) return new ProxyError('timeout', `no complete answer from ${url.host} within ${limits.totalTimeoutMs} ms`);
  const code = causeCode(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new ProxyError('timeout', `could not connect to ${url.host} within ${limits.connectTimeoutMs} ms`);
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new ProxyError('timeout', `no complete answer from ${url.host} within ${limits.totalTimeoutMs} ms`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ProxyError('upstream_unreachable', `could not resolve ${url.hostname}`);
  return new ProxyError('upstream_unreachable', `could not reach ${url.host}${code ? ` (${code})` : ''}`);
}

function causeCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
