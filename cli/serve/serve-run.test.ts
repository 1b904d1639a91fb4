/**
 * `sous serve` running jobs by itself: `http` steps under the proxy's address policy (loopback refused
 * unless --allow'ed), a job killed mid-step resuming after a restart without re-running its finished steps,
 * and a schedule firing on its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../test-kit';
import { eventually, json, serve, type Served } from './serve-kit';

const TOKEN = 'serve-run-test-token-0123456789';
const recipe = (id: string, trigger: unknown, steps: unknown[]) => ({ format: 'sous.recipe/v1', id, name: id, trigger, steps });
const dataDir = () => mkdtempSync(join(tmpdir(), 'sous-serve-data-'));

let upstream: Server;
let upstreamUrl: string;
const hits: string[] = [];
const held: Array<() => void> = [];
/** Paths whose next request is held until released (each once). */
const holdNext = new Set<string>(['/slow']);
const releases = new Map<string, () => void>();

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits.push(req.url ?? '');
    const answer = () => void (res.headersSent || res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
    // The first request to a held path waits until the test lets it go (or the server is killed meanwhile).
    if (holdNext.delete(req.url ?? '')) {
      held.push(answer);
      releases.set(req.url ?? '', answer);
    } else answer();
  });
  await new Promise<void>((ready) => upstream.listen(0, '127.0.0.1', ready));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => {
  for (const release of held) release();
  upstream.closeAllConnections();
  upstream.close();
});

const running: Served[] = [];
afterAll(() => running.forEach((s) => s.child.kill('SIGKILL')));

async function start(dir: string, data: string, extra: string[] = []): Promise<Served> {
  const served = await serve(['--recipes', dir, '--data', data, '--token', TOKEN, ...extra]);
  running.push(served);
  return served;
}

