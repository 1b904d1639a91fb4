/** `sous serve` as a real process on 127.0.0.1: token, routes, limits, refused files, and jobs kept across a kill. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../test-kit';
import { eventually, json, serve, type Served } from './serve-kit';

const recipe = (id: string, trigger: unknown, steps: unknown[] = []) => ({ format: 'sous.recipe/v1', id, name: id, trigger, steps });

const RECIPES = {
  'hook.json': recipe('hook', { kind: 'webhook', path: 'orders/new' }, [
    { id: 'pick', kind: 'set', values: { amount: '{{ trigger.body.amount }}', via: '{{ trigger.method }}' } }
  ]),
  'other-hook.json': recipe('other-hook', { kind: 'webhook', path: 'other' }),
  'hourly.json': recipe('hourly', { kind: 'schedule', every: '1h' }),
  'manual.json': recipe('by-hand', { kind: 'manual' }),
  'same-path.json': recipe('same-path', { kind: 'webhook', path: '/orders/new/' }),
  'broken.json': '{ "format": "sous.recipe/v1", ',
  'no-name.json': { format: 'sous.recipe/v1', id: 'no-name', trigger: { kind: 'webhook', path: 'x' }, steps: [] },
  'input.json': { amount: 5 }
};

const dir = tempFiles(RECIPES);
const data = mkdtempSync(join(tmpdir(), 'sous-serve-data-'));
let served: Served;
let token: string;

const withToken = (path: string, init: RequestInit = {}) =>
  fetch(`${served.base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });

const postHook = (path: string, body: unknown, extra = '') =>
  withToken(`/hooks/${path}?source=test${extra}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function finished(id: string) {
  return eventually(async () => {
    const res = await withToken(`/jobs/${id}`);
    if (res.status !== 200) return undefined;
    const job = await json(res);
    return job.status === 'running' || job.status === 'queued' ? undefined : job;
  }, `job ${id} to end`);
}

beforeAll(async () => {
  served = await serve(['--recipes', dir, '--data', data]);
  token = /shown only now\): (\S+)/.exec(served.stdout())![1];
}, 40_000);

afterAll(async () => {
  served?.child.kill('SIGKILL');
});

describe('sous serve: start-up', () => {
  it('prints a made token once, the recipes it started, and each refused file with why', () => {
    const out = served.stdout();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(out.split(token).length - 1).toBe(1);
    expect(served.stderr()).not.toContain(token);
    expect(out).toMatch(/^started hook \(.*hook\.json\): webhook POST \/hooks\/orders\/new$/m);
    expect(out).toMatch(/^started other-hook \(.*other-hook\.json\)/m);
    expect(out).toMatch(/^started hourly \(.*hourly\.json\): schedule every 1h, next 20\d\d-/m);
    const refused = (file: string) => new RegExp(`^refused .*${file.replace('.', '\\.')}: (.+)$`, 'm').exec(out)?.[1];
    expect(refused('manual.json')).toMatch(/trigger is manual; sous serve starts only schedule and webhook recipes/);
    expect(refused('same-path.json')).toMatch(/webhook path "orders\/new" is already served for .*hook\.json/);
    expect(refused('broken.json')).toMatch(/not a valid recipe/);
    expect(refused('no-name.json')).toMatch(/not a valid recipe: name/);
    // Not a recipe at all: passed over, as `--recipes` does for `sous run`.
    expect(out).not.toContain('input.json');
  });
});

describe('sous serve: the token', () => {
  it('lets GET /health through without it', async () => {
    const res = await fetch(`${served.base}/health`);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok', queue_depth: 0, workers: expect.objectContaining({ running: expect.any(Number) }) });
  });

  it.each([
    ['no token', '/jobs', {}],
    ['a wrong Bearer token', '/jobs', { Authorization: 'Bearer not-the-token-at-all-0000' }],
    ['the token as Basic', '/jobs', { Authorization: 'Basic TOKEN' }],
    ['a wrong ?token=', '/jobs?token=not-the-token-at-all-0000', {}],
    ['no token, a job', '/jobs/anything', {}],
    ['no token, a webhook', '/hooks/orders/new', {}],
    ['a wrong ?token=, a webhook', '/hooks/orders/new?token=nope', {}],
    ['no token, an unknown route', '/nothing-here', {}]
  ])('answers 401 to %s', async (_what, path, headers) => {
    const method = path.startsWith('/hooks/') ? 'POST' : 'GET';
    const res = await fetch(`${served.base}${path.replace('TOKEN', token)}`, { method, headers: JSON.parse(JSON.stringify(headers).replace('TOKEN', token)) });
    expect(res.status).toBe(401);
    expect((await json(res)).error).toMatch(/token/);
  });

  it('takes the token as ?token= too', async () => {
    expect((await fetch(`${served.base}/jobs?token=${encodeURIComponent(token)}`)).status).toBe(200);
  });
});

describe('sous serve: webhooks and jobs', () => {
  it('queues a webhook (202 {event_id}) and runs its job with the request, minus the token', async () => {
    const res = await postHook('orders/new', { amount: 120 }, `&token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(202);
    const { event_id } = await json(res);
    expect(event_id).toMatch(/^[0-9a-f-]{36}$/);
    const job = await finished(event_id);
    expect(job).toMatchObject({ recipe_id: 'hook', status: 'succeeded', output: { amount: 120, via: 'POST' } });
    expect(job.trigger).toMatchObject({ method: 'POST', query: { source: 'test' }, body: { amount: 120 } });
    expect(job.trigger.headers['content-type']).toBe('application/json');
    expect(Object.keys(job.trigger.headers).map((h: string) => h.toLowerCase())).not.toContain('authorization');
    expect(JSON.stringify(job)).not.toContain(token);
    const listed = await json(await withToken('/jobs'));
    expect(listed.jobs.map((j: { id: string }) => j.id)).toContain(event_id);
    expect(served.stderr()).toMatch(new RegExp(`job ${event_id} started \\(recipe hook, webhook`));
    expect(served.stderr()).toMatch(new RegExp(`job ${event_id} succeeded \\(recipe hook`));
    expect(served.stderr()).not.toContain(token);
  });

  it.each([
    ['an unknown path', 'orders/old', 404, /no started webhook recipe at \/hooks\/orders\/old/],
    ['the path of a refused recipe', 'x', 404, /no started webhook recipe/]
  ])('answers 404 to %s', async (_what, path, status, message) => {
    const res = await postHook(path, {});
    expect(res.status).toBe(status);
    expect((await json(res)).error).toMatch(message);
  });

  it('answers 413 to a body over the size limit, saying the limit', async () => {
    const res = await withToken('/hooks/orders/new', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect((await json(res)).error).toMatch(/over the webhook size limit of 1 MiB/);
  });

  it('lists jobs newest first, bounded by ?limit and filtered by ?recipe', async () => {
    const ids: string[] = [];
    for (const amount of [1, 2, 3]) {
      ids.push((await json(await postHook('orders/new', { amount }))).event_id);
      await finished(ids.at(-1)!);
    }
    const other = (await json(await postHook('other', {}))).event_id;
    await finished(other);
    const two = (await json(await withToken('/jobs?limit=2'))).jobs;
    expect(two.map((j: { id: string }) => j.id)).toEqual([other, ids[2]]);
    const hooks = (await json(await withToken('/jobs?recipe=hook&limit=3'))).jobs;
    expect(hooks.map((j: { id: string }) => j.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(hooks.every((j: { steps: unknown[]; trigger: unknown }) => Array.isArray(j.steps) && j.trigger)).toBe(true);
    expect((await json(await withToken('/jobs?recipe=nobody'))).jobs).toEqual([]);
  });

  it.each(['0', '10001', 'ten', '-1'])('answers 400 to ?limit=%s', async (limit) => {
    const res = await withToken(`/jobs?limit=${limit}`);
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatch(/limit must be a whole number from 1 to 10000/);
  });

  it('answers 404 for an unknown job id', async () => {
    const res = await withToken('/jobs/no-such-job');
    expect(res.status).toBe(404);
    expect((await json(res)).error).toBe('no job no-such-job');
  });

  it('keeps the jobs and the token across a kill (SIGKILL) and a restart, printing no token again', async () => {
    const before = (await json(await withToken('/jobs?recipe=hook'))).jobs.map((j: { id: string }) => j.id);
    expect(before.length).toBeGreaterThanOrEqual(4);
    served.child.kill('SIGKILL');
    await served.ended;
    served = await serve(['--recipes', dir, '--data', data]);
    expect(served.stdout()).not.toContain(token);
    expect(served.stdout()).not.toMatch(/token/i);
    const after = (await json(await withToken('/jobs?recipe=hook'))).jobs.map((j: { id: string }) => j.id);
    expect(after).toEqual(before);
    expect((await withToken(`/jobs/${before[0]}`)).status).toBe(200);
  }, 40_000);
});

describe('sous serve --token', () => {
  const given = 'given-token-0123456789abcdef';
  let flood: Served;

  beforeAll(async () => {
    flood = await serve(['--recipes', dir, '--data', mkdtempSync(join(tmpdir(), 'sous-serve-data-')), '--token', given]);
  }, 40_000);

  afterAll(() => {
    flood?.child.kill('SIGKILL');
  });

  it('never prints the given token, nor any Bearer line', async () => {
    await fetch(`${flood.base}/jobs?token=${given}`);
    for (const text of [flood.stdout(), flood.stderr()]) {
      expect(text).not.toContain(given);
      expect(text).not.toMatch(/Bearer/i);
    }
    expect((await fetch(`${flood.base}/jobs`, { headers: { Authorization: `Bearer ${given}` } })).status).toBe(200);
  });

  it('answers 429 when flooded, and 202 to what it took', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 700 }, () =>
        fetch(`${flood.base}/hooks/other`, { method: 'POST', headers: { Authorization: `Bearer ${given}` }, body: '{}' }).then(async (res) => {
          const body = await json(res);
          if (res.status === 429) expect(body.error).toMatch(/too many/);
          return res.status;
        })
      )
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 202 || s === 429)).toBe(true);
  }, 30_000);

  it('stops on SIGTERM and exits 0', async () => {
    flood.child.kill('SIGTERM');
    expect(await flood.ended).toEqual({ code: 0, signal: null });
    expect(flood.stderr()).toMatch(/stopping: no new work/);
  }, 30_000);
});
