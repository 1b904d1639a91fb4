/**
 * Limits, redirects and upstream failures through the real proxy server. The upstream runs on 127.0.0.1
 * under the name api.test, which the allowlist opens by name (it stands for a public API).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, seen, startProxy, startUpstream, tableResolver, via, type TestProxy, type Upstream } from './test-support';

let upstream: Upstream;
let proxy: TestProxy;
let api: string;
let closedPort: number;
let streamStopped: Promise<void>;
let onStreamStopped: () => void;

const LIMITS = {
  maxRequestBytes: 4096,
  maxResponseBytes: 8192,
  connectTimeoutMs: 300,
  totalTimeoutMs: 800,
  requestsPerMinute: 1000
};

beforeAll(async () => {
  streamStopped = new Promise((r) => (onStreamStopped = r));
  upstream = await startUpstream({
    '/echo': (req, res, body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, headers: req.headers, body: body.toString() })),
    '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': String(LIMITS.maxResponseBytes + 1) }).end('x'.repeat(LIMITS.maxResponseBytes + 1)),
    '/exact': (_req, res) => res.end('y'.repeat(LIMITS.maxResponseBytes)),
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const timer = setInterval(() => res.write(Buffer.alloc(1024, 'z')), 1);
      res.on('close', () => {
        clearInterval(timer);
        onStreamStopped();
      });
    },
    '/stall-headers': () => {},
    '/stall-body': (_req, res) => {
      res.writeHead(200);
      res.write('partial');
    },
    '/loop': (req, res) => res.writeHead(302, { location: req.url! }).end(),
    '/chain': (req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      if (n > 0) res.writeHead(307, { location: `/chain?n=${n - 1}` }).end();
      else res.end('end of chain');
    },
    '/see-other': (_req, res) => res.writeHead(303, { location: '/echo' }).end(),
    '/temporary': (_req, res) => res.writeHead(307, { location: '/echo' }).end(),
    '/to-other-origin': (_req, res) => res.writeHead(307, { location: `http://other.test:${upstream.port}/echo` }).end(),
    '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://api.test/file' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end()
  });
  api = `http://api.test:${upstream.port}`;
  const spare = createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', () => r()));
  closedPort = (spare.address() as { port: number }).port;
  await new Promise<void>((r) => spare.close(() => r()));
  proxy = await startProxy({
    allow: ['api.test', 'other.test'],
    limits: LIMITS,
    resolve: tableResolver({
      'api.test': ['127.0.0.1'],
      'other.test': ['127.0.0.1'],
      'slow.test': () => new Promise<never>(() => {})
    })
  });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
  expect(seen.some((r) => 'access-control-allow-credentials' in r.headers)).toBe(false);
});

const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('forwarding', () => {
  it('sends the method, headers and body on and returns the answer', async () => {
    const res = await raw(proxy, via(`${api}/echo?q=1`), { method: 'PUT', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    const seenUpstream = res.json() as { method: string; body: string; headers: Record<string, string> };
    expect(seenUpstream).toMatchObject({ method: 'PUT', body: '{"a":1}' });
    expect(seenUpstream.headers['content-type']).toBe('application/json');
    expect(seenUpstream.headers.host).toBe(`api.test:${upstream.port}`);
  });

  it('follows up to 5 redirects and no more', async () => {
    const ok = await raw(proxy, via(`${api}/chain?n=5`));
    expect([ok.status, ok.text]).toEqual([200, 'end of chain']);
    upstream.hits.delete('/loop');
    const loop = await raw(proxy, via(`${api}/loop`));
    expect([loop.status, code(loop)]).toEqual([502, 'too_many_redirects']);
    expect(upstream.hits.get('/loop')).toBe(6);
  });

  it('turns a POST into a GET without body on 303, keeps both on 307', async () => {
    const other = (await raw(proxy, via(`${api}/see-other`), { method: 'POST', body: 'data' })).json();
    expect(other).toMatchObject({ method: 'GET', body: '' });
    const temporary = (await raw(proxy, via(`${api}/temporary`), { method: 'POST', body: 'data' })).json();
    expect(temporary).toMatchObject({ method: 'POST', body: 'data' });
  });

  it('drops Authorization on a redirect to another origin, keeps it on the same origin', async () => {
    const same = (await raw(proxy, via(`${api}/temporary`), { headers: { authorization: 'Bearer s3cret' } })).json() as { headers: Record<string, string> };
    expect(same.headers.authorization).toBe('Bearer s3cret');
    const cross = (await raw(proxy, via(`${api}/to-other-origin`), { headers: { authorization: 'Bearer s3cret' } })).json() as { headers: Record<string, string> };
    expect(cross.headers.host).toBe(`other.test:${upstream.port}`);
    expect(cross.headers.authorization).toBeUndefined();
  });

  it.each([
    ['no url', '/proxy'],
    ['a relative url', via('/echo')],
    ['not a url', via('http://')],
    ['ftp', via('ftp://api.test/file')],
    ['file', via('file:///etc/passwd')],
    ['javascript', via('javascript:alert(1)')],
    ['user info', via(`http://user:pw@api.test:1/echo`)],
    ['a redirect to ftp', via('') + encodeURIComponent(`http://api.test:PORT/to-ftp`)],
    ['a redirect to file', via('') + encodeURIComponent(`http://api.test:PORT/to-file`)]
  ])('refuses %s as bad_target (400)', async (_what, path) => {
    const res = await raw(proxy, path.replace('PORT', String(upstream.port)));
    expect([res.status, code(res)]).toEqual([400, 'bad_target']);
  });
});

describe('limits, each with its own error', () => {
  it('request body over the limit, declared: 413 request_too_large', async () => {
    const res = await raw(proxy, via(`${api}/echo`), { method: 'POST', body: 'a'.repeat(LIMITS.maxRequestBytes + 1) });
    expect([res.status, code(res)]).toEqual([413, 'request_too_large']);
  });

  it('request body over the limit, chunked: 413 request_too_large; at the limit it passes', async () => {
    const res = await raw(proxy, via(`${api}/echo`), { method: 'POST', body: 'a'.repeat(LIMITS.maxRequestBytes + 1), chunked: true });
    expect([res.status, code(res)]).toEqual([413, 'request_too_large']);
    const fits = await raw(proxy, via(`${api}/echo`), { method: 'POST', body: 'a'.repeat(LIMITS.maxRequestBytes), chunked: true });
    expect(fits.status).toBe(200);
  });

  it('response declared over the limit: 502 response_too_large; exactly at the limit passes', async () => {
    const res = await raw(proxy, via(`${api}/big-declared`));
    expect([res.status, code(res)]).toEqual([502, 'response_too_large']);
    const exact = await raw(proxy, via(`${api}/exact`));
    expect([exact.status, exact.text.length]).toEqual([200, LIMITS.maxResponseBytes]);
  });

  it('an endless response: 502 response_too_large, and the proxy stops reading (the upstream sees the close)', async () => {
    const res = await raw(proxy, via(`${api}/endless`));
    expect([res.status, code(res)]).toEqual([502, 'response_too_large']);
    await streamStopped;
  });

  it('connect timeout (a name that never resolves): 504 timeout', async () => {
    const res = await raw(proxy, via(`http://slow.test:${upstream.port}/echo`));
    expect([res.status, code(res)]).toEqual([504, 'timeout']);
    expect(res.json().error?.message).toMatch(/connect/);
  });

  it.each(['/stall-headers', '/stall-body'])('total timeout (%s): 504 timeout', async (path) => {
    const started = Date.now();
    const res = await raw(proxy, via(`${api}${path}`));
    expect([res.status, code(res)]).toEqual([504, 'timeout']);
    // Timers are coarse; what matters is that it waited for the limit, not that it failed at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.totalTimeoutMs / 2);
  });

  it('an upstream that is not listening: 502 upstream_unreachable', async () => {
    const res = await raw(proxy, via(`http://api.test:${closedPort}/`));
    expect([res.status, code(res)]).toEqual([502, 'upstream_unreachable']);
  });

  it('a name with no address: 502 upstream_unreachable', async () => {
    const res = await raw(proxy, via('http://nowhere.test/'));
    expect([res.status, code(res)]).toEqual([502, 'upstream_unreachable']);
  });
});

describe('rate limit', () => {
  it('refuses past the requests per minute with 429 rate_limited and Retry-After', async () => {
    const limited = await startProxy({ allow: ['api.test'], resolve: tableResolver({ 'api.test': ['127.0.0.1'] }), limits: { requestsPerMinute: 2 } });
    try {
      expect((await raw(limited, via(`${api}/echo`))).status).toBe(200);
      expect((await raw(limited, via(`${api}/echo`))).status).toBe(200);
      const third = await raw(limited, via(`${api}/echo`));
      expect([third.status, code(third)]).toEqual([429, 'rate_limited']);
      expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});
