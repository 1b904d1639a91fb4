/** "Check connection" for http connections, against a real API on 127.0.0.1 that wants an API key. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection } from './check';
import { createHttpConnector } from './http';

const KEY = 'key-CANARY-http-91c';
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = req.headers['x-api-key'] ?? url.searchParams.get('api_key');
    if (url.pathname === '/slow') return void setTimeout(() => res.end('late'), 2000);
    if (url.pathname !== '/me') return void res.writeHead(404).end();
    res.writeHead(key === KEY ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: key === KEY }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

const http = createHttpConnector();
const check = (connection: Record<string, string>, timeoutMs?: number) => checkConnection(http, connection, { timeoutMs });

describe('http check', () => {
  it.each<[string, Record<string, string>, boolean | null, RegExp]>([
    ['a right key in a header', { auth: 'api_key_header', key: KEY, check_url: '/me' }, true, /answered 200/],
    ['a right key in the query', { auth: 'api_key_query', key: KEY, check_url: '/me' }, true, /answered 200/],
    ['a wrong key', { auth: 'api_key_header', key: 'wrong', check_url: '/me' }, false, /refused these credentials \(401\)/],
    ['a wrong key in the query', { auth: 'api_key_query', key: 'wrong-query-key', check_url: '/me' }, false, /refused/],
    ['a wrong path', { auth: 'api_key_header', key: KEY, check_url: '/nope' }, false, /not found \(404\)/],
    ['no key at all', { auth: 'api_key_header', check_url: '/me' }, false, /not complete: the connection has no key/],
    ['no address to check', { auth: 'api_key_header', key: KEY }, null, /address to check/]
  ])('%s', async (_what, connection, ok, message) => {
    const fields = { ...connection, ...(connection.check_url ? { check_url: `${base}${connection.check_url}` } : {}) };
    const result = await check(fields);
    expect(result).toMatchObject({ ok, message: expect.stringMatching(message) });
    expect(result.message).not.toContain(KEY);
    expect(result.message).not.toContain('wrong-query-key');
  });

  it('says plainly when the API cannot be reached or does not answer in time', async () => {
    expect(await check({ auth: 'bearer', token: 't', check_url: 'http://127.0.0.1:1/me' })).toMatchObject({ ok: false, message: expect.stringMatching(/Could not reach 127.0.0.1:1/) });
    expect(await check({ auth: 'bearer', token: 't', check_url: `${base}/slow` }, 300)).toMatchObject({ ok: false, message: expect.stringMatching(/^No answer within 300 ms/) });
  });

  it('a connector without a check says so instead of guessing', async () => {
    expect(await checkConnection({ id: 'x', label: 'X', actions: {} }, {})).toMatchObject({ ok: null });
    expect(await checkConnection(undefined, {})).toMatchObject({ ok: false });
  });
});
