import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createHttpConnector } from '../src/lib/connectors/http';
import { pooledFetch } from './http-pool';

// A real server on 127.0.0.1 stands in for the APIs a recipe calls.
let server: Server;
let base = '';
let connections = 0;
const seen: Array<{ method: string; url: string; body: string; auth?: string }> = [];

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await read(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', body, auth: req.headers.authorization });
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.url === '/redirect') return res.writeHead(302, { location: '/json' }).end();
    if (req.url === '/see-other') return res.writeHead(303, { location: '/json' }).end();
    if (req.url === '/gzip') return res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":true}'));
    if (req.url === '/empty') return res.writeHead(204).end();
    if (req.url === '/missing') return json(404, { error: 'no such thing' });
    if (req.url === '/cookies') return res.writeHead(200, [['set-cookie', 'a=1'], ['set-cookie', 'b=2']]).end('ok');
    return json(200, { method: req.method, body: body || null });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const request = createHttpConnector({ fetch: pooledFetch }).actions.request;
const ctx = () => ({ user: { id: 'u', name: 'U', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 'p' });
const call = (input: Record<string, unknown>) => request.execute(request.input.parse(input), ctx()) as Promise<{ status: number; headers: Record<string, string>; body: unknown }>;

describe('the pooled fetch the CLI gives the http connector', () => {
  it.each([
    ['a GET with a JSON answer', { url: '/json' }, 200, { method: 'GET', body: null }],
    ['a POST of JSON', { url: '/json', method: 'POST', body: { a: 1 } }, 200, { method: 'POST', body: '{"a":1}' }],
    ['a redirect followed', { url: '/redirect' }, 200, { method: 'GET', body: null }],
    ['a 303 after a POST goes on as a GET', { url: '/see-other', method: 'POST', body: 'x' }, 200, { method: 'GET', body: null }],
    ['a gzipped answer decoded', { url: '/gzip' }, 200, { zipped: true }],
    ['an answer with no body', { url: '/empty', method: 'DELETE' }, 204, null]
  ])('%s', async (_name, input, status, body) => {
    const out = await call({ ...input, url: base + input.url });
    expect(out.status).toBe(status);
    expect(out.body).toEqual(body);
  });

  it('says a refused status with its standard text, as fetch did', async () => {
    await expect(call({ url: `${base}/missing` })).rejects.toThrow(/answered 404 Not Found: \{"error":"no such thing"\}/);
  });

  it('keeps every value of a repeated header', async () => {
    const answer = await pooledFetch(`${base}/cookies`);
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await answer.text()).toBe('ok');
  });

  it('sends the headers it is given', async () => {
    await call({ url: `${base}/json`, headers: { authorization: 'Bearer t-1' } });
    expect(seen.at(-1)?.auth).toBe('Bearer t-1');
  });

  it('fails as fetch does when nothing listens', async () => {
    await expect(call({ url: 'http://127.0.0.1:1/' })).rejects.toThrow(/could not reach 127\.0\.0\.1:1: ECONNREFUSED/);
  });

  it('stops at the time limit', async () => {
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
      await expect(call({ url, timeout_ms: 200 })).rejects.toThrow(/no answer from .* within 200 ms/);
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });

  it('reuses its connections from call to call', async () => {
    const before = connections;
    for (let i = 0; i < 10; i++) await call({ url: `${base}/json` });
    expect(connections - before).toBeLessThanOrEqual(1);
  });
});
