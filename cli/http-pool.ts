/**
 * The fetch the CLI and the benchmarks give the http connector in Node. It goes through Node's own http and
 * https clients with one keep-alive agent each, so connections are reused across steps and jobs, under a
 * fetch-shaped face: the WHATWG fetch machinery (and undici's JavaScript parser, compiled on a job's first
 * calls) costs more per call than the request itself, where Node's parser is native and its client is
 * compiled into Node. What the http connector relies on is kept: redirects followed as fetch's "follow"
 * does (20 at most; a 303, or a 301/302 after a POST, goes on as a GET; credentials are not sent to another
 * origin), compressed answers decoded, the status text, a network failure thrown as fetch throws it (a
 * TypeError whose cause has the code), an abort thrown as the signal's reason.
 * `sous serve` has its own guarded agent (cli/serve/connectors.ts).
 */
import { Agent as HttpAgent, request as httpRequest, STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/**
 * Up to 64 open connections per origin; an idle one is closed after 10 s (sooner when the server's
 * Keep-Alive header says so, which Node's agent honours), and never keeps the process alive.
 */
const AGENT = { keepAlive: true, maxSockets: 64, maxFreeSockets: 64, timeout: 10_000, scheduling: 'lifo' as const };
export const httpAgent = new HttpAgent(AGENT);
export const httpsAgent = new HttpsAgent(AGENT);

/** Statuses whose answer has no body, which a Response may not be given one for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** Methods a request on a connection the server had just closed may be sent again for: they change nothing. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Sent {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body: string | Uint8Array | undefined;
}

/** The address to call, parsed once: a URL given (the http connector's) is used as it is, never changed. */
function urlOf(input: Parameters<typeof fetch>[0]): URL {
  if (input instanceof URL) return input;
  return new URL(typeof input === 'string' ? input : input.url);
}

function headerRecord(init: HeadersInit | undefined): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  if (!init) return out;
  // A Headers (or an answer's headers handed on) and a list of pairs iterate; a record does not.
  const pairs: Iterable<[string, string]> =
    Symbol.iterator in init ? (init as Iterable<[string, string]>) : Object.entries(init as Record<string, string>);
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    // As fetch's Headers: a name given twice is sent once, its values joined.
    out[key] = out[key] === undefined ? String(value) : `${out[key]}, ${value}`;
  }
  return out;
}

function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('this fetch sends text or bytes as a body');
}

/**
 * The time limit the http connector hands on (src/lib/connectors/http.ts's TIMEOUT_MS): this fetch keeps it
 * itself, over every redirect and the whole answer, with one timer per request instead of the controller,
 * timer and two listeners a signal for it would take.
 */
const TIMEOUT_MS = Symbol.for('sous.fetch.timeoutMs');

function timeoutError(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/** One request and its whole answer; a network failure, an abort or the deadline passing rejects. */
function exchange(sent: Sent, signal: AbortSignal | undefined, deadline: number | undefined): Promise<{ res: IncomingMessage; bytes: Buffer; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const https = sent.url.protocol === 'https:';
    const req = (https ? httpsRequest : httpRequest)(sent.url, { method: sent.method, headers: sent.headers, agent: https ? httpsAgent : httpAgent });
    const onAbort = () => req.destroy(signal?.reason);
    // Past the deadline, whatever the destroyed request then reports (an error, an answer cut off) is the timeout.
    let late = false;
    const timer =
      deadline === undefined
        ? undefined
        : setTimeout(() => {
            late = true;
            req.destroy(timeoutError());
          }, Math.max(0, deadline - Date.now()));
    const done = (fn: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
      fn();
    };
    const fail = (err: Error) => done(() => reject(late ? timeoutError() : err));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => fail(Object.assign(err, { reusedSocket: req.reusedSocket })));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('aborted', () => fail(Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' })));
      res.on('end', () => done(() => resolve({ res, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), reused: req.reusedSocket })));
    });
    req.end(sent.body);
  });
}

/** The next request of a redirect, as fetch's "follow" makes it; undefined when the answer is no redirect. */
function redirected(sent: Sent, res: IncomingMessage): Sent | undefined {
  const location = res.headers.location;
  if (!REDIRECT.has(res.statusCode ?? 0) || !location) return undefined;
  const url = new URL(location, sent.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`a redirect to ${url.protocol} is not followed`);
  const headers = { ...sent.headers };
  let { method, body } = sent;
  if ((res.statusCode === 303 && method !== 'GET' && method !== 'HEAD') || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
    method = 'GET';
    body = undefined;
    for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) delete headers[name];
  }
  // Credentials go only to the origin they were written for.
  if (url.origin !== sent.url.origin) for (const name of ['authorization', 'cookie', 'proxy-authorization', 'host']) delete headers[name];
  return { url, method, headers, body };
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

