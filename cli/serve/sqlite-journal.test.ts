/** The SQLite journal and queue store: the engine's Journal port and the queue's QueueStore, kept across a reopen. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, MemoryJournal } from '../../src/lib/engine';
import { builtinConnectors } from '../../src/lib/connectors/builtin';
import { MemoryChat } from '../../src/lib/connectors/chat';
import type { Job, Recipe, StepRecord } from '../../src/lib/recipe';
import type { QueueEntry } from '../../src/lib/triggers/queue';
import { openDatabase, SqliteJournal } from './sqlite-journal';
import { SqliteQueueStore } from './sqlite-queue-store';

const file = () => join(mkdtempSync(join(tmpdir(), 'sous-sqlite-')), 'sous.db');

const job = (id: string, recipe: string, started: string, status: Job['status'] = 'running'): Job => ({
  id,
  recipe_id: recipe,
  recipe_version: null,
  status,
  trigger: { at: started },
  started_at: started,
  finished_at: null,
  steps: [],
  output: null,
  error: null,
  user: { id: 'cli', name: 'cli', roles: [] },
  parent_job: null
});

const step = (path: string, status: StepRecord['status'], output?: unknown): StepRecord => ({
  step_id: path.split('/').at(-1)!,
  path,
  kind: 'set',
  attempt: 1,
  started_at: '2026-01-01T00:00:00.000Z',
  status,
  ...(output === undefined ? {} : { output })
});

describe('SqliteJournal', () => {
  it('keeps jobs, patches and step records (replaced in place) across a reopen', async () => {
    const path = file();
    const first = new SqliteJournal(path);
    await first.createJob({ ...job('a', 'r', '2026-01-01T00:00:00.000Z'), steps: [step('one', 'running')] });
    await first.putStep('a', step('two', 'running'));
    await first.putStep('a', step('one', 'succeeded', { n: 1 }));
    await first.updateJob('a', { status: 'succeeded', output: { done: true }, finished_at: '2026-01-01T00:00:01.000Z' });
    first.close();
    const again = new SqliteJournal(path);
    const loaded = await again.loadJob('a');
    expect(loaded).toMatchObject({ id: 'a', status: 'succeeded', output: { done: true }, finished_at: '2026-01-01T00:00:01.000Z' });
    expect(loaded!.steps.map((s) => [s.path, s.status])).toEqual([
      ['one', 'succeeded'],
      ['two', 'running']
    ]);
    expect(await again.loadJob('nope')).toBeUndefined();
    again.close();
  });

  it.each([
    ['updateJob', (j: SqliteJournal) => j.updateJob('ghost', { status: 'failed' })],
    ['putStep', (j: SqliteJournal) => j.putStep('ghost', step('x', 'running'))]
  ])('%s of an unknown job is an error, as in MemoryJournal', async (_what, act) => {
    await expect(act(new SqliteJournal(file()))).rejects.toThrow('no job ghost');
  });

  it.each([
    [{ limit: 10 }, ['c', 'b2', 'b1', 'a']],
    [{ limit: 2 }, ['c', 'b2']],
    [{ limit: 10, recipe: 'r1' }, ['b2', 'a']],
    [{ limit: 10, recipe: 'none' }, []]
  ])('lists %o newest first (then the later made)', async (query, ids) => {
    const j = new SqliteJournal(file());
    await j.createJob(job('a', 'r1', '2026-01-01T00:00:00.000Z'));
    await j.createJob(job('b1', 'r2', '2026-01-02T00:00:00.000Z', 'succeeded'));
    await j.createJob(job('b2', 'r1', '2026-01-02T00:00:00.000Z'));
    await j.createJob(job('c', 'r2', '2026-01-03T00:00:00.000Z', 'failed'));
    expect((await j.listJobs(query)).map((x) => x.id)).toEqual(ids);
    expect((await j.unfinishedJobs()).map((x) => x.id)).toEqual(['a', 'b2']);
  });

  it('runs the engine as MemoryJournal does: the same job, the same steps', async () => {
    const recipe = {
      format: 'sous.recipe/v1',
      id: 'sum',
      name: 'Sum',
      trigger: { kind: 'manual' },
      steps: [
        { id: 'a', kind: 'set', values: { n: '{{ 1 + 2 }}' } },
        { id: 'each', kind: 'foreach', items: '{{ [1, 2] }}', as: 'x', steps: [{ id: 'b', kind: 'set', values: { m: '{{ x }}' } }] }
      ]
    } as unknown as Recipe;
    const run = async (journal: MemoryJournal | SqliteJournal) => {
      const runner = createRunner({ journal, connectors: builtinConnectors({ chat: new MemoryChat() }), newId: () => 'job-1' });
      const done = await runner.start(recipe, undefined);
      const strip = (j: Job) => ({ ...j, started_at: '', finished_at: '', steps: j.steps.map((s) => ({ ...s, started_at: '', finished_at: '' })) });
      return strip((await journal.loadJob(done.id))!);
    };
    expect(await run(new SqliteJournal(file()))).toEqual(await run(new MemoryJournal()));
  });
});

describe('SqliteJournal on a full disk', () => {
  it('a job whose result no longer fits ends failed with storage_full, saying the disk is full, and the runner goes on', async () => {
    const path = file();
    const db = openDatabase(path);
    const journal = new SqliteJournal(db);
    // A database that may not grow past its current size: what SQLite says on a full disk (SQLITE_FULL).
    const pages = (db.pragma('page_count', { simple: true }) as number) + 2;
    db.pragma(`max_page_count = ${pages}`);
    const recipe: Recipe = {
      format: 'sous.recipe/v1',
      id: 'big',
      name: 'Big',
      trigger: { kind: 'manual' },
      steps: [{ id: 'make', kind: 'set', values: { text: '{{ $pad("", 2000000, "x") }}' } }]
    };
    let next = 0;
    const runner = createRunner({ journal, connectors: builtinConnectors({ chat: new MemoryChat() }), newId: () => `job-${++next}` });
    const done = await runner.start(recipe, undefined);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'storage_full', message: expect.stringContaining("the disk that holds Sous's job journal is full") });
    const saved = await journal.loadJob(done.id);
    expect(saved).toMatchObject({ status: 'failed', error: { code: 'storage_full' } });
    // A small job still fits.
    const small = await runner.start({ ...recipe, id: 'small', steps: [{ id: 'make', kind: 'set', values: { text: 'ok' } }] }, undefined);
    expect(small.status).toBe('succeeded');
    db.close();
  });
});

describe('SqliteQueueStore', () => {
  const entry = (id: string, state: QueueEntry['state'] = 'pending'): QueueEntry => ({
    event: { event_id: id, recipe_id: 'r', kind: 'webhook', payload: { body: id } },
    state,
    accepted_at: '2026-01-01T00:00:00.000Z',
    skipped: 0
  });

  it('puts an event id once, updates it, and lists by state in order, across a reopen', async () => {
    const path = file();
    const store = new SqliteQueueStore(openDatabase(path));
    expect(await store.put(entry('e1'))).toBe(true);
    expect(await store.put(entry('e2'))).toBe(true);
    expect(await store.put({ ...entry('e1'), skipped: 9 })).toBe(false);
    await store.update('e1', { state: 'started', job_id: 'e1' });
    await expect(store.update('ghost', { state: 'finished' })).rejects.toThrow('the queue has no event ghost');
    store.markDue('r', new Date('2026-01-01T10:00:00Z'));
    const again = new SqliteQueueStore(openDatabase(path));
    expect(await again.get('e1')).toEqual({ ...entry('e1'), state: 'started', job_id: 'e1' });
    expect((await again.list('pending')).map((e) => e.event.event_id)).toEqual(['e2']);
    expect((await again.list('started')).map((e) => e.event.event_id)).toEqual(['e1']);
    expect(again.lastDue('r')).toEqual(new Date('2026-01-01T10:00:00Z'));
    expect(again.lastDue('other')).toBeNull();
  });
});
