/**
 * `sous serve` and uncertain steps: killed while a POST was in flight, it does not post again after the
 * restart; the job waits as `uncertain` (GET /jobs/ID says so) until POST /jobs/ID/answer says what to do.
 * The upstream is a local server on 127.0.0.1 that holds the first POST until the kill.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../test-kit';
import { eventually, json, serve, type Served } from './serve-kit';

const TOKEN = 'serve-uncertain-test-token-0123456789';
let upstream: Server;
let upstreamUrl: string;
const hits: string[] = [];
const held: Array<() => void> = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits.push(req.url ?? '');
    const answer = () => void (res.headersSent || res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"paid":true}'));
    // The first call to each /pay path hangs: it is in flight when sous serve is killed.
    if (req.url?.startsWith('/pay') && hits.filter((h) => h === req.url).length === 1) held.push(answer);
    else answer();
  });
  await new Promise<void>((ready) => upstream.listen(0, '127.0.0.1', ready));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

const running: Served[] = [];
afterAll(() => {
  running.forEach((s) => s.child.kill('SIGKILL'));
  held.forEach((release) => release());
  upstream.closeAllConnections();
  upstream.close();
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const get = (s: Served, path: string) => fetch(`${s.base}${path}`, { headers: auth });
const postJson = (s: Served, path: string, body: unknown) =>
  fetch(`${s.base}${path}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function start(dir: string, data: string): Promise<Served> {
  const served = await serve(['--recipes', dir, '--data', data, '--token', TOKEN, '--allow', '127.0.0.1']);
  running.push(served);
  return served;
}

async function settled(s: Served, id: string, not: string[] = ['running', 'queued']) {
  return eventually(async () => {
    const res = await get(s, `/jobs/${id}`);
    const job = res.status === 200 ? await json(res) : undefined;
    return job && !not.includes(job.status) ? job : undefined;
  }, `job ${id} to settle`);
}

describe('sous serve: a POST cut off by a kill', () => {
  it.each([
    ['continue', 1],
    ['rerun', 2]
  ])('waits as uncertain after the restart; answered "%s" it goes on (%i POSTs in all)', async (choice, posts) => {
    const pay = `/pay-${choice}`;
    const dir = tempFiles({
      'pay.json': {
        format: 'sous.recipe/v1',
        id: 'pay',
        name: 'pay',
        trigger: { kind: 'webhook', path: 'pay' },
        steps: [
          { id: 'pay', kind: 'action', connector: 'http', action: 'request', input: { method: 'POST', url: `${upstreamUrl}${pay}` } },
          { id: 'done', kind: 'set', values: { paid: '{{ steps.pay.body.paid }}' } }
        ]
      }
    });
    const data = mkdtempSync(join(tmpdir(), 'sous-serve-data-'));
    const first = await start(dir, data);
    const { event_id } = await json(await postJson(first, '/hooks/pay', {}));
    await eventually(async () => (hits.includes(pay) ? true : undefined), 'the POST');
    first.child.kill('SIGKILL');
    await first.ended;

    const again = await start(dir, data);
    const job = await settled(again, event_id);
    expect(job.status).toBe('uncertain');
    expect(job.steps.find((s: { path: string }) => s.path === 'pay')).toMatchObject({ status: 'uncertain', attempt: 1 });
    expect(hits.filter((h) => h === pay)).toHaveLength(1);
    expect((await json(await get(again, '/jobs?recipe=pay'))).jobs[0].status).toBe('uncertain');

    // Wrong answers are refused in words, and change nothing.
    expect((await postJson(again, `/jobs/${event_id}/answer`, { path: 'pay', choice: 'maybe' })).status).toBe(400);
    const wrongStep = await postJson(again, `/jobs/${event_id}/answer`, { path: 'done', choice: 'rerun' });
    expect([wrongStep.status, (await json(wrongStep)).error]).toEqual([409, `step done of job ${event_id} is not uncertain`]);
    expect((await postJson(again, '/jobs/nope/answer', { path: 'pay', choice: 'rerun' })).status).toBe(404);

    const answered = await postJson(again, `/jobs/${event_id}/answer`, { path: 'pay', choice, by: 'ana', output: { status: 200, headers: {}, body: { paid: 'checked' } } });
    expect([answered.status, await json(answered)]).toEqual([202, { job_id: event_id }]);
    const done = await settled(again, event_id, ['running', 'queued', 'uncertain']);
    expect(done.status).toBe('succeeded');
    expect(done.output).toEqual({ paid: choice === 'continue' ? 'checked' : true });
    expect(done.steps.find((s: { path: string }) => s.path === 'pay').answer).toMatchObject({ choice, by: 'ana' });
    expect(hits.filter((h) => h === pay)).toHaveLength(posts);
    expect(again.stderr()).toContain(`ana answered "${choice}" for uncertain step pay`);
  }, 90_000);
});
