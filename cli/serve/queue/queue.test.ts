/**
 * `sous serve --queue`: three real `sous serve` processes on one real redis-server (127.0.0.1, no
 * persistence). 1,000 webhooks each run exactly once; one process is SIGKILLed mid-run and the other two
 * finish every job, none lost, no finished step run again; a schedule fires once per due time across the three.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../../test-kit';
import { json, serve, type Served } from '../serve-kit';
import { startRedis, type RedisServer } from './redis-server-kit';

const TOKEN = 'queue-test-token-0123456789abcdef';
const auth = { Authorization: `Bearer ${TOKEN}` };
const recipe = (id: string, trigger: unknown, steps: unknown[]) => ({ format: 'sous.recipe/v1', id, name: id, trigger, steps });
const STEPS = ['s0', 's1', 's2'];

let redis: RedisServer;
let upstream: Server;
let upstreamUrl: string;
/** Hits by "n/step". */
const hits = new Map<string, number>();
const running: Served[] = [];

beforeAll(async () => {
  redis = await startRedis();
  upstream = createServer((req, res) => {
    const key = (req.url ?? '').replace(/^\/c\//, '');
    hits.set(key, (hits.get(key) ?? 0) + 1);
    // A little latency, so that jobs are mid-step when a process is killed.
    setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'), 2);
  });
  await new Promise<void>((ready) => upstream.listen(0, '127.0.0.1', ready));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  running.forEach((s) => s.child.kill('SIGKILL'));
  upstream?.closeAllConnections();
  upstream?.close();
  await redis?.stop();
});

async function start(dir: string): Promise<Served> {
  process.env.SOUS_QUEUE_LOCK_MS = '3000';
  const data = mkdtempSync(join(tmpdir(), 'sous-queue-data-'));
  const served = await serve(['--recipes', dir, '--data', data, '--token', TOKEN, '--allow', '127.0.0.1', '--queue', redis.url, '--workers', '8']);
  running.push(served);
  return served;
}

async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('sous serve --queue: three processes on one Redis', () => {
  it('runs 1,000 webhooks exactly once, survives a SIGKILL with no job lost and no finished step re-run, fires a schedule once per due time', async () => {
    const steps = STEPS.map((id) => ({ id, kind: 'action', connector: 'http', action: 'request', input: { method: 'GET', url: `${upstreamUrl}/c/{{ trigger.body.n }}/${id}` } }));
    const dir = tempFiles({
      'hook.json': recipe('hook', { kind: 'webhook', path: 'in' }, steps),
      'tick.json': recipe('tick', { kind: 'schedule', every: '1s' }, [{ id: 'at', kind: 'set', values: { at: '{{ trigger.at }}' } }])
    });
    const procs = await Promise.all([start(dir), start(dir), start(dir)]);

    const health = await json(await fetch(`${procs[0].base}/health`));
    expect(health).toMatchObject({ status: 'ok', redis: 'ok', queue_depth: expect.any(Number), delayed: expect.any(Number), workers: { limit: 8, processes: 3 } });

    // 1,000 webhooks spread over the three, 20 in flight; each 202 means Redis has it.
    const N = 1000;
    const ids: string[] = [];
    let next = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < N) {
          const n = next++;
          const target = procs[(n % 2) + 1]; // the webhooks go to the two that live; the first only works jobs
          const res = await fetch(`${target.base}/hooks/in`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ n }) });
          expect(res.status).toBe(202);
          ids.push((await json(res)).event_id);
          if (n === 400 && !killed) {
            killed = true;
            procs[0].child.kill('SIGKILL');
          }
        }
      })
    );
    await procs[0].ended;

    // Every job ends, on the two left (the killed one's after BullMQ's stalled check).
    const jobs = await until(async () => {
      const res = await fetch(`${procs[1].base}/jobs?recipe=hook&limit=10000`, { headers: auth });
      const list = (await json(res)).jobs as Array<{ id: string; status: string; trigger: { body: { n: number } } }>;
      const done = list.filter((j) => j.status === 'succeeded');
      return done.length === N ? list : undefined;
    }, 'every webhook job to succeed', 80_000);
    expect(new Set(jobs.map((j) => j.id))).toEqual(new Set(ids));
    // Each step of each job reached the upstream; a step reached twice is one that was in flight when its
    // worker died (a GET, safe to repeat): one per job at most, one per take-over, never a finished step.
    const twice: string[] = [];
    for (let n = 0; n < N; n++) {
      let again = 0;
      for (const s of STEPS) {
        const count = hits.get(`${n}/${s}`) ?? 0;
        expect(count, `${n}/${s}`).toBeGreaterThanOrEqual(1);
        expect(count, `${n}/${s}`).toBeLessThanOrEqual(2);
        if (count === 2) twice.push(`${n}/${s}`), again++;
      }
      expect(again, `job ${n} ran more than its in-flight step again`).toBeLessThanOrEqual(1);
    }
    const said = procs.map((p, i) => p.stderr().split('\n').filter((l) => /resumed|LOCKLOST|failed|lost/.test(l)).map((l) => `${i}: ${l}`)).flat();
    // The killed process ran 8 jobs at once: at most 8 steps were in flight there. A living process that
    // stalled past its lock (a loaded machine) is taken over too: each take-over says "resumed".
    const resumed = procs.slice(1).map((p) => p.stderr()).join('').match(/resumed/g)?.length ?? 0;
    expect(twice.length, `${twice.join(' ')}\n${said.join('\n')}`).toBeLessThanOrEqual(resumed);
    // The jobs the killed process had begun and not ended are each resumed by another.
    const killedLog = procs[0].stderr();
    const begun = [...killedLog.matchAll(/job (\S+) started \(recipe hook/g)].map((m) => m[1]);
    const cutOff = begun.filter((id) => !killedLog.includes(`job ${id} succeeded`));
    expect(cutOff.length).toBeGreaterThanOrEqual(1);
    const others = procs.slice(1).map((p) => p.stderr()).join('');
    for (const id of cutOff) expect(others, `job ${id}`).toContain(`job ${id} resumed`);

    // The schedule: one job per due time across the processes (its job id is RECIPE@DUE_AT, once each).
    // While 1,000 webhooks wait, a due time may pass before its tick is taken (BullMQ then skips to the next
    // one, never a burst); once the queue is idle, every second on the second.
    const idleFrom = Date.now();
    await new Promise((r) => setTimeout(r, 5_000));
    const ticks = (await json(await fetch(`${procs[1].base}/jobs?recipe=tick&limit=10000`, { headers: auth }))).jobs as Array<{ id: string; status: string; trigger: { at: string } }>;
    const ats = ticks.map((t) => Date.parse(t.trigger.at)).sort((a, b) => a - b);
    expect(new Set(ats).size).toBe(ats.length);
    for (const at of ats) expect(at % 1000).toBe(0);
    // A tick due in the last 1.5 s may not be taken yet on a loaded machine: those are left out.
    const idle = ats.filter((at) => at > idleFrom + 1000 && at < Date.now() - 1500);
    expect(idle.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < idle.length; i++) expect(idle[i] - idle[i - 1]).toBe(1000);
    const tickLines = procs.map((p) => p.stderr()).join('').match(/job tick@\S+ started/g) ?? [];
    expect(new Set(tickLines).size).toBe(tickLines.length);

    // SIGTERM: a clean exit 0.
    procs[1].child.kill('SIGTERM');
    expect((await procs[1].ended).code).toBe(0);
    expect(procs[1].stderr()).toMatch(/stopped \(\d+ running job\(s\) ended, \d+ handed back/);
  }, 110_000);
});
