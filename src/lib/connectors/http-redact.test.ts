/** The http step blanks a secret in an error body before it shortens the body, on its own (no engine). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpConnector } from './http';

const TOKEN = 'tok-8f3a"q/\\+é-long-secret-value';
const ctx = (connection?: Record<string, string>) => ({ connection, user: { id: 'u', name: 'U', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 'p' });

let server: Server;
let base = '';
beforeAll(async () => {
  // A real server on 127.0.0.1 that echoes the key it got, JSON-escaped, across character 200 of its answer.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = url.searchParams.get('api_key') ?? req.headers['x-literal']?.toString() ?? '';
    const escaped = JSON.stringify(key).slice(1, -1);
    res.writeHead(401, { 'content-type': 'application/json' }).end(`{"error":"${'x'.repeat(170)} bad key \\"${escaped}\\" ${'y'.repeat(300)}"}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an http error that echoes the secret where the body is cut', () => {
  const request = createHttpConnector().actions.request;
  it.each([
    ['a connection key', { method: 'GET' as const, url: `${base}/x` }, { auth: 'api_key_query', name: 'api_key', key: TOKEN }],
    ['a literal key in a header', { method: 'GET' as const, url: `${base}/x`, headers: { 'x-api-key': 'lit-key-0123456789', 'x-literal': 'lit-key-0123456789' } }, undefined]
  ])('keeps no piece of %s', async (_name, input, connection) => {
    const failure = await request.execute({ ...input, url: `${base}/x` }, ctx(connection)).catch((err) => err);
    expect(failure.code).toBe('http_401');
    expect(failure.message).toContain('••••');
    const secret = connection?.key ?? 'lit-key-0123456789';
    for (let i = 0; i + 6 <= secret.length; i++) expect(failure.message).not.toContain(JSON.stringify(secret).slice(1, -1).slice(i, i + 6));
    expect(failure.message).toMatch(/…$/);
  });
});
