// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { RunRefused } from '../engine/errors';
import { readJob, recentMessages, SousDb } from '../store';
import type { Job } from '../recipe';
import { createEngineHost, type HostDeps } from './host';
import { memoryLocks } from './memory-locks';
import { systemClock } from '../engine/system-clock';

let db: SousDb;
afterEach(() => db?.delete());

/** A fake web: counts hits per path; a path in `held` answers only when released; /flaky fails while `flaky`. */
function fakeWeb() {
  const hits: Record<string, number> = {};
  const held = new Map<string, Array<() => void>>();
  const web = {
    hits,
    flaky: true,
    hold: (path: string) => held.set(path, []),
    release: (path: string) => {
      const waiting = held.get(path) ?? [];
      held.delete(path);
      waiting.forEach((go) => go());
    },
    fetch: (async (input: URL | RequestInfo, init?: RequestInit) => {
      const path = new URL(String(input)).pathname;
      hits[path] = (hits[path] ?? 0) + 1;
      const waiting = held.get(path);
      if (waiting) {
        await new Promise<void>((go, stop) => {
          waiting.push(go);
          init?.signal?.addEventListener('abort', () => stop(init.signal!.reason));
        });
      }
      const status = path === '/flaky' && web.flaky ? 400 : 200;
      return new Response(JSON.stringify({ path }), { status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch
  };
  return web;
}

function tab(web: ReturnType<typeof fakeWeb>, shared: Partial<HostDeps> = {}) {
  const problems: string[] = [];
  const host = createEngineHost({ db, locks: shared.locks ?? memoryLocks(), fetch: web.fetch, report: (p) => problems.push(p), ...shared });
  return { host, problems };
}

async function until(jobId: string, ok: (job: Job) => boolean): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = await readJob(db, jobId);
    if (job && ok(job)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never got there: ${JSON.stringify(await readJob(db, jobId))}`);
}

const http = (id: string, path: string) => ({ id, kind: 'action', connector: 'http', action: 'request', input: { url: `http://api.test${path}` } });
const recipeText = (id: string, steps: unknown[]) =>
  JSON.stringify({ format: 'sous.recipe/v1', id, name: id, trigger: { kind: 'manual' }, steps });
const twoCalls = recipeText('two-calls', [http('quick', '/quick'), http('slow', '/slow')]);

describe('the engine host', () => {
  it('imports a recipe, or answers the issues exactly as the parser gives them', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host } = tab(fakeWeb());
    const good = await host.importRecipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
    expect(good).toMatchObject({ ok: true, version: 1, created: true, recipe: { id: 'big-invoices' } });
    const bad = await host.importRecipe(recipeText('Bad Id', [{ id: 'x', kind: 'nope' }]));
    expect(bad).toEqual({
      ok: false,
      issues: [
        { path: 'id', message: expect.stringContaining('expected a slug') },
        { path: 'steps[0].kind', message: 'expected one of action, if, foreach, try, set, approval, call, stop' }
      ]
    });
  });

  it('answers the job id at once and runs the job in the background', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const web = fakeWeb();
    const { host } = tab(web);
    await host.importRecipe(twoCalls);
    web.hold('/slow');
    const id = await host.run('two-calls', {});
    expect((await until(id, (j) => j.steps.length === 2)).status).toBe('running');
    web.release('/slow');
    expect((await until(id, (j) => j.status !== 'running')).status).toBe('succeeded');
  });

  it('refuses a run with bad trigger input before writing anything', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host } = tab(fakeWeb());
    await host.importRecipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
    await expect(host.run('big-invoices', {})).rejects.toEqual(new RunRefused('missing required input: invoices', ['invoices: required (list)']));
    expect(await db.jobs.count()).toBe(0);
  });

  it('goes on with a job its closed page left running, without repeating finished steps', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const web = fakeWeb();
    const locks = memoryLocks();
    const first = tab(web, { locks });
    await first.host.importRecipe(twoCalls);
    web.hold('/slow');
    const id = await first.host.run('two-calls', {});
    await until(id, (j) => j.steps.length === 2);

    // A second tab opens while the first still drives the job: it must wait, not run it twice.
    const second = tab(web, { locks });
    await second.host.resumeRunning();
    web.release('/slow');
    await until(id, (j) => j.status === 'succeeded');
    await new Promise((r) => setTimeout(r, 50));
    expect(web.hits).toEqual({ '/quick': 1, '/slow': 1 });

    // A page reloaded mid-job leaves it running with the quick step done; a new worker finishes it.
    await db.jobs.update(id, { status: 'running', finished_at: null });
    await db.job_steps.update([id, 'slow'], { status: 'running', output: undefined, finished_at: null });
    await tab(web, { locks: memoryLocks() }).host.resumeRunning();
    const done = await until(id, (j) => j.status === 'succeeded');
    expect(web.hits).toEqual({ '/quick': 1, '/slow': 2 });
    expect(done.steps.find((s) => s.path === 'slow')?.attempt).toBe(2);
  });

  it("the runner's sweep passes over a job a live tab drives, and goes on with one whose tab closed", async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const web = fakeWeb();
    const locks = memoryLocks();
    const runner = tab(web, { locks });
    const other = tab(web, { locks });
    await other.host.importRecipe(twoCalls);
    web.hold('/slow');
    const id = await other.host.run('two-calls', {});
    await until(id, (j) => j.steps.length === 2);

    // The other tab holds the job's lock: the sweep must not run it too.
    await runner.host.sweepRunning();
    await new Promise((r) => setTimeout(r, 50));
    expect(web.hits).toEqual({ '/quick': 1, '/slow': 1 });
    web.release('/slow');
    await until(id, (j) => j.status === 'succeeded');

    // A job left running by a tab that closed after the runner started: nobody holds its lock.
    await db.jobs.update(id, { status: 'running', finished_at: null });
    await db.job_steps.update([id, 'slow'], { status: 'running', output: undefined, finished_at: null });
    await runner.host.sweepRunning();
    await until(id, (j) => j.status === 'succeeded');
    expect(web.hits).toEqual({ '/quick': 1, '/slow': 2 });
  });

  it('waits for an approval and goes on with the answer', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host } = tab(fakeWeb());
    await host.importRecipe(
      recipeText('ask', [
        { id: 'ok', kind: 'approval', message: 'Go?', choices: ['yes', 'no'] },
        { id: 'say', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'ops', text: 'said {{ steps.ok.choice }}' } }
      ])
    );
    const id = await host.run('ask', {});
    await until(id, (j) => j.status === 'waiting');
    await expect(host.answer(id, 'ok', 'maybe')).rejects.toThrow('"maybe" is not one of yes, no');
    await host.answer(id, 'ok', 'yes');
    expect((await readJob(db, id))?.status).toBe('succeeded');
    expect((await recentMessages(db)).map((m) => m.text)).toEqual(['said yes']);
  });

  it('fails an approval whose timeout has passed, and only then', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    let now = Date.parse('2026-03-01T09:00:00Z');
    const clock = { ...systemClock, now: () => new Date(now) };
    const { host } = tab(fakeWeb(), { clock });
    await host.importRecipe(recipeText('ask-soon', [{ id: 'ok', kind: 'approval', message: 'Go?', timeout: 'PT1M' }]));
    const id = await host.run('ask-soon', {});
    const waiting = await until(id, (j) => j.status === 'waiting');
    expect(waiting.steps[0].due_at).toBe('2026-03-01T09:01:00.000Z');
    now += 59_000;
    await host.expireApprovals();
    await new Promise((r) => setTimeout(r, 50));
    expect((await readJob(db, id))?.status).toBe('waiting');
    now += 2_000;
    await host.expireApprovals();
    const ended = await until(id, (j) => j.status === 'failed');
    expect(ended.error).toMatchObject({ code: 'approval_timeout', step: 'ok' });
  });

  it('cancels a job another tab drives by asking that tab', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const web = fakeWeb();
    const locks = memoryLocks();
    const driver = tab(web, { locks });
    const other = tab(web, { locks, askOthersToCancel: (jobId) => void driver.host.cancelIfDrivenHere(jobId) });
    await driver.host.importRecipe(twoCalls);
    web.hold('/slow');
    const id = await driver.host.run('two-calls', {});
    await until(id, (j) => j.steps.length === 2);
    await other.host.cancel(id);
    const job = await until(id, (j) => j.status !== 'running');
    expect(job.status).toBe('cancelled');
    expect(job.steps.map((s) => `${s.path} ${s.status}`)).toEqual(['quick succeeded', 'slow cancelled']);
  });

  it('re-runs from the failed step as a new job, keeping what succeeded', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const web = fakeWeb();
    const { host } = tab(web);
    await host.importRecipe(recipeText('flaky', [http('quick', '/quick'), http('flaky', '/flaky')]));
    const id = await host.run('flaky', {});
    expect((await until(id, (j) => j.status !== 'running')).error?.code).toBe('http_400');
    web.flaky = false;
    const again = await host.rerun(id, true);
    expect(again).not.toBe(id);
    const job = await until(again, (j) => j.status !== 'running');
    expect(job).toMatchObject({ status: 'succeeded', rerun_of: id });
    expect(web.hits).toEqual({ '/quick': 1, '/flaky': 2 });
  });
});
