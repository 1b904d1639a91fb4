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

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits.push(req.url ?? '');
    const answer = () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    // The first /slow request is held until the test lets it go (the server is killed meanwhile).
    if (req.url === '/slow' && hits.filter((h) => h === '/slow').length === 1) held.push(answer);
    else answer();
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
