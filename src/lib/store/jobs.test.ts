// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { createRunner, MemoryJournal, type Journal } from '../engine';
import { builtinConnectors } from '../connectors/builtin';
import { MemoryChat } from '../connectors/chat';
import type { Job, StepRecord } from '../recipe';
import { SousDb, type StepRow } from './db';
import { DexieJournal, jobIdsWithStatus, jobsOfRecipe, lastJobStatus, readJob } from './jobs';
import { StorageFullError } from './storage-errors';
import { freshDb, quotaError, recipe } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

const job = (id: string, over: Partial<Job> = {}): Job => ({
  id,
  recipe_id: 'r',
  recipe_version: 1,
  status: 'running',
  trigger: { a: 1 },
  started_at: '2030-01-01T00:00:00.000Z',
  finished_at: null,
  steps: [],
  ...over
});
const step = (path: string, over: Partial<StepRecord> = {}): StepRecord => ({
  step_id: path.split('/').pop()!.replace(/\[\d+\]$/, ''),
  path,
  kind: 'set',
  status: 'running',
  attempt: 1,
  started_at: '2030-01-01T00:00:00.000Z',
  ...over
});

// The DexieJournal must behave like the engine's reference journal; every case runs against both.
const journals: Array<[string, () => Journal]> = [
  ['MemoryJournal', () => new MemoryJournal()],
  ['DexieJournal', () => new DexieJournal((db = freshDb()))]
];

describe.each(journals)('%s as the engine sees it', (_name, make) => {
  it('keeps the given steps and returns steps in the order first recorded, not by path', async () => {
    const journal = make();
    await journal.createJob(job('j1', { steps: [step('z-first', { status: 'succeeded' })] }));
    for (const path of ['each[10]/b', 'each[2]/a', 'b']) await journal.putStep('j1', step(path));
    await journal.putStep('j1', step('each[10]/b', { status: 'succeeded', output: { n: 1 } })); // an upsert keeps its place
    const loaded = await journal.loadJob('j1');
    expect(loaded?.steps.map((s) => s.path)).toEqual(['z-first', 'each[10]/b', 'each[2]/a', 'b']);
    expect(loaded?.steps[1]).toEqual(step('each[10]/b', { status: 'succeeded', output: { n: 1 } }));
  });

  it('patches the job fields and leaves its steps alone', async () => {
    const journal = make();
    await journal.createJob(job('j1', { steps: [step('a')] }));
    await journal.updateJob('j1', { status: 'succeeded', output: [1, 2], finished_at: '2030-01-01T00:00:01.000Z' });
    expect(await journal.loadJob('j1')).toEqual(
      job('j1', { status: 'succeeded', output: [1, 2], finished_at: '2030-01-01T00:00:01.000Z', steps: [step('a')] })
    );
  });

  it('refuses writes for a job it does not have, and loads nothing for it', async () => {
    const journal = make();
    await expect(journal.updateJob('nope', { status: 'failed' })).rejects.toThrow('no job nope');
    await expect(journal.putStep('nope', step('a'))).rejects.toThrow('no job nope');
    expect(await journal.loadJob('nope')).toBeUndefined();
  });

  it('journals a whole run exactly as the reference journal does', async () => {
    const journal = make();
    const chat = new MemoryChat();
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat }), newId: () => 'job-1' });
    const bigInvoices = recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
    const invoices = [{ id: 'A', amount: 900 }, { id: 'B', amount: 20 }, { id: 'C', amount: 501 }];
    const done = await runner.start(bigInvoices, { invoices });
    expect(done.status).toBe('succeeded');
    expect(chat.messages.map((m) => m.text)).toEqual(['Big invoices: A, C']);
    const loaded = await journal.loadJob('job-1');
    expect(loaded?.steps.map((s) => `${s.path} ${s.status}`)).toEqual([
      'each succeeded', 'each[0]/check succeeded', 'each[0]/check/flag succeeded', 'each[1]/check succeeded',
      'each[2]/check succeeded', 'each[2]/check/flag succeeded', 'report succeeded'
    ]);
    expect({ ...loaded, steps: undefined }).toEqual({ ...done, steps: undefined });
  });
});