const get = (s: Served, path: string) => fetch(`${s.base}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
const post = (s: Served, path: string, body: unknown = {}) =>
  fetch(`${s.base}/hooks/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function ended(s: Served, id: string) {
  return eventually(async () => {
    const res = await get(s, `/jobs/${id}`);
    if (res.status !== 200) return undefined;
    const job = await json(res);
    return job.status === 'running' || job.status === 'queued' ? undefined : job;
  }, `job ${id} to end`);
}

describe('sous serve: http steps and the address policy', () => {
  it.each([
    ['refused without --allow', [], 'failed'],
    ['reached with --allow 127.0.0.1', ['--allow', '127.0.0.1'], 'succeeded']
  ])('a loopback address is %s', async (_what, extra, status) => {
    const dir = tempFiles({
      'call.json': recipe('call', { kind: 'webhook', path: 'call' }, [
        { id: 'get', kind: 'action', connector: 'http', action: 'request', input: { url: `${upstreamUrl}/ok` } }
      ])
    });
    const s = await start(dir, dataDir(), extra);
    const { event_id } = await json(await post(s, 'call'));
    const job = await ended(s, event_id);
    expect(job.status).toBe(status);
    if (status === 'failed') expect(job.error.message).toMatch(/127\.0\.0\.1 is a loopback address \(this machine\); sous serve does not reach it\. .*start sous serve with --allow 127\.0\.0\.1/);
    else expect(job.output).toBeDefined();
  }, 40_000);
});

describe('sous serve: a kill mid-job', () => {
  it('resumes the job after a restart without re-running its finished steps', async () => {
    const dir = tempFiles({
      'slow.json': recipe('slow', { kind: 'webhook', path: 'slow' }, [
        { id: 'first', kind: 'set', values: { n: 1 } },
        { id: 'wait', kind: 'action', connector: 'http', action: 'request', input: { url: `${upstreamUrl}/slow` } },
        { id: 'last', kind: 'set', values: { n: 2 } }
      ])
    });
    const data = dataDir();
    const first = await start(dir, data, ['--allow', '127.0.0.1']);
    const { event_id } = await json(await post(first, 'slow'));
    await eventually(async () => (hits.includes('/slow') ? true : undefined), 'the slow request');
    const before = await json(await get(first, `/jobs/${event_id}`));
    expect(before.status).toBe('running');
    const firstStep = before.steps.find((s: { path: string }) => s.path === 'first');
    expect(firstStep.status).toBe('succeeded');
    first.child.kill('SIGKILL');
    await first.ended;

    const again = await start(dir, data, ['--allow', '127.0.0.1']);
    const job = await ended(again, event_id);
    expect(job.status).toBe('succeeded');
    expect(job.steps.find((s: { path: string }) => s.path === 'first')).toEqual(firstStep);
    expect(hits.filter((h) => h === '/slow')).toHaveLength(2);
    expect(again.stderr()).toMatch(new RegExp(`job ${event_id} resumed after a restart`));
    // One job for the one event: nothing ran twice.
    expect((await json(await get(again, '/jobs?recipe=slow'))).jobs).toHaveLength(1);
  }, 60_000);
});

describe('sous serve: schedules', () => {
  it('fires an every-1s schedule by itself, once per due time', async () => {
    const dir = tempFiles({ 'tick.json': recipe('tick', { kind: 'schedule', every: '1s' }, [{ id: 'at', kind: 'set', values: { at: '{{ trigger.at }}' } }]) });
    const s = await start(dir, dataDir());
    const jobs = await eventually(async () => {
      const listed = (await json(await get(s, '/jobs?recipe=tick'))).jobs;
      return listed.length >= 2 && listed.every((j: { status: string }) => j.status === 'succeeded') ? listed : undefined;
    }, 'two scheduled jobs');
    const ats = jobs.map((j: { trigger: { at: string } }) => j.trigger.at);
    expect(new Set(ats).size).toBe(ats.length);
    expect(jobs[0].trigger).toMatchObject({ catch_up: false, missed: 0 });
    expect(jobs[0].output).toEqual({ at: jobs[0].trigger.at });
  }, 30_000);
});

describe('sous serve: the durable queue, SIGTERM and catch-up', () => {
  it('starts events accepted but not started before a kill, each once', async () => {
    holdNext.add('/queue-hold');
    const dir = tempFiles({
      'q.json': recipe('q', { kind: 'webhook', path: 'q' }, [
        { id: 'call', kind: 'action', connector: 'http', action: 'request', input: { url: `${upstreamUrl}/queue-{{ trigger.body.n }}` } }
      ])
    });
    const data = dataDir();
    const first = await start(dir, data, ['--allow', '127.0.0.1']);
    const a = (await json(await post(first, 'q', { n: 'hold' }))).event_id;
    await eventually(async () => (hits.includes('/queue-hold') ? true : undefined), 'the held request');
    // One job per recipe at a time: these two wait, accepted (202) and on disk.
    const b = await post(first, 'q', { n: 'b' });
    const c = await post(first, 'q', { n: 'c' });
    expect([b.status, c.status]).toEqual([202, 202]);
    const ids = [a, (await json(b)).event_id, (await json(c)).event_id];
    expect((await json(await fetch(`${first.base}/health`))).queue_depth).toBe(2);
    first.child.kill('SIGKILL');
    await first.ended;
    expect(hits.filter((h) => h === '/queue-b' || h === '/queue-c')).toEqual([]);

    const again = await start(dir, data, ['--allow', '127.0.0.1']);
    for (const id of ids) expect((await ended(again, id)).status).toBe('succeeded');
    expect(hits.filter((h) => h === '/queue-b')).toHaveLength(1);
    expect(hits.filter((h) => h === '/queue-c')).toHaveLength(1);
    expect((await json(await get(again, '/jobs?recipe=q'))).jobs).toHaveLength(3);
  }, 60_000);

  it('on SIGTERM takes no new webhooks and exits 0 once the running job has ended', async () => {
    holdNext.add('/term-hold');
    const dir = tempFiles({
      't.json': recipe('t', { kind: 'webhook', path: 't' }, [
        { id: 'call', kind: 'action', connector: 'http', action: 'request', input: { url: `${upstreamUrl}/term-hold` } }
      ])
    });
    const data = dataDir();
    const s = await start(dir, data, ['--allow', '127.0.0.1']);
    const id = (await json(await post(s, 't'))).event_id;
    await eventually(async () => (releases.has('/term-hold') ? true : undefined), 'the held request');
    s.child.kill('SIGTERM');
    await eventually(async () => (/stopping: no new work/.test(s.stderr()) ? true : undefined), 'the stopping line');
    // No new work: the port is closed (or, on a kept-alive connection, 503).
    const late = await post(s, 't').then((res) => res.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    let exited = false;
    void s.ended.then(() => (exited = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(exited).toBe(false);
    releases.get('/term-hold')!();
    expect(await s.ended).toEqual({ code: 0, signal: null });
    expect(s.stderr()).toMatch(new RegExp(`job ${id} succeeded`));
    // The job's end is on disk: a new start lists it finished and runs nothing again.
    const again = await start(dir, data, ['--allow', '127.0.0.1']);
    expect((await json(await get(again, `/jobs/${id}`))).status).toBe('succeeded');
    expect(hits.filter((h) => h === '/term-hold')).toHaveLength(1);
  }, 60_000);

  it('after being down, a schedule catches up with one run, missed counted', async () => {
    const dir = tempFiles({ 'beat.json': recipe('beat', { kind: 'schedule', every: '1s' }, []) });
    const data = dataDir();
    const first = await start(dir, data);
    await eventually(async () => ((await json(await get(first, '/jobs?recipe=beat'))).jobs.length >= 1 ? true : undefined), 'a first run');
    first.child.kill('SIGKILL');
    await first.ended;
    const downAt = Date.now();
    await new Promise((r) => setTimeout(r, 3500));
    const again = await start(dir, data);
    const catchUp = await eventually(async () => {
      const jobs = (await json(await get(again, '/jobs?recipe=beat&limit=10000'))).jobs;
      return jobs.find((j: { trigger: { catch_up: boolean } }) => j.trigger.catch_up);
    }, 'the catch-up run');
    expect(catchUp.trigger.missed).toBeGreaterThanOrEqual(3);
    expect(Date.parse(catchUp.trigger.at)).toBeGreaterThan(downAt);
    const jobs = (await json(await get(again, '/jobs?recipe=beat&limit=10000'))).jobs;
    expect(jobs.filter((j: { trigger: { catch_up: boolean } }) => j.trigger.catch_up)).toHaveLength(1);
  }, 60_000);
});
