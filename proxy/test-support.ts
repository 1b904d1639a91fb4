/**
 * Shared by the proxy's tests: an upstream server on 127.0.0.1 whose routes each test writes, the proxy
 * server started with a resolver the test controls, and a raw HTTP client that sends exactly the headers
 * given (Host, Origin and Sec-Fetch-* included, as a browser or an attacker would). Every answer the
 * proxy gives is recorded so a test file can assert, after all its tests, that none ever carried
 * Access-Control-Allow-Credentials. Nothing here listens on or connects to anything but 127.0.0.1.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResolvedAddress, Resolver } from './guarded-agent';
import { startServer, type ProxyOptions, type RunningServer } from './server';

export interface Upstream {
  server: Server;
  port: number;
  /** `http://127.0.0.1:port` */
  url: string;
  /** Requests seen, by path (without query). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export async function startUpstream(routes: Record<string, Route>): Promise<Upstream> {
  const hits = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(req, res, Buffer.concat(chunks));
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(`reached ${path}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      })
  };
}

/** A resolver from a table: name → addresses (in the order given). Unknown names have no address. */
export function tableResolver(table: Record<string, string[] | (() => string[] | Promise<string[]>)>): Resolver {
  return async (hostname) => {
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? await entry() : (entry ?? []);
    return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

export const TOKEN = 'test-token-' + 'x'.repeat(32);

export interface TestProxy extends RunningServer {
  host: string;
  origin: string;
  lines: string[];
}

export async function startProxy(options: Partial<ProxyOptions> = {}): Promise<TestProxy> {
  const lines: string[] = [];
  const running = await startServer({ port: 0, proxy: { token: TOKEN, log: (l) => lines.push(l), ...options } });
  const host = new URL(running.url).host;
  return { ...running, host, origin: running.url, lines };
}

export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json(): { error?: { code: string; message: string } } & Record<string, unknown>;
}

/** Every answer seen by `raw`, for the no-credentials check. */
export const seen: RawResponse[] = [];

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body chunked (no content-length). */
  chunked?: boolean;
}

/** Send exactly these headers to the proxy (plus Host and the token unless overridden or set to ''). */
export function raw(proxy: TestProxy, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { host: proxy.host, 'x-sous-proxy-token': TOKEN, ...options.headers };
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  return new Promise((resolve, reject) => {
    const req = request(`${proxy.url}${path}`, { method: options.method ?? 'GET', headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const answer = { status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) };
        seen.push(answer);
        resolve(answer);
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const body = Buffer.from(options.body);
        for (let i = 0; i < body.length; i += 1024) req.write(body.subarray(i, i + 1024));
      } else {
        req.setHeader('content-length', Buffer.byteLength(options.body));
        req.write(options.body);
      }
    }
    req.end();
  });
}

/** `/proxy?url=…` for a target. */
export function via(target: string): string {
  return `/proxy?url=${encodeURIComponent(target)}`;
}
