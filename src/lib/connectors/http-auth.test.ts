import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepFailure } from '../engine/errors';
import { createHttpConnector } from './http';

let base = '';
let close = () => {};
beforeAll(async () => {
  // Answers with what arrived, so each test sees exactly where the credential went.
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url, authorization: req.headers.authorization ?? null, key: req.headers['x-key'] ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const request = createHttpConnector().actions.request;
const ctx = (connection?: Record<string, string>) => ({
  connection,
  user: { id: 'u', name: 'U', roles: [] },
  signal: new AbortController().signal,
  jobId: 'j',
  path: 'p'
});
const call = (connection?: Record<string, string>) =>
  request.execute({ method: 'GET', url: `${base}/items?page=2` }, ctx(connection)) as Promise<{ body: { url: string; authorization: string | null; key: string | null } }>;

describe('http connections', () => {
  it.each([
    ['an API key in a header', { auth: 'api_key_header', name: 'x-key', key: 'K1' }, { key: 'K1', authorization: null, url: '/items?page=2' }],
    ['an API key in the query', { auth: 'api_key_query', name: 'api_key', key: 'K2' }, { key: null, authorization: null, url: '/items?page=2&api_key=K2' }],
    ['a bearer token', { auth: 'bearer', token: 'T3' }, { key: null, authorization: 'Bearer T3', url: '/items?page=2' }],
    ['basic auth', { auth: 'basic', username: 'ann', password: 'pw' }, { authorization: `Basic ${btoa('ann:pw')}` }],
    ['no connection', undefined, { key: null, authorization: null, url: '/items?page=2' }]
  ])('send %s', async (_name, connection, expected) => {
    expect((await call(connection)).body).toMatchObject(expected);
  });

  it('fail clearly when the connection lacks its secret', async () => {
    const failure = await call({ auth: 'bearer' }).catch((err) => err);
    expect(failure).toBeInstanceOf(StepFailure);
    expect(failure.message).toBe('the connection has no token (it uses bearer auth)');
  });
});
