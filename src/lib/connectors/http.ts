/**
 * The built-in `http` connector: one `request` action. A JSON response body is parsed; a non-2xx status
 * fails the step, and 429, 5xx, network errors and timeouts may be retried (honouring Retry-After).
 */
import { z } from 'zod';
import { StepFailure, connectorError } from '../engine/errors';
import { parseRetryAfter } from '../engine/retry';
import { redactorFor, type Redactor } from '../engine/redact';
import { scrubSecrets } from '../recipe/export';
import { defineConnector } from './sdk';
import { applyAuth, HTTP_CONNECTION_FIELDS } from './http-auth';
import { checkHttp } from './http-check';
import { hasIdempotencyKey, methodEffect } from './method-effect';

export const HttpRequestInput = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).default('GET'),
  url: z.string().url(),
  headers: z.record(z.string(), z.string()).optional(),
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  body: z.unknown().optional(),
  timeout_ms: z.number().int().min(1).max(300_000).optional()
});

export const HttpResponseOutput = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown()
});

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A fetch that holds this symbol (true) keeps a request's time limit itself, given as `init[TIMEOUT_MS]`,
 * and rejects with a "TimeoutError" DOMException when it passes (cli/http-pool.ts does): the connector
 * then hands on the job's own signal and makes no controller, timer and listeners of its own per call.
 */
export const TIMEOUT_MS = Symbol.for('sous.fetch.timeoutMs');

export interface HttpOptions {
  /** The fetch to use: the browser's own, or one that goes through the local proxy. */
  fetch?: typeof fetch;
  now?: () => Date;
}

export function createHttpConnector(options: HttpOptions = {}) {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? (() => new Date());
  return defineConnector({
    id: 'http',
    label: 'HTTP',
    description: 'Call any web API.',
    connection: HTTP_CONNECTION_FIELDS,
    check: (connection, ctx) => checkHttp(doFetch, connection, ctx.signal),
    actions: {
      request: {
        label: 'Send an HTTP request',
        // By method (method-effect.ts): a GET reads, a POST writes. Declared as the stronger for lists
        // that show one word per action; effectOf/idempotentOf say what a given step does. A write that sends
        // an Idempotency-Key is done once by the server however often it is sent, so it may be repeated.
        effect: 'write',
        idempotent: false,
        effectOf: (input) => methodEffect(input.method).effect,
        idempotentOf: (input) => methodEffect(input.method).idempotent || hasIdempotencyKey(input.headers),
        input: HttpRequestInput,
        output: HttpResponseOutput,
        retryable: (err) => err instanceof StepFailure && err.retryable,
        async execute(input, ctx) {
          const url = new URL(input.url);
          if (input.query) for (const key in input.query) url.searchParams.set(key, String(input.query[key]));
          const sendsBody = input.body !== undefined && input.body !== null && input.method !== 'GET' && input.method !== 'HEAD';
          // A request with no header, connection or body is handed on with no headers at all: a Headers
          // made and read back costs more than a call to a local server does.
          const bare = !ctx.connection && !sendsBody && (input.headers === undefined || Object.keys(input.headers).length === 0);
          const headers = bare ? undefined : new Headers(input.headers ?? {});
          let body: BodyInit | undefined;
          if (headers) {
            try {
              applyAuth(url, headers, ctx.connection);
            } catch (err) {
              throw connectorError(err instanceof Error ? err.message : String(err), { code: 'connection' });
            }
            if (sendsBody) {
              if (typeof input.body === 'string') body = input.body;
              else {
                body = JSON.stringify(input.body);
                if (!headers.has('content-type')) headers.set('content-type', 'application/json');
              }
            }
          }
          const limit = input.timeout_ms ?? DEFAULT_TIMEOUT_MS;
          const timesItself = (doFetch as { [TIMEOUT_MS]?: boolean })[TIMEOUT_MS] === true;
          const call = timesItself ? undefined : callSignal(ctx.signal, limit);
          let response: Response;
          let text: string;
          try {
            try {
              const init: RequestInit & { [TIMEOUT_MS]?: number } = { method: input.method, headers, body, signal: call ? call.signal : ctx.signal };
              if (timesItself) init[TIMEOUT_MS] = limit;
              response = await doFetch(url, init);
            } catch (err) {
              if (call ? call.timedOut() : !ctx.signal.aborted && isTimeout(err)) {
                throw connectorError(`no answer from ${url.host} within ${limit} ms`, { code: 'timeout', retryable: true });
              }
              if (ctx.signal.aborted) throw err;
              // Refused before sending (a policy's hosts): already in words, and not worth a retry.
              if (err instanceof StepFailure) throw err;
              throw connectorError(`could not reach ${url.host}: ${reason(err)}`, { code: 'network', retryable: true });
            }
            text = await response.text();
          } finally {
            call?.release();
          }
          const responseHeaders = Object.fromEntries(response.headers.entries());
          const parsed = parseBody(text, response.headers.get('content-type'));
          const refusal = response.headers.get(PROXY_ERROR_HEADER);
          if (refusal) throw proxyRefusal(refusal, parsed, url);
          if (!response.ok) {
            const retryable = response.status === 429 || response.status >= 500;
            // Blanked before the body is shortened: a cut through an echoed secret would leave its first
            // half, which no later redaction could recognise.
            const hide = requestRedactor(input, ctx.connection);
            const said = `${url.origin}${url.pathname} answered ${response.status} ${hide.text(response.statusText)}`;
            throw connectorError(`${input.method} ${hide.text(said)}${snippet(hide.text(text))}`, {
              code: `http_${response.status}`,
              retryable,
              retryAfterMs: retryable ? parseRetryAfter(response.headers.get('retry-after'), now()) : undefined
            });
          }
          return { status: response.status, headers: responseHeaders, body: parsed };
        }
      }
    }
  });
}

