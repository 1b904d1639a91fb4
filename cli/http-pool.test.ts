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
// A second origin (another port), for redirects that leave the first.
let other: Server;
let otherBase = '';
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
    if (req.url === '/moved') return res.writeHead(301, { location: '/json' }).end();
    if (req.url === '/temporary') return res.writeHead(307, { location: '/json' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url?.startsWith('/elsewhere')) return res.writeHead(302, { location: `${otherBase}/auth` }).end();
    if (req.url === '/bom') return res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.from('\ufeff{"bom":true}'));
    if (req.url === '/hang') return; // never answers
    if (req.url === '/gzip') return res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":true}'));
    if (req.url === '/empty') return res.writeHead(204).end();
    if (req.url === '/missing') return json(404, { error: 'no such thing' });
    if (req.url === '/cookies') return res.writeHead(200, [['set-cookie', 'a=1'], ['set-cookie', 'b=2']]).end('ok');
    if (req.url === '/many') return res.writeHead(200, [['X-B', '1'], ['x-a', '2'], ['X-B', '3'], ['Set-Cookie', 'c=1'], ['Set-Cookie', 'd=2']]).end();
    if (req.url === '/echo-headers') return json(200, req.headers);
    return json(200, { method: req.method, body: body || null });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  other = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ auth: req.headers.authorization ?? null })));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  other.close();
});

const request = createHttpConnector({ fetch: pooledFetch }).actions.request;
const ctx = () => ({ user: { id: 'u', name: 'U', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 'p' });
const call = (input: Record<string, unknown>) => request.execute(request.input.parse(input), ctx()) as Promise<{ status: number; headers: Record<string, string>; body: unknown }>;

describe('the pooled fetch the CLI gives the http connector', () => {
  it.each([
    ['a GET with a JSON answer', { url: '/json' }, 200, { method: 'GET', body: null }],
    ['a POST of JSON', { url: '/json', method: 'POST', body: { a: 1 } }, 200, { method: 'POST', body: '{"a":1}' }],
    ['a redirect followed', { url: '/redirect' }, 200, { method: 'GET', body: null }],
    ['a 303 after a POST goes on as a GET', { url: '/see-other', method: 'POST', body: 'x' }, 200, { method: 'GET', body: null }],
    ['a 301 after a POST goes on as a GET', { url: '/moved', method: 'POST', body: 'x' }, 200, { method: 'GET', body: null }],
    ['a 307 keeps the method and the body', { url: '/temporary', method: 'PUT', body: 'x' }, 200, { method: 'PUT', body: 'x' }],
    ['a JSON answer with a byte-order mark', { url: '/bom' }, 200, { bom: true }],
    ['credentials are not sent on to another origin', { url: '/elsewhere', headers: { authorization: 'Bearer t-2' } }, 200, { auth: null }],
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

  it('gives up after 20 redirects, as fetch does', async () => {
    await expect(pooledFetch(`${base}/loop`)).rejects.toThrow(/fetch failed/);
  });

  it('throws the reason of an abort, as fetch does', async () => {
    const controller = new AbortController();
    const pending = pooledFetch(`${base}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped here')), 20);
    await expect(pending).rejects.toThrow('stopped here');
  });

  it('reads an answer as a fetch Response reads it, once', async () => {
    const answer = await pooledFetch(`${base}/json`);
    expect([answer.ok, answer.status, answer.statusText, answer.headers.get('content-type')]).toEqual([true, 200, 'OK', 'application/json']);
    expect(await answer.clone().json()).toEqual({ method: 'GET', body: null });
    expect(new TextDecoder().decode(await answer.arrayBuffer())).toBe('{"method":"GET","body":null}');
    await expect(answer.text()).rejects.toThrow(/already been read/);
  });

  it('gives the headers as fetch does: lower-case names in order, repeats joined, cookies apart', async () => {
    const answer = await pooledFetch(`${base}/many`);
    const seen = [...answer.headers].filter(([name]) => name.startsWith('x-') || name === 'set-cookie');
    expect(seen).toEqual([['set-cookie', 'c=1'], ['set-cookie', 'd=2'], ['x-a', '2'], ['x-b', '1, 3']]);
    expect([answer.headers.get('X-B'), answer.headers.get('set-cookie'), answer.headers.get('x-none'), answer.headers.has('X-A')]).toEqual(['1, 3', 'c=1, d=2', null, true]);
    expect(new Headers(answer.headers).get('x-b')).toBe('1, 3');
    expect([...answer.clone().headers]).toEqual([...answer.headers]);
  });

  it('sends headers given as a Headers, a list of pairs or a record', async () => {
    for (const headers of [new Headers({ 'X-One': 'a' }), [['X-One', 'a']] as [string, string][], { 'X-One': 'a' }]) {
      const answer = await pooledFetch(`${base}/echo-headers`, { headers });
      expect(((await answer.json()) as Record<string, string>)['x-one']).toBe('a');
    }
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

  it('stops at the time limit while the answer is still coming, and says so as a timeout', async () => {
    const trickle = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"part":'); // the rest never comes
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}/`;
      const started = Date.now();
      await expect(call({ url, timeout_ms: 200 })).rejects.toMatchObject({ code: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      trickle.closeAllConnections();
      trickle.close();
    }
  });

  it('keeps a time limit given to it directly, rejecting with a TimeoutError as AbortSignal.timeout does', async () => {
    const slow = createServer(() => {});
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
      const init = { [Symbol.for('sous.fetch.timeoutMs')]: 100 } as RequestInit;
      await expect(pooledFetch(url, init)).rejects.toMatchObject({ name: 'TimeoutError' });
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
