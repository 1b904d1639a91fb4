/**
 * `sous serve --queue` when things go wrong, on a real redis-server (127.0.0.1, no persistence), each case on
 * its own Redis database: a POST in flight when its worker is SIGKILLed is `uncertain` on the process that
 * takes the job over, and an answer to it goes through the queue; SIGTERM lets the running step end and hands
 * the job back, and another process resumes it at the next step; a lost Redis (a proxy in between, cut)
 * gives 503s and one clear log line, and every webhook answered 202 before it still runs once it is back.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../../test-kit';
import { json, serve, type Served } from '../serve-kit';
import { startRedis, type RedisServer } from './redis-server-kit';

const TOKEN = 'queue-faults-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };
const recipe = (id: string, steps: unknown[]) => ({ format: 'sous.recipe/v1', id, name: id, trigger: { kind: 'webhook', path: id }, steps });
const get = (step: string, url: string) => ({ id: step, kind: 'action', connector: 'http', action: 'request', input: { method: 'GET', url } });

let redis: RedisServer;
let upstream: Server;
let upstreamUrl: string;
const hits = new Map<string, number>();
const held: Array<() => void> = [];
const running: Served[] = [];
const count = (key: string) => hits.get(key) ?? 0;

beforeAll(async () => {
  redis = await startRedis();
  upstream = createServer((req, res) => {
    const key = req.url ?? '';
    hits.set(key, count(key) + 1);
    const answer = () => void (res.headersSent || res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"paid":true}'));
    // The first POST to /pay hangs (in flight at the kill); /slow takes 1.5 s (running at SIGTERM).
    if (key === '/pay' && count(key) === 1) held.push(answer);
    else setTimeout(answer, key.startsWith('/slow') ? 1500 : 2);
  });
  await new Promise<void>((ready) => upstream.listen(0, '127.0.0.1', ready));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  running.forEach((s) => s.child.kill('SIGKILL'));
  held.forEach((release) => release());
  upstream?.closeAllConnections();
  upstream?.close();
  await redis?.stop();
});

async function start(dir: string, queue: string, workers = 2): Promise<Served> {
  process.env.SOUS_QUEUE_LOCK_MS = '2000';
  const data = mkdtempSync(join(tmpdir(), 'sous-queue-data-'));
  const served = await serve(['--recipes', dir, '--data', data, '--token', TOKEN, '--allow', '127.0.0.1', '--queue', queue, '--workers', String(workers)]);
  running.push(served);
  return served;
}

async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const post = (s: Served, path: string, body: unknown) =>
  fetch(`${s.base}${path}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const job = async (s: Served, id: string) => {
  const res = await fetch(`${s.base}/jobs/${id}`, { headers: auth });
  return res.status === 200 ? await json(res) : undefined;
};
const ended = (s: Served, id: string, not = ['running', 'queued']) =>
  until(async () => {
    const j = await job(s, id);
    return j && !not.includes(j.status) ? j : undefined;
  }, `job ${id} to settle`);

describe('sous serve --queue: faults', () => {
  it('a POST in flight when its worker dies is uncertain on the process that takes the job; the answer goes through the queue', async () => {
    const queue = redis.url.replace(/\/0$/, '/1');
    const dir = tempFiles({
      'pay.json': recipe('pay', [
        { id: 'pay', kind: 'action', connector: 'http', action: 'request', input: { method: 'POST', url: `${upstreamUrl}/pay` } },
        { id: 'done', kind: 'set', values: { paid: '{{ steps.pay.body.paid }}' } }
      ])
    });
    const first = await start(dir, queue);
    const { event_id } = await json(await post(first, '/hooks/pay', {}));
    await until(async () => (count('/pay') === 1 ? true : undefined), 'the POST');
    first.child.kill('SIGKILL');
    await first.ended;

    const other = await start(dir, queue);
    const waiting = await ended(other, event_id);
    expect(waiting.status).toBe('uncertain');
    expect(waiting.steps.find((s: { path: string }) => s.path === 'pay')).toMatchObject({ status: 'uncertain' });
    expect(count('/pay')).toBe(1);
    expect(other.stderr()).toMatch(new RegExp(`job ${event_id} resumed`));

    const answered = await post(other, `/jobs/${event_id}/answer`, { path: 'pay', choice: 'continue', by: 'ana', output: { status: 200, headers: {}, body: { paid: 'checked' } } });
    expect([answered.status, await json(answered)]).toEqual([202, { job_id: event_id }]);
    const done = await ended(other, event_id, ['running', 'queued', 'uncertain']);
    expect([done.status, done.output]).toEqual(['succeeded', { paid: 'checked' }]);
    expect(count('/pay')).toBe(1);
  }, 60_000);

  it('SIGTERM lets the running step end, hands the job back, and another process goes on at the next step', async () => {
    const queue = redis.url.replace(/\/0$/, '/2');
    const dir = tempFiles({ 'slow.json': recipe('slow', [get('a', `${upstreamUrl}/slow/a`), get('b', `${upstreamUrl}/slow/b`)]) });
    const first = await start(dir, queue);
    const { event_id } = await json(await post(first, '/hooks/slow', {}));
    await until(async () => (count('/slow/a') === 1 ? true : undefined), 'step a');
    first.child.kill('SIGTERM');
    expect((await first.ended).code).toBe(0);
    expect(first.stderr()).toContain('stopped (0 running job(s) ended, 1 handed back to the queue between steps)');

    const other = await start(dir, queue);
    const done = await ended(other, event_id);
    expect(done.status).toBe('succeeded');
    expect([count('/slow/a'), count('/slow/b')]).toEqual([1, 1]);
  }, 60_000);

  it('survives a lost Redis: 503s and a clear log line meanwhile, and every webhook answered 202 runs once it is back', async () => {
    const cut = await redisProxy(redis.port);
    const queue = `redis://127.0.0.1:${cut.port}/3`;
    const dir = tempFiles({ 'hook.json': recipe('hook', [get('x', `${upstreamUrl}/r/{{ trigger.body.n }}/x`), get('y', `${upstreamUrl}/r/{{ trigger.body.n }}/y`)]) });
    const served = await start(dir, queue, 4);
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) {
      const res = await post(served, '/hooks/hook', { n });
      expect(res.status).toBe(202);
      ids.push((await json(res)).event_id);
    }
    cut.close();
    const refused = await post(served, '/hooks/hook', { n: 99 });
    expect(refused.status).toBe(503);
    expect((await json(refused)).error).toMatch(/not accepted: the queue \(Redis\) did not take it/);
    const health = await fetch(`${served.base}/health`);
    expect([health.status, (await json(health)).redis]).toEqual([503, expect.stringMatching(/^unreachable/)]);
    await until(async () => (/lost the queue at redis:\/\/127\.0\.0\.1:\d+\/3/.test(served.stderr()) ? true : undefined), 'the log line');
    await new Promise((r) => setTimeout(r, 1500));
    await cut.open();

    await until(async () => ((await fetch(`${served.base}/health`)).status === 200 ? true : undefined), 'health again');
    for (const id of ids) expect((await ended(served, id)).status).toBe('succeeded');
    for (let n = 0; n < 40; n++) for (const s of ['x', 'y']) expect(count(`/r/${n}/${s}`), `${n}/${s}`).toBeGreaterThanOrEqual(1);
    expect(count('/r/99/x')).toBe(0);
    expect(served.stderr()).toMatch(/the queue at redis:\/\/127\.0\.0\.1:\d+\/3 is back/);
    expect(served.stderr()).not.toContain(TOKEN);
    cut.close();
  }, 60_000);
});

/** A TCP proxy to Redis that the test can cut (every connection dropped, the port refused) and open again. */
async function redisProxy(target: number): Promise<{ port: number; close(): void; open(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: TcpServer | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((ready) => {
      server = createTcpServer((client) => {
        const upstreamSocket = connect(target, '127.0.0.1');
        for (const s of [client, upstreamSocket]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstreamSocket).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        ready();
      });
    });
  await open();
  return {
    port,
    close() {
      server?.close();
      for (const s of sockets) s.destroy();
    },
    open
  };
}