/** The local proxy's own answers carry this header, so they are not mistaken for the API's. */
export const PROXY_ERROR_HEADER = 'x-sous-proxy-error';
/** Proxy refusals that may pass on their own; a forbidden address or a too-large answer will not. */
const PROXY_RETRYABLE = new Set(['rate_limited', 'timeout', 'upstream_unreachable']);

function proxyRefusal(code: string, body: unknown, url: URL) {
  const message = (body as { error?: { message?: string } } | null)?.error?.message ?? code;
  return connectorError(`the Sous proxy did not send this request to ${url.host}: ${message}`, {
    code: `proxy_${code}`,
    retryable: PROXY_RETRYABLE.has(code)
  });
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (contentType && /[/+]json\b/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * The secrets this request carried: the connection's (all but the fields that say how to authenticate,
 * and the user name) and any literal credential written in its headers, query or address.
 */
function requestRedactor(input: z.infer<typeof HttpRequestInput>, connection: Readonly<Record<string, string>> | undefined): Redactor {
  const entries = Object.entries(connection ?? {}).filter(([, v]) => typeof v === 'string' && v !== '');
  const secret = entries.filter(([name]) => !PUBLIC_FIELDS.has(name)).map(([, v]) => v);
  const open = entries.filter(([name]) => PUBLIC_FIELDS.has(name)).map(([, v]) => v);
  const literal = scrubSecrets({ url: input.url, headers: input.headers ?? {}, query: input.query ?? {} }).secrets;
  // `Bearer tok-…` is blanked as `Bearer ••••`: the scheme is no secret, and says what was refused.
  return redactorFor([...secret, ...literal.filter((v) => !AUTH_SCHEME.test(v))], open);
}

const AUTH_SCHEME = /^(?:bearer|basic|token|bot|digest|apikey)\s+\S+$/i;

const PUBLIC_FIELDS = new Set(HTTP_CONNECTION_FIELDS.filter((f) => !f.secret).map((f) => f.name));

/**
 * The call's signal: the job's (a cancel) or the step's time limit, whichever comes first, until the
 * answer is read. Made with one controller and one timer: AbortSignal.timeout with AbortSignal.any cost
 * tens of µs a call in Node, more than a request to a local server does.
 */
function callSignal(job: AbortSignal, ms: number): { signal: AbortSignal; timedOut: () => boolean; release: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(job.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, ms);
  if (job.aborted) controller.abort(job.reason);
  else job.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release: () => {
      clearTimeout(timer);
      job.removeEventListener('abort', onAbort);
    }
  };
}

function isTimeout(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === 'TimeoutError';
}

function snippet(text: string): string {
  const t = text.trim();
  if (!t) return '';
  return `: ${t.length > 200 ? t.slice(0, 200) + '…' : t}`;
}

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code;
  return err instanceof Error ? err.message : String(err);
}
