/** The shared size-limited body reader, against a real HTTP server on 127.0.0.1. */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLimitedBody } from './read-body';

const MAX = 16;
const server = createServer(async (req, res) => {
  const body = await readLimitedBody(req, MAX);
  res.writeHead(body === null ? 413 : 200, { Connection: 'close' });
  res.end(body === null ? 'too large' : `got ${body.length}: ${body.toString('utf8')}`);
});
let port = 0;
beforeAll(() => new Promise<void>((done) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as AddressInfo).port), done()))));
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** POST `body` in pieces, optionally without a Content-Length (chunked), and read the answer. */
function post(body: string, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', headers: chunked ? {} : { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', fail);
    for (let i = 0; i < body.length; i += 5) req.write(body.slice(i, i + 5));
    req.end();
  });
}

describe('readLimitedBody', () => {
  it.each([
    ['an empty body', '', false, 200, 'got 0: '],
    ['a body at the limit', 'x'.repeat(MAX), false, 200, `got ${MAX}: ${'x'.repeat(MAX)}`],
    ['a body at the limit, chunked', 'y'.repeat(MAX), true, 200, `got ${MAX}: ${'y'.repeat(MAX)}`],
    ['a declared length over the limit', 'z'.repeat(MAX + 1), false, 413, 'too large'],
    ['a chunked body that grows past the limit: still answered', 'w'.repeat(MAX * 4), true, 413, 'too large']
  ])('%s', async (_what, body, chunked, status, text) => {
    expect(await post(body, chunked)).toEqual({ status, text });
  });
});
