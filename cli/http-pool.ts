/**
 * The fetch the CLI and the benchmarks give the http connector in Node. It goes through one undici Agent
 * that keeps connections open and reuses them across steps and jobs, and it is undici's `request` under a
 * fetch-shaped face: the WHATWG fetch machinery costs more per call than the request itself, and Node loads
 * it on a job's first call (50–100 ms), where this is loaded when the CLI starts. What the http connector
 * relies on is kept: redirects followed (as fetch's "follow", 20 at most), compressed answers decoded,
 * the status text, a network failure thrown as fetch throws it (a TypeError whose cause has the code).
 * `sous serve` has its own guarded agent (cli/serve/connectors.ts).
 */
import { STATUS_CODES } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
// undici's own Headers and Response: Node's globals of those names load a second copy of undici on first use.
import { Agent, Headers as UndiciHeaders, interceptors, request, Response as UndiciResponse, type Dispatcher } from 'undici';

/** Up to 64 open connections per origin, each kept 10 s after its last answer (the server may say less). */
export const httpAgent = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 64 });
const dispatcher: Dispatcher = httpAgent.compose(interceptors.redirect({ maxRedirections: 20 }));

/** Statuses whose answer has no body, which a Response may not be given one for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function headerPairs(init: HeadersInit | undefined): Record<string, string> {
  return Object.fromEntries(new UndiciHeaders((init ?? {}) as never).entries());
}

function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes);
    case 'deflate':
      return inflateSync(bytes);
    case 'br':
      return brotliDecompressSync(bytes);
    default:
      return bytes;
  }
}

export const pooledFetch = (async (input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<Response> => {
  const method = (init.method ?? 'GET').toUpperCase() as Dispatcher.HttpMethod;
  let answer: Dispatcher.ResponseData;
  let bytes: Buffer;
  try {
    answer = await request(urlOf(input), {
      method,
      headers: headerPairs(init.headers),
      body: init.body as string | undefined,
      signal: init.signal ?? undefined,
      dispatcher
    });
    bytes = Buffer.from(await answer.body.arrayBuffer());
  } catch (err) {
    // As fetch does: an abort is the signal's reason, anything else "fetch failed" with the cause.
    if (init.signal?.aborted) throw init.signal.reason;
    throw new TypeError('fetch failed', { cause: err });
  }
  const headers = new UndiciHeaders();
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
  }
  const encoding = headers.get('content-encoding') ?? undefined;
  const body = NULL_BODY.has(answer.statusCode) || method === 'HEAD' ? null : decoded(bytes, encoding);
  if (body && encoding) headers.delete('content-encoding');
  return new UndiciResponse(body, { status: answer.statusCode, statusText: STATUS_CODES[answer.statusCode] ?? '', headers }) as unknown as globalThis.Response;
}) as typeof fetch;
