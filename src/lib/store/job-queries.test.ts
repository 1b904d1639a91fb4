// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, StepRecord } from '../recipe';
import { channelMessages, chatChannels, countWaitingApprovals, countWaitingForPerson, lastJobs, listJobs, uncertainSteps, waitingApprovals } from './job-queries';
import { DexieJournal } from './jobs';
import { freshDb } from './test-db';
import type { SousDb } from './db';

let db: SousDb;
afterEach(() => db?.delete());

const at = (day: number, hour = 0) => new Date(Date.UTC(2030, 0, day, hour)).toISOString();
const job = (id: string, recipe_id: string, started_at: string, status: Job['status'], steps: StepRecord[] = []): Job => ({
  id,
  recipe_id,
  recipe_version: 1,
  status,
  trigger: {},
  started_at,
  finished_at: null,
  steps
});
const approval = (path: string, input: unknown, status: StepRecord['status'] = 'waiting'): StepRecord => ({
  step_id: path,
  path,
  kind: 'approval',
  status,
  attempt: 1,
  input,
  started_at: at(1)
});

async function seed(): Promise<void> {
  db = freshDb();
  const journal = new DexieJournal(db);
  await journal.createJob(job('a1', 'alpha', at(1), 'succeeded'));
  await journal.createJob(job('a2', 'alpha', at(3), 'failed'));
  await journal.createJob(job('b1', 'beta', at(2), 'failed'));
  await journal.createJob({ ...job('b2', 'beta', at(4), 'waiting', [approval('ask', { message: 'Pay?', assignee: 'ana', choices: ['pay', 'hold'] })]) });
  await journal.createJob(job('c1', 'gamma', at(2, 12), 'waiting', [approval('first', {}, 'succeeded'), approval('second', { message: 'Ok?' })]));
}

describe('listJobs', () => {
  it.each([
    [{}, ['b2', 'a2', 'c1', 'b1', 'a1']],
    [{ recipeId: 'alpha' }, ['a2', 'a1']],
    [{ status: 'failed' as const }, ['a2', 'b1']],
    [{ recipeId: 'beta', status: 'failed' as const }, ['b1']],
    [{ from: at(2), to: at(3) }, ['c1', 'b1']],
    [{ recipeId: 'alpha', from: at(2) }, ['a2']],
    [{ recipeId: 'alpha', to: at(3) }, ['a1']],
    [{ status: 'waiting' as const, from: at(3) }, ['b2']],
    [{ recipeId: 'nope' }, []]
  ])('%j → %j, newest first', async (filter, ids) => {
    await seed();
    expect((await listJobs(db, filter)).map((j) => j.id)).toEqual(ids);
  });

  it('answers at most `limit` jobs', async () => {
    await seed();
    expect((await listJobs(db, {}, 2)).map((j) => j.id)).toEqual(['b2', 'a2']);
    expect((await listJobs(db, { recipeId: 'alpha' }, 1)).map((j) => j.id)).toEqual(['a2']);
  });
});

describe('lastJobs', () => {
  it("answers each recipe's newest job, and nothing for one that never ran", async () => {
    await seed();
    const last = await lastJobs(db, ['alpha', 'beta', 'never']);
    expect([...last].map(([id, j]) => [id, j.id])).toEqual([['alpha', 'a2'], ['beta', 'b2']]);
  });
});

describe('waitingApprovals', () => {
  it('lists every waiting approval with its question, oldest first, choices defaulted', async () => {
    await seed();
    const waiting = await waitingApprovals(db);
    expect(waiting.map((w) => [w.job.id, w.path, w.message, w.assignee, w.choices])).toEqual([
      ['b2', 'ask', 'Pay?', 'ana', ['pay', 'hold']],
      ['c1', 'second', 'Ok?', null, ['approve', 'reject']]
    ]);
    expect(await countWaitingApprovals(db)).toBe(2);
  });
});

describe('uncertainSteps', () => {
  const cut = (path: string, status: StepRecord['status'], started_at: string): StepRecord => ({ step_id: path, path, kind: 'action', status, attempt: 1, input: {}, started_at });
  it('lists the uncertain steps of jobs waiting on one, oldest first; the Inbox counts them with the approvals', async () => {
    await seed();
    const journal = new DexieJournal(db);
    await journal.createJob(job('u1', 'pay', at(5), 'uncertain', [cut('fetch', 'succeeded', at(5)), cut('post', 'uncertain', at(6))]));
    await journal.createJob(job('u2', 'pay', at(5), 'uncertain', [cut('send', 'uncertain', at(5, 6))]));
    // Answered already: the job went on, its step is no longer uncertain.
    await journal.createJob(job('u3', 'pay', at(5), 'succeeded', [cut('post', 'succeeded', at(5))]));
    expect((await uncertainSteps(db)).map((u) => [u.job.id, u.path, u.since])).toEqual([
      ['u2', 'send', at(5, 6)],
      ['u1', 'post', at(6)]
    ]);
    expect(await countWaitingForPerson(db)).toBe(4);
  });
});

describe('chat by channel', () => {
  it('counts the channels and reads one channel in order', async () => {
    db = freshDb();
    await db.chat.bulkAdd([
      { id: '1', channel: 'ops', text: 'one', at: at(1) },
      { id: '2', channel: 'finance', text: 'two', at: at(2) },
      { id: '3', channel: 'ops', text: 'three', at: at(3) }
    ]);
    expect(await chatChannels(db)).toEqual([
      { channel: 'finance', count: 1, last: at(2) },
      { channel: 'ops', count: 2, last: at(3) }
    ]);
    expect((await channelMessages(db, 'ops')).map((m) => m.text)).toEqual(['one', 'three']);
    expect((await channelMessages(db)).map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect((await channelMessages(db, undefined, 2)).map((m) => m.text)).toEqual(['two', 'three']);
  });
});
