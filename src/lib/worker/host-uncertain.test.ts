/**
 * The worker host and uncertain steps: a page closed while a POST was in flight leaves it `running`; the
 * next worker marks it uncertain instead of posting again, and goes on only as the person answers.
 * The web is a fake fetch (the edge of the world) that counts hits per path.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readJob, SousDb } from '../store';
import type { Job } from '../recipe';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';

let db: SousDb;
afterEach(() => db?.delete());

function web() {
  const hits: Record<string, number> = {};
  const fetch = (async (input: URL | RequestInfo) => {
    const path = new URL(String(input)).pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    return new Response(JSON.stringify({ path }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { hits, fetch };
}

const post = (id: string, path: string) => ({ id, kind: 'action', connector: 'http', action: 'request', input: { method: 'POST', url: `http://api.test${path}` } });
const text = JSON.stringify({ format: 'sous.recipe/v1', id: 'pay', name: 'pay', trigger: { kind: 'manual' }, steps: [post('pay', '/pay'), post('tell', '/tell')] });

async function until(jobId: string, ok: (job: Job) => boolean): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = await readJob(db, jobId);
    if (job && ok(job)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never got there: ${JSON.stringify(await readJob(db, jobId))}`);
}

/** A finished job put back as a page closed mid-call leaves it: `pay` in flight, nothing after. */
async function cutOff(w: ReturnType<typeof web>) {
  const host = createEngineHost({ db, locks: memoryLocks(), fetch: w.fetch, report: () => {} });
  await host.importRecipe(text);
  const id = await host.run('pay', {});
  await until(id, (j) => j.status === 'succeeded');
  await db.jobs.update(id, { status: 'running', finished_at: null });
  await db.job_steps.update([id, 'pay'], { status: 'running', output: undefined, finished_at: null });
  await db.job_steps.delete([id, 'tell']);
  const next = createEngineHost({ db, locks: memoryLocks(), fetch: w.fetch, report: () => {} });
  await next.resumeRunning();
  return { id, host: next, job: await until(id, (j) => j.status !== 'running') };
}

describe('uncertain steps in the worker', () => {
  it.each([
    ['continue', 'succeeded', { '/pay': 1, '/tell': 2 }],
    ['rerun', 'succeeded', { '/pay': 2, '/tell': 2 }],
    ['stop', 'cancelled', { '/pay': 1, '/tell': 1 }]
  ] as const)('a POST cut off is uncertain, not sent again; answered "%s" the job is %s', async (choice, status, hits) => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const w = web();
    const { id, host, job } = await cutOff(w);
    expect(job.status).toBe('uncertain');
    expect(job.steps.find((s) => s.path === 'pay')?.status).toBe('uncertain');
    expect(w.hits).toEqual({ '/pay': 1, '/tell': 1 });
    // Another worker start (a reload) leaves it waiting.
    await host.resumeRunning();
    expect((await readJob(db, id))?.status).toBe('uncertain');

    await host.answerUncertain(id, 'pay', choice);
    const done = await until(id, (j) => j.status === status);
    expect(w.hits).toEqual(hits);
    expect(done.steps.find((s) => s.path === 'pay')?.answer).toMatchObject({ choice, by: 'local' });
  });
});
