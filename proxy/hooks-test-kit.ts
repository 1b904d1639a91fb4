/**
 * For the webhook tests: posting a webhook, calling the studio's relay routes as the studio's own page does
 * (own Origin, `Sec-Fetch-Site: same-origin`), and reading the relay's event stream. 127.0.0.1 only.
 */
import { request, type IncomingMessage } from 'node:http';
import { HOOK_SSE_EVENT, HookEventSchema, type HookEvent } from '../src/lib/triggers/webhooks/protocol';

export interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json(): Record<string, unknown>;
}

/** Exactly these headers (Host is the URL's unless given). */
export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.setHeader('content-length', Buffer.byteLength(options.body));
    req.end(options.body);
  });
}

/** `POST /hooks/PATH` with the token as a Bearer header (or none when token is undefined). */
export function postHook(base: string, path: string, token: string | undefined, body: unknown = { n: 1 }, headers: Record<string, string> = {}): Promise<Answer> {
  return send(`${base}/hooks/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });
}

/** A relay route as the studio calls it: GETs with Sec-Fetch-Site, PUT/POST with our own Origin. */
export function studio(base: string, method: string, route: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = method === 'GET' ? { 'sec-fetch-site': 'same-origin' } : { origin: base, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
  return send(`${base}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export interface Stream {
  events: HookEvent[];
  /** Resolves once `n` events have come (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<HookEvent[]>;
  /** Resolves with these events (in this order) once all have come. */
  waitForIds(ids: readonly string[], ms?: number): Promise<HookEvent[]>;
  pings(): number;
  close(): void;
}

export function openStream(base: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/hooks-relay/stream`, { headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`stream answered ${res.statusCode}`));
      }
      const events: HookEvent[] = [];
      let pings = 0;
      let buffer = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block === ': ping') pings++;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (block.startsWith(`event: ${HOOK_SSE_EVENT}\n`) && data) events.push(HookEventSchema.parse(JSON.parse(data)));
        }
        waiters.splice(0).forEach((w) => w());
      });
      res.on('error', () => {});
      const until = (ok: () => boolean, what: string, ms: number) =>
        new Promise<void>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`${what} did not come (${events.length} events came)`)), ms);
          const check = () => {
            if (!ok()) return void waiters.push(check);
            clearTimeout(timer);
            done();
          };
          check();
        });
      const waitFor = async (n: number, ms = 5000) => {
        await until(() => events.length >= n, `${n} events`, ms);
        return events;
      };
      const byId = (id: string) => events.find((e) => e.event_id === id);
      const waitForIds = async (ids: readonly string[], ms = 5000) => {
        await until(() => ids.every(byId), ids.join(', '), ms);
        return ids.map((id) => byId(id)!);
      };
      resolve({ events, waitFor, waitForIds, pings: () => pings, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
