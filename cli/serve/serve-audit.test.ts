/**
 * `sous serve` against its contract, from outside: the token never leaks (stdout, stderr, answers, jobs, the
 * database files), only GET /health is open, `--concurrency` bounds each recipe's running jobs, and a
 * schedule tick that waited behind a running job says so (`waited_ms`, `missed`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempFiles } from '../test-kit';
import { eventually, json, serve, type Served } from './serve-kit';

const recipe = (id: string, trigger: unknown, steps: unknown[] = []) => ({ format: 'sous.recipe/v1', id, name: id, trigger, steps });
const dataDir = () => mkdtempSync(join(tmpdir(), 'sous-serve-data-'));
const running: Served[] = [];
afterAll(() => running.forEach((s) => s.child.kill('SIGKILL')));

async function start(args: string[]): Promise<Served> {
  const served = await serve(args);
  running.push(served);
  return served;
}

/** A local upstream whose requests wait until the test releases them: a step that takes as long as we say. */
let upstream: Server;
let upstreamUrl: string;
const heldRequests: Array<{ url: string; answer: () => void }> = [];
beforeAll(async () => {
  upstream = createServer((req, res) => {
    heldRequests.push({ url: req.url ?? '', answer: () => void (res.headersSent || res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')) });
  });
  await new Promise<void>((ready) => upstream.listen(0, '127.0.0.1', ready));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const r of heldRequests) r.answer();
  upstream.closeAllConnections();
  upstream.close();
});
const heldAt = (path: string) => heldRequests.filter((r) => r.url === path);
const release = (path: string) => heldAt(path).forEach((r) => r.answer());
const holdStep = (path: string) => ({ id: 'hold', kind: 'action', connector: 'http', action: 'request', input: { url: `${upstreamUrl}${path}` } });

describe('sous serve: the token never leaks', () => {
  const data = dataDir();
  let s: Served;
  let token: string;
  const answers: string[] = [];
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${s.base}${path}`, init);
    const text = await res.text();
    answers.push(text);
    return { status: res.status, body: JSON.parse(text) };
  };
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const dir = tempFiles({ 'hook.json': recipe('hook', { kind: 'webhook', path: 'in' }, [{ id: 'echo', kind: 'set', values: { got: '{{ trigger }}' } }]) });
    s = await start(['--recipes', dir, '--data', data]);
    token = /shown only now\): (\S+)/.exec(s.stdout())![1];
  }, 40_000);

  it.each([
    ['POST /health', '/health', 'POST'],
    ['DELETE /jobs', '/jobs', 'DELETE'],
    ['GET /jobs/', '/jobs/', 'GET'],
    ['GET /', '/', 'GET']
  ])('answers 401 to %s without the token (only GET /health is open)', async (_what, path, method) => {
    expect((await call(path, { method })).status).toBe(401);
  });

  it('answers GET /health with status, queue depth and workers, without the token', async () => {
    const { status, body } = await call('/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', queue_depth: 0, workers: { running: 0, limit: 1 } });
  });

  it('hands the job the request without Authorization, Cookie or the token, wherever the caller put it', async () => {
    const { status, body } = await call(`/hooks/in?token=${encodeURIComponent(token)}&copy=${encodeURIComponent(token)}&plain=yes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: 'session=abc', 'X-Token': token },
      body: JSON.stringify({ note: `the token is ${token}`, nested: [{ [token]: token }] })
    });
    expect(status).toBe(202);
    const job = await eventually(async () => {
      const got = await call(`/jobs/${body.event_id}`, { headers: auth() });
      return got.status === 200 && got.body.status === 'succeeded' ? got.body : undefined;
    }, 'the webhook job');
    expect(Object.keys(job.trigger).sort()).toEqual(['body', 'headers', 'method', 'query']);
    expect(job.trigger.headers).not.toHaveProperty('authorization');
    expect(job.trigger.headers).not.toHaveProperty('cookie');
    expect(job.trigger.headers['x-token']).toBe('[token removed]');
    expect(job.trigger.query).toEqual({ copy: '[token removed]', plain: 'yes' });
    expect(job.trigger.body).toEqual({ note: 'the token is [token removed]', nested: [{ '[token removed]': '[token removed]' }] });
  });

  it('never echoes the token in an error (a job id, a route, a limit)', async () => {
    for (const path of [`/jobs/${token}`, `/nothing/${token}`, `/jobs?limit=${token}`, `/hooks/${token}`]) {
      const { status, body } = await call(path, { method: path.startsWith('/hooks/') ? 'POST' : 'GET', headers: auth() });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body.error).toMatch(/\[token removed\]/);
    }
  });

  it('lists full jobs (trigger, status, output, steps), and the token is nowhere: output, answers, database', async () => {
    const { body } = await call('/jobs?limit=10000', { headers: auth() });
    expect(body.jobs.length).toBeGreaterThan(0);
    for (const job of body.jobs) expect(job).toMatchObject({ trigger: expect.any(Object), status: expect.any(String), steps: expect.any(Array) });
    expect(body.jobs[0]).toHaveProperty('output');
    // Printed once, when made (stdout), and nowhere else.
    expect(s.stdout().split(token).length - 1).toBe(1);
    expect(s.stderr()).not.toContain(token);
    expect(s.stderr()).not.toMatch(/Bearer/i);
    for (const text of answers) expect(text).not.toContain(token);
    // The token file holds it; the database (and its WAL) never does.
    for (const file of readdirSync(data).filter((f) => f !== 'token')) {
      expect(readFileSync(join(data, file)).includes(Buffer.from(token)), file).toBe(false);
    }
  });
});