describe('DexieJournal in IndexedDB', () => {
  it('keeps a job for the next page: a new connection to the same database reads it back', async () => {
    db = freshDb();
    await new DexieJournal(db).createJob(job('j1', { steps: [step('a')] }));
    db.close();
    const again = new SousDb(db.name);
    expect(await readJob(again, 'j1')).toEqual(job('j1', { steps: [step('a')] }));
    expect(await jobIdsWithStatus(again, 'running')).toEqual(['j1']);
    again.close();
  });

  it('lists a recipe\'s jobs newest first, with the last status', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    await journal.createJob(job('old', { status: 'failed', started_at: '2030-01-01T00:00:00.000Z' }));
    await journal.createJob(job('new', { status: 'succeeded', started_at: '2030-01-02T00:00:00.000Z' }));
    await journal.createJob(job('other', { recipe_id: 'x' }));
    expect((await jobsOfRecipe(db, 'r')).map((j) => j.id)).toEqual(['new', 'old']);
    expect(await lastJobStatus(db, 'r')).toBe('succeeded');
    expect(await lastJobStatus(db, 'none')).toBeUndefined();
  });
});

describe('a full disk', () => {
  it('surfaces as a StorageFullError naming the step, and loses nothing saved before', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    await journal.createJob(job('j1', { steps: [step('a', { status: 'succeeded', output: 1 })] }));
    await journal.putStep('j1', step('b', { status: 'running', input: { x: 1 } }));

    vi.spyOn(db.job_steps, 'put').mockRejectedValueOnce(quotaError());
    const error = await journal.putStep('j1', step('b', { status: 'succeeded', output: 'big' })).catch((e) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error.message).toBe(
      "the browser's storage for Sous is full, so step b of job j1 could not be saved. Everything saved before is still there; " +
        "free some space (delete old jobs, or other sites' data) and try again."
    );
    expect(await journal.loadJob('j1')).toEqual(
      job('j1', { steps: [step('a', { status: 'succeeded', output: 1 }), step('b', { status: 'running', input: { x: 1 } })] })
    );

    // Once there is room again, the journal goes on.
    await journal.putStep('j1', step('b', { status: 'succeeded', output: 'big' }));
    expect((await journal.loadJob('j1'))?.steps[1].status).toBe('succeeded');
  });

  // The fake below is the browser's edge: IndexedDB's put refusing a row as a full disk does.
  const FULL = "the browser's storage for Sous is full, so step report of job job-1 could not be saved.";
  const bigInvoices = () => recipe(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
  const input = { invoices: [{ id: 'A', amount: 900 }] };

  function fullFor(test: (row: StepRow) => boolean) {
    const realPut = db.job_steps.put.bind(db.job_steps);
    return vi.spyOn(db.job_steps, 'put').mockImplementation((row, key) => {
      if (test(row)) throw quotaError();
      return realPut(row, key);
    });
  }

  it('ends a running job failed with the clear message, no step left open, and the runner goes on', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    const chat = new MemoryChat();
    let n = 0;
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat }), newId: () => `job-${++n}` });
    // The disk fills up as the report step is about to be recorded.
    fullFor((row) => row.path === 'report');
    const ended = await runner.start(bigInvoices(), input);
    expect(ended.status).toBe('failed');
    expect(ended.error).toMatchObject({ step: 'report', code: 'storage_full' });
    expect(ended.error?.message).toContain(FULL);

    const stored = await journal.loadJob('job-1');
    expect(stored).toMatchObject({ status: 'failed', error: ended.error });
    expect(stored?.finished_at).toEqual(expect.any(String));
    // The steps saved before are there; none says "running" (the report's record could not be written at all).
    expect(stored?.steps.map((s) => [s.path, s.status])).toEqual([
      ['each', 'succeeded'],
      ['each[0]/check', 'succeeded'],
      ['each[0]/check/flag', 'succeeded']
    ]);
    expect(chat.messages).toEqual([]);

    // Once there is room again, the same runner re-runs it from the failed step.
    vi.restoreAllMocks();
    const again = await runner.rerun('job-1', { fromFailed: true, recipe: bigInvoices() });
    expect(again.status).toBe('succeeded');
    expect(chat.messages.map((m) => m.text)).toEqual(['Big invoices: A']);
  });

  it('closes the open step whose result did not fit, keeping its input', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat: new MemoryChat() }), newId: () => 'job-1' });
    // The report's "running" record (its input) fits; its result does not.
    fullFor((row) => row.path === 'report' && row.status === 'succeeded');
    const ended = await runner.start(bigInvoices(), input);
    expect(ended.status).toBe('failed');
    const report = (await journal.loadJob('job-1'))?.steps.find((s) => s.path === 'report');
    expect(report).toMatchObject({ status: 'failed', error: { code: 'storage_full' }, input: { channel: 'finance' } });
    expect(report?.output).toBeUndefined();
  });

  it("ends the job failed when only its final row (a large output) does not fit", async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat: new MemoryChat() }), newId: () => 'job-1' });
    const realUpdate = db.jobs.update.bind(db.jobs);
    vi.spyOn(db.jobs, 'update').mockImplementation((key, patch) => {
      if ((patch as Partial<Job>).status === 'succeeded') throw quotaError();
      return realUpdate(key, patch);
    });
    const ended = await runner.start(bigInvoices(), input);
    expect(ended).toMatchObject({ status: 'failed', output: null, error: { code: 'storage_full', step: null } });
    expect((await journal.loadJob('job-1'))?.status).toBe('failed');
  });

  it('starts no job, and stores nothing, when the job itself does not fit', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat: new MemoryChat() }), newId: () => 'job-1' });
    vi.spyOn(db.job_steps, 'bulkPut').mockRejectedValueOnce(quotaError());
    const error = await runner.start(bigInvoices(), input).catch((e) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await journal.loadJob('job-1')).toBeUndefined();
    expect(await db.job_steps.count()).toBe(0);
  });

  it('leaves the job running for a resume when the database closed (not a full disk)', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat: new MemoryChat() }), newId: () => 'job-1' });
    const realPut = db.job_steps.put.bind(db.job_steps);
    vi.spyOn(db.job_steps, 'put').mockImplementation((row, key) => {
      if (row.path === 'report') throw new Dexie.DatabaseClosedError('the tab is closing');
      return realPut(row, key);
    });
    await expect(runner.start(bigInvoices(), input)).rejects.toThrow("could not save the job's progress");
    expect((await journal.loadJob('job-1'))?.status).toBe('running');
  });

  it('leaves the job readable and resumable when not even its failure can be saved', async () => {
    db = freshDb();
    const journal = new DexieJournal(db);
    const chat = new MemoryChat();
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat }), newId: () => 'job-1' });
    fullFor((row) => row.path === 'report');
    vi.spyOn(db.jobs, 'update').mockRejectedValue(quotaError());
    await expect(runner.start(bigInvoices(), input)).rejects.toThrow("the browser's storage for Sous is full");
    const stuck = await journal.loadJob('job-1');
    expect(stuck?.status).toBe('running');
    expect(stuck?.steps.map((s) => s.path)).toEqual(['each', 'each[0]/check', 'each[0]/check/flag']);

    vi.restoreAllMocks();
    const resumed = await runner.resume('job-1', bigInvoices());
    expect(resumed.status).toBe('succeeded');
    expect(chat.messages.map((m) => m.text)).toEqual(['Big invoices: A']);
  });
});