async function send(first: Sent, signal: AbortSignal | undefined, deadline: number | undefined): Promise<{ res: IncomingMessage; bytes: Buffer; url: URL; hops: number }> {
  let sent = first;
  for (let hops = 0; ; hops++) {
    let answer: Awaited<ReturnType<typeof exchange>>;
    try {
      answer = await exchange(sent, signal, deadline);
    } catch (err) {
      // The server closed a kept-alive connection as this request went out on it: a safe request is sent
      // again on a fresh one, as a browser does; nothing else is, since it may have arrived.
      const code = (err as { code?: string }).code;
      if (!(err as { reusedSocket?: boolean }).reusedSocket || code !== 'ECONNRESET' || !SAFE.has(sent.method) || signal?.aborted) throw err;
      answer = await exchange(sent, signal, deadline);
    }
    const next = redirected(sent, answer.res);
    // A literal, not a spread: a spread that adds keys costs each call microseconds in V8.
    if (!next) return { res: answer.res, bytes: answer.bytes, url: sent.url, hops };
    if (hops >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    sent = next;
  }
}

export const pooledFetch = (async (input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<Response> => {
  const method = (init.method ?? 'GET').toUpperCase();
  const signal = init.signal ?? undefined;
  if (signal?.aborted) throw signal.reason;
  const limit = (init as { [TIMEOUT_MS]?: number })[TIMEOUT_MS];
  const deadline = limit === undefined ? undefined : Date.now() + limit;
  let answer: Awaited<ReturnType<typeof send>>;
  try {
    answer = await send({ url: urlOf(input), method, headers: headerRecord(init.headers), body: bodyOf(init.body) }, signal, deadline);
  } catch (err) {
    // As fetch does: an abort is the signal's reason, the time limit a TimeoutError (as AbortSignal.timeout
    // gives it), anything else "fetch failed" with the cause.
    if (signal?.aborted) throw signal.reason;
    if (err instanceof DOMException && err.name === 'TimeoutError') throw err;
    throw new TypeError('fetch failed', { cause: err });
  }
  const { res, bytes } = answer;
  const status = res.statusCode ?? 0;
  const headers = new AnswerHeaders(res.rawHeaders);
  const encoding = headers.get('content-encoding') ?? undefined;
  const body = NULL_BODY.has(status) || method === 'HEAD' ? null : decoded(bytes, encoding);
  if (body && encoding) headers.delete('content-encoding');
  return new PooledResponse(status, STATUS_CODES[status] ?? '', headers as unknown as Headers, body, answer.url.href, answer.hops > 0) as unknown as Response;
}) as typeof fetch;
(pooledFetch as unknown as Record<symbol, boolean>)[TIMEOUT_MS] = true;

/**
 * An answer's headers as fetch's Headers reads them: names in lower case, a repeated header's values
 * joined with ", " (set-cookie's kept apart, as getSetCookie and iteration give them), iteration in name
 * order. Node's parser has already checked every name and value, so none is checked again: the WHATWG
 * Headers class does that, and sorts, at a cost a local call notices.
 */
class AnswerHeaders {
  readonly #values = new Map<string, string[]>();

  constructor(raw: readonly string[] = []) {
    for (let i = 0; i < raw.length; i += 2) this.append(raw[i], raw[i + 1]);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const list = this.#values.get(key);
    if (list) list.push(value);
    else this.#values.set(key, [value]);
  }

  set(name: string, value: string): void {
    this.#values.set(name.toLowerCase(), [value]);
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase())?.join(', ') ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  getSetCookie(): string[] {
    return [...(this.#values.get('set-cookie') ?? [])];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#values.keys()].sort()) {
      const list = this.#values.get(name)!;
      if (name === 'set-cookie') for (const value of list) yield [name, value];
      else yield [name, list.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(fn: (value: string, name: string, headers: this) => void): void {
    for (const [name, value] of this.entries()) fn(value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/**
 * The answer, read whole: what fetch's Response gives a caller that reads it (status, headers, text, json,
 * bytes) without a web stream per call. `body` and the rarer readers build a real Response when asked.
 */
class PooledResponse {
  readonly ok: boolean;
  readonly type = 'basic';
  #bytes: Buffer | null;
  #used = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    bytes: Buffer | null,
    readonly url: string,
    readonly redirected: boolean
  ) {
    this.ok = status >= 200 && status <= 299;
    this.#bytes = bytes;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The bytes, once, as a Response's body may be read once. */
  #take(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? Buffer.alloc(0);
  }

  #real(): Response {
    return new Response(this.#used ? null : (this.#bytes as BodyInit | null), { status: this.status, statusText: this.statusText, headers: this.headers });
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#bytes === null) return null;
    const stream = this.#real().body;
    this.#used = true;
    return stream;
  }

  async text(): Promise<string> {
    const bytes = this.#take();
    // As fetch's text(): UTF-8 without its byte-order mark. toString() with no arguments goes straight to
    // the UTF-8 decoder; naming the encoding looks it up by name first, which costs more than the decoding.
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return (bom ? bytes.subarray(3) : bytes).toString();
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.arrayBuffer());
  }

  blob(): Promise<Blob> {
    const real = this.#real();
    this.#used = true;
    return real.blob();
  }

  formData(): Promise<FormData> {
    const real = this.#real();
    this.#used = true;
    return real.formData();
  }

  clone(): PooledResponse {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    const headers = new AnswerHeaders();
    for (const [name, value] of this.headers) headers.append(name, value);
    return new PooledResponse(this.status, this.statusText, headers as unknown as Headers, this.#bytes, this.url, this.redirected);
  }
}
