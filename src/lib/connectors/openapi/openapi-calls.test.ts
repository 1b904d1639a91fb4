/**
 * Petstore actions called against a real HTTP server on 127.0.0.1: the URL, query, body and each kind of
 * auth arrive as the document says; non-2xx answers fail the step like the http connector (429/5xx retryable).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { StepFailure } from '../../engine/errors';
import { buildOpenApiConnector } from './index';
import { readFixture } from './fixtures';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let base = '';
let close = () => {};
beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      // /pet/404, /pet/429 and /pet/503 answer with that status; everything else echoes what arrived.
      const status = Number(/^\/pet\/(404|429|503)$/.exec(req.url ?? '')?.[1] ?? 200);
      const seen: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '2' }).end(JSON.stringify(seen));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

/** The Petstore, with bearer and basic schemes added (the file itself has an API key and OAuth 2). */
const doc = parse(readFixture('petstore.yaml'));
doc.components.securitySchemes.bearer_auth = { type: 'http', scheme: 'bearer' };
doc.components.securitySchemes.basic_auth = { type: 'http', scheme: 'basic' };
doc.paths['/pet/{petId}'].get.security = [{ api_key: [] }, { bearer_auth: [] }, { basic_auth: [] }];
const petstore = buildOpenApiConnector({ id: 'openapi.petstore', label: 'Petstore', document: stringify(doc) });

const ctx = (connection?: Record<string, string>) => ({
  connection: connection && { base_url: base, ...connection },
  user: { id: 'u', name: 'U', roles: [] },
  signal: new AbortController().signal,
  jobId: 'j',
  path: 'p'
});
async function call(action: string, input: unknown, connection: Record<string, string> = {}) {
  const parsed = petstore.actions[action].input.parse(input);
  return (await petstore.actions[action].execute(parsed, ctx(connection))) as { status: number; body: Seen };
}

describe('calling Petstore actions', () => {
  it.each([
    ['an API key in its header', { auth: 'api_key', api_key: 'K1' }, { api_key: 'K1' }, undefined],
    ['a bearer token', { auth: 'bearer_auth', token: 'T2' }, {}, 'Bearer T2'],
    ['basic auth', { auth: 'basic_auth', username: 'ann', password: 'pw' }, {}, `Basic ${btoa('ann:pw')}`],
    ['the first scheme the connection can meet', { token: 'T3' }, {}, 'Bearer T3']
  ])('send %s', async (_name, connection, headers, authorization) => {
    const { status, body } = await call('get_pet_by_id', { petId: 7 }, connection);
    expect(status).toBe(200);
    expect(body.method).toBe('GET');
    expect(body.url).toBe('/pet/7');
    expect(body.headers).toMatchObject(headers);
    if (!('api_key' in headers)) expect(body.headers.api_key).toBeUndefined();
    expect(body.headers.authorization).toBe(authorization);
  });

  it('send query arrays exploded and a JSON body', async () => {
    const found = await call('find_pets_by_status', { status: ['available', 'sold'] }, { token: 'T' });
    expect(found.body.url).toBe('/pet/findByStatus?status=available&status=sold');
    const added = await call('add_pet', { body: { name: 'Rex', photoUrls: ['u'] } }, { token: 'T' });
    expect(added.body.method).toBe('POST');
    expect(added.body.headers['content-type']).toBe('application/json');
    expect(JSON.parse(added.body.body)).toEqual({ name: 'Rex', photoUrls: ['u'] });
    expect(added.body.headers.authorization).toBe('Bearer T');
  });

  it('send a form body', async () => {
    const sent = await call('update_pet_with_form', { petId: 3, body: { name: 'Rex', status: 'sold' } }, { token: 'T' });
    expect(sent.body.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.body.body).toBe('name=Rex&status=sold');
  });

  it.each([
    [404, 'http_404', false],
    [429, 'http_429', true],
    [503, 'http_503', true]
  ])('fail the step on a %s', async (petId, code, retryable) => {
    const failure = await call('get_pet_by_id', { petId }, { token: 'T' }).catch((e) => e);
    expect(failure).toBeInstanceOf(StepFailure);
    expect(failure.code).toBe(code);
    expect(failure.retryable).toBe(retryable);
    expect(failure.message).toContain(`GET ${base}/pet/${petId} answered ${petId}`);
  });

  it('fail clearly when the connection cannot meet the operation’s security', async () => {
    const failure = await call('get_pet_by_id', { petId: 1 }, { username: 'ann' }).catch((e) => e);
    expect(failure).toBeInstanceOf(StepFailure);
    expect(failure.message).toMatch(/this action needs api_key \(API key sent in the api_key header\), or bearer_auth/);
    expect(failure.message).not.toMatch(/ann/);
  });

  it('ask for a base URL when the document has none', async () => {
    const relative = buildOpenApiConnector({ id: 'openapi.rel', label: 'R', document: 'openapi: 3.0.0\nservers: [{url: /api/v3}]\npaths:\n  /ping:\n    get: {responses: {"200": {description: ok}}}\n' });
    const failure = await relative.actions['get.ping'].execute({}, { ...ctx(), connection: undefined }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StepFailure);
    expect((failure as Error).message).toMatch(/set the Base URL of the connection/);
  });
});
