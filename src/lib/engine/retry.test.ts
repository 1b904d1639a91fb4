/**
 * Retries: `retryDelay` on its own, then the real `http` connector against a real server on 127.0.0.1,
 * counting the requests it gets. The clock records each requested wait instead of sleeping.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpConnector } from '../connectors/http';
import type { Retry } from '../recipe';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from './retry';
import { recipe, seeded, setup, TestClock } from './test-kit';

const policy = (p: Partial<Retry> = {}): Retry => ({ attempts: 5, backoff: 'exponential', initial_ms: 500, max_ms: 30_000, ...p });

describe('retryDelay', () => {
  it.each([
    // attempt, random, policy, expected: full jitter over min(max_ms, initial * 2^(attempt-1))
    { attempt: 1, random: 0.5, p: policy(), want: 250 },
    { attempt: 2, random: 0.5, p: policy(), want: 500 },
    { attempt: 3, random: 0.5, p: policy(), want: 1000 },
    { attempt: 3, random: 0.999, p: policy(), want: 1998 },
    { attempt: 3, random: 0, p: policy(), want: 0 },
    { attempt: 10, random: 0.5, p: policy(), want: 15_000 },
    { attempt: 20, random: 0.999999, p: policy({ max_ms: 2000 }), want: 1999 },
    { attempt: 4, random: 0.5, p: policy({ backoff: 'fixed', initial_ms: 700 }), want: 700 },
    { attempt: 1, random: 0.9, p: policy({ initial_ms: 0 }), want: 0 }
  ])('attempt $attempt, random $random → $want ms', ({ attempt, random, p, want }) => {
    expect(retryDelay(p, attempt, random)).toBe(want);
  });

  it('never waits longer than max_ms, whatever the attempt and random', () => {
    const rand = seeded(7);
    for (let attempt = 1; attempt <= 20; attempt++) {
      const d = retryDelay(policy({ initial_ms: 300, max_ms: 4000 }), attempt, rand());
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(4000);
    }
  });

  it.each([
    { retryAfter: 7000, random: 0.1, want: 7000 },
    { retryAfter: 10, random: 0.5, want: 250 },
    { retryAfter: 0, random: 0.5, want: 250 },
    { retryAfter: 24 * 3600_000, random: 0.5, want: MAX_RETRY_AFTER_MS }
  ])('Retry-After $retryAfter ms is honoured as the least wait (capped): $want', ({ retryAfter, random, want }) => {
    expect(retryDelay(policy(), 1, random, retryAfter)).toBe(want);
  });

  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Tue, 31 Dec 2024 00:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined]
  ])('parseRetryAfter(%j) = %j', (header, want) => {
    expect(parseRetryAfter(header, new Date('2025-01-01T00:00:00Z'))).toBe(want);
  });
});

type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

describe('the http connector, retried', () => {
  let server: Server;
  let base: string;
  let script: Reply[] = [];
  let requests: Array<{ method: string; url: string; body: string; headers: IncomingMessage['headers'] }> = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push({ method: req.method!, url: req.url!, body, headers: req.headers });
        const reply = script.shift() ?? { status: 200, body: 'ok' };
        if (reply === 'hang') return; // never answer
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    script = [];
    requests = [];
  });

  function run(input: Record<string, unknown>, retry?: Partial<Retry>, seed = 42) {
    const clock = new TestClock('2025-01-01T00:00:00.000Z', seed);
    const http = createHttpConnector({ now: () => clock.now() });
    const { runner } = setup({ extra: [http], clock });
    const step = { id: 'call', kind: 'action', connector: 'http', action: 'request', input, ...(retry ? { retry } : {}) };
    return { clock, job: runner.start(recipe([step]), {}) };
  }

  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  });

  it.each([
    { name: '503, 503, 200 with 3 attempts: 3 calls, succeeded', replies: [503, 503, 200], attempts: 3, calls: 3, status: 'succeeded' },
    { name: '503 ×3 then 200 with 3 attempts: 3 calls, failed', replies: [503, 503, 503, 200], attempts: 3, calls: 3, status: 'failed', code: 'http_503' },
    { name: '500 then 200: retried', replies: [500, 200], attempts: 3, calls: 2, status: 'succeeded' },
    { name: '502 then 200: retried', replies: [502, 200], attempts: 3, calls: 2, status: 'succeeded' },
    { name: '429 then 200: retried', replies: [429, 200], attempts: 3, calls: 2, status: 'succeeded' },
    { name: '404: not retried', replies: [404, 200], attempts: 3, calls: 1, status: 'failed', code: 'http_404' },
    { name: '400: not retried', replies: [400, 200], attempts: 5, calls: 1, status: 'failed', code: 'http_400' },
    { name: '503 without a retry policy: one call', replies: [503, 200], attempts: undefined, calls: 1, status: 'failed', code: 'http_503' },
    { name: '200 at once: one call, no wait', replies: [200], attempts: 3, calls: 1, status: 'succeeded' }
  ])('$name', async ({ replies, attempts, calls, status, code }) => {
    script = replies.map((s) => json(s, { s }));
    const { job: pending, clock } = run({ url: `${base}/x` }, attempts ? { attempts } : undefined);
    const job = await pending;
    expect(requests).toHaveLength(calls);
    expect(job.status).toBe(status);
    expect(clock.sleeps).toHaveLength(calls - 1);
    const record = job.steps.find((s) => s.path === 'call')!;
    expect(record.attempt).toBe(calls);
    if (code) expect(job.error).toMatchObject({ step: 'call', code });
    else expect(job.output).toEqual({ status: 200, headers: expect.objectContaining({ 'content-type': 'application/json' }), body: { s: 200 } });
  });

  it('waits with exponential backoff and full jitter, capped by max_ms (seeded random)', async () => {
    script = [503, 503, 503, 503, 503].map((s) => json(s, {}));
    const { job, clock } = run({ url: `${base}/x` }, { attempts: 5, initial_ms: 100, max_ms: 250 }, 9);
    expect((await job).status).toBe('failed');
    const rand = seeded(9);
    const want = [100, 200, 250, 250].map((ceiling) => Math.floor(rand() * ceiling));
    expect(clock.sleeps).toEqual(want);
    expect(requests).toHaveLength(5);
  });

  it('honours Retry-After in seconds and as a date', async () => {
    script = [
      json(429, {}, { 'retry-after': '7' }),
      json(503, {}, { 'retry-after': 'Wed, 01 Jan 2025 00:02:00 GMT' }),
      json(200, { done: true })
    ];
    const { job, clock } = run({ url: `${base}/x` }, { attempts: 3, initial_ms: 10, max_ms: 20 });
    expect((await job).output).toMatchObject({ status: 200, body: { done: true } });
    // the clock moved 7 s during the first wait, so the date is 113 s away at the second
    expect(clock.sleeps).toEqual([7000, 113_000]);
  });

  it('retries a network error (a closed port)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { job: pending, clock } = run({ url: `http://127.0.0.1:${port}/x` }, { attempts: 3 });
    const job = await pending;
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ step: 'call', code: 'network' });
    expect(job.error!.message).toContain(`could not reach 127.0.0.1:${port}`);
    expect(clock.sleeps).toHaveLength(2);
    expect(job.steps[0].attempt).toBe(3);
  });

  it('retries a request that gets no answer within timeout_ms', async () => {
    script = ['hang', json(200, { late: false })];
    const { job: pending } = run({ url: `${base}/x`, timeout_ms: 100 }, { attempts: 2 });
    const job = await pending;
    expect(job.status).toBe('succeeded');
    expect(requests).toHaveLength(2);
  });

  it('sends an object body as JSON, adds the query, and parses only JSON answers', async () => {
    script = [{ status: 201, headers: { 'content-type': 'text/plain' }, body: '{"not": "parsed"}' }];
    const { job: pending } = run({ method: 'POST', url: `${base}/orders`, query: { page: 2, q: 'a b' }, body: { id: 7 }, headers: { 'x-test': 'yes' } });
    const job = await pending;
    expect(job.output).toMatchObject({ status: 201, body: '{"not": "parsed"}' });
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/orders?page=2&q=a+b', body: '{"id":7}' });
    expect(requests[0].headers).toMatchObject({ 'content-type': 'application/json', 'x-test': 'yes' });
  });

  it('a non-2xx answer fails the step with the status and a bit of the body', async () => {
    script = [json(422, { error: 'vendor unknown' })];
    const { job: pending } = run({ url: `${base}/v` });
    const job = await pending;
    expect(job.error).toEqual({ message: `GET ${base}/v answered 422 Unprocessable Entity: {"error":"vendor unknown"}`, step: 'call', code: 'http_422' });
  });
});