describe('sous serve --concurrency', () => {
  it.each([
    [['--concurrency', 'ghost=2'], /--concurrency ghost=…: no recipe "ghost" is started here \(started: pair, solo\)/],
    [['--concurrency', '0'], /--concurrency expects a whole number from 1 to 100 \(jobs of one recipe at once\), not "0"/],
    [['--concurrency', 'pair=many'], /--concurrency expects a whole number from 1 to 100 .*not "many" for pair/]
  ])('exits 2 on %j with a plain message', (extra, message) => {
    const dir = tempFiles({
      'pair.json': recipe('pair', { kind: 'webhook', path: 'pair' }),
      'solo.json': recipe('solo', { kind: 'webhook', path: 'solo' })
    });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/sous.ts', 'serve', '--port', '0', '--recipes', dir, '--data', dataDir(), ...extra], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);

  it('runs N jobs of a recipe at once with RECIPE_ID=N, one at a time for the others (the default)', async () => {
    const dir = tempFiles({
      'pair.json': recipe('pair', { kind: 'webhook', path: 'pair' }, [holdStep('/pair')]),
      'solo.json': recipe('solo', { kind: 'webhook', path: 'solo' }, [holdStep('/solo')])
    });
    const s = await start(['--recipes', dir, '--data', dataDir(), '--token', 'concurrency-test-token-0123', '--allow', '127.0.0.1', '--concurrency', 'pair=2']);
    expect(s.stdout()).toMatch(/^started pair \(.*\): webhook POST \/hooks\/pair; 2 jobs at once$/m);
    expect(s.stdout()).toMatch(/^started solo \(.*\): webhook POST \/hooks\/solo$/m);
    const headers = { Authorization: 'Bearer concurrency-test-token-0123' };
    for (const path of ['pair', 'pair', 'pair', 'solo', 'solo']) {
      expect((await fetch(`${s.base}/hooks/${path}`, { method: 'POST', headers, body: '{}' })).status).toBe(202);
    }
    await eventually(async () => (heldAt('/pair').length === 2 && heldAt('/solo').length === 1 ? true : undefined), 'two pair jobs and one solo job running');
    await new Promise((r) => setTimeout(r, 300));
    expect([heldAt('/pair').length, heldAt('/solo').length]).toEqual([2, 1]);
    const health = await (await fetch(`${s.base}/health`)).json();
    expect(health).toEqual({ status: 'ok', queue_depth: 2, workers: { running: 3, limit: 3 } });
    release('/pair');
    release('/solo');
    await eventually(async () => (heldAt('/pair').length === 3 && heldAt('/solo').length === 2 ? true : undefined), 'the waiting jobs to start');
    release('/pair');
    release('/solo');
    const jobs = await eventually(async () => {
      const listed = (await (await fetch(`${s.base}/jobs`, { headers })).json()).jobs as Array<{ status: string }>;
      return listed.length === 5 && listed.every((j) => j.status === 'succeeded') ? listed : undefined;
    }, 'all five jobs to succeed');
    expect(jobs).toHaveLength(5);
  }, 60_000);
});

describe('sous serve: a schedule tick that waited', () => {
  it('says so in the job: waited_ms, and missed grown by the ticks skipped while it waited', async () => {
    const dir = tempFiles({ 'tick.json': recipe('tick', { kind: 'schedule', every: '1s' }, [holdStep('/tick')]) });
    const s = await start(['--recipes', dir, '--data', dataDir(), '--token', 'schedule-wait-token-0123456', '--allow', '127.0.0.1']);
    const headers = { Authorization: 'Bearer schedule-wait-token-0123456' };
    await eventually(async () => (heldAt('/tick').length === 1 ? true : undefined), 'the first tick running');
    // Held for over three due times: one tick waits, the later ones fold into it.
    await new Promise((r) => setTimeout(r, 3_300));
    expect(heldAt('/tick')).toHaveLength(1);
    release('/tick');
    await eventually(async () => (heldAt('/tick').length === 2 ? true : undefined), 'the waiting tick to start');
    release('/tick');
    const jobs = await eventually(async () => {
      const listed = (await (await fetch(`${s.base}/jobs?recipe=tick`, { headers })).json()).jobs as Array<{ status: string; trigger: any }>;
      return listed.length >= 2 && listed.at(-2)!.status === 'succeeded' ? listed : undefined;
    }, 'the waited tick to end');
    s.child.kill('SIGKILL');
    const [first, second] = jobs.slice(-2).reverse();
    expect(first.trigger).toMatchObject({ catch_up: false, missed: 0 });
    expect(first.trigger).not.toHaveProperty('waited_ms');
    expect(second.trigger.missed).toBeGreaterThanOrEqual(1);
    expect(second.trigger.waited_ms).toBeGreaterThan(1_000);
    expect(s.stderr()).toMatch(/job tick@\S+ started \(recipe tick, schedule, waited \d+ ms\)/);
  }, 60_000);
});

describe('sous serve: SIGTERM', () => {
  it('exits once the running step ends, without waiting for the job; the job resumes at its next step', async () => {
    const dir = tempFiles({
      'steps.json': recipe('steps', { kind: 'webhook', path: 'steps' }, [
        { id: 'first', kind: 'set', values: { n: 1 } },
        { ...holdStep('/term-now'), id: 'now' },
        { ...holdStep('/term-next'), id: 'next' },
        { id: 'last', kind: 'set', values: { n: 2 } }
      ])
    });
    const data = dataDir();
    const args = ['--recipes', dir, '--data', data, '--token', 'sigterm-steps-token-0123456', '--allow', '127.0.0.1'];
    const headers = { Authorization: 'Bearer sigterm-steps-token-0123456' };
    const s = await start(args);
    const { event_id } = await (await fetch(`${s.base}/hooks/steps`, { method: 'POST', headers, body: '{}' })).json();
    await eventually(async () => (heldAt('/term-now').length === 1 ? true : undefined), 'the first held step');
    s.child.kill('SIGTERM');
    await eventually(async () => (/stopping: no new work/.test(s.stderr()) ? true : undefined), 'the stopping line');
    let exited = false;
    void s.ended.then(() => (exited = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(exited).toBe(false); // the running step is not cut off
    release('/term-now');
    // The next step (which would wait forever) never begins: it exits now.
    expect(await s.ended).toEqual({ code: 0, signal: null });
    expect(heldAt('/term-next')).toHaveLength(0);
    expect(s.stderr()).toMatch(/stopped \(0 running job\(s\) ended, 1 stopped between steps \(they resume there on the next start\), 0 event\(s\) left queued/);

    const again = await start(args);
    await eventually(async () => (heldAt('/term-next').length === 1 ? true : undefined), 'the resumed job at its next step');
    release('/term-next');
    const job = await eventually(async () => {
      const got = await (await fetch(`${again.base}/jobs/${event_id}`, { headers })).json();
      return got.status === 'succeeded' ? got : undefined;
    }, 'the resumed job to succeed');
    expect(job.steps.map((r: { path: string; status: string }) => `${r.path}:${r.status}`)).toEqual(['first:succeeded', 'now:succeeded', 'next:succeeded', 'last:succeeded']);
    expect(heldAt('/term-now')).toHaveLength(1); // the finished step did not run again
    expect(again.stderr()).toMatch(new RegExp(`job ${event_id} resumed after a restart`));
  }, 60_000);
});
