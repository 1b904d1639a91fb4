/**
 * The journal on Redis (a real redis-server on 127.0.0.1): the Journal port's contract (one job per id,
 * records in first-write order, newest first in lists) and the lock per job: a write from a worker whose
 * BullMQ lock now holds another token is refused and changes nothing.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, StepRecord } from '../../../src/lib/recipe';
import { RedisJournal, type JobOwner } from './redis-journal';
import { startRedis, type RedisServer } from './redis-server-kit';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

const job = (id: string, recipe: string, started_at: string): Job =>
  ({ id, recipe_id: recipe, recipe_version: 1, status: 'running', started_at, trigger: {}, steps: [] }) as unknown as Job;
const step = (path: string, status: string): StepRecord => ({ path, step_id: path, status, attempt: 1 }) as unknown as StepRecord;

describe('RedisJournal', () => {
  it('keeps one job per id, its records in first-write order, and lists newest first', async () => {
    const journal = new RedisJournal(redis, 'j1');
    await journal.createJob(job('a', 'r', '2026-01-01T00:00:00.000Z'));
    await journal.createJob(job('b', 's', '2026-01-02T00:00:00.000Z'));
    await expect(journal.createJob(job('a', 'r', '2026-01-03T00:00:00.000Z'))).rejects.toThrow('job a exists already');
    await journal.putStep('a', step('one', 'running'));
    await journal.putStep('a', step('two', 'running'));
    await journal.putStep('a', step('one', 'succeeded'));
    await journal.updateJob('a', { status: 'succeeded' } as Partial<Job>);
    const a = await journal.loadJob('a');
    expect(a?.status).toBe('succeeded');
    expect(a?.steps.map((s) => [s.path, s.status])).toEqual([['one', 'succeeded'], ['two', 'running']]);
    expect((await journal.listJobs({ limit: 10 })).map((j) => j.id)).toEqual(['b', 'a']);
    expect((await journal.listJobs({ limit: 10, recipe: 'r' })).map((j) => j.id)).toEqual(['a']);
    expect(await journal.loadJob('nope')).toBeUndefined();
    await expect(journal.putStep('nope', step('x', 'running'))).rejects.toThrow('no job nope');
    // A job made with records keeps them, in order, and is listed at once.
    await journal.createJob({ ...job('d', 'r', '2026-01-04T00:00:00.000Z'), steps: [step('p', 'succeeded'), step('q', 'running')] });
    expect((await journal.loadJob('d'))?.steps.map((s) => s.path)).toEqual(['p', 'q']);
    expect((await journal.listJobs({ limit: 2, recipe: 'r' })).map((j) => j.id)).toEqual(['d', 'a']);
  });

  it('refuses the writes of a worker that no longer holds the job lock', async () => {
    const owners = new Map<string, JobOwner>();
    const journal = new RedisJournal(redis, 'j2', (id) => owners.get(id));
    await journal.createJob(job('c', 'r', '2026-01-01T00:00:00.000Z'));
    owners.set('c', { lockKey: 'lock:c', token: 'mine' });
    await redis.set('lock:c', 'mine');
    await journal.putStep('c', step('one', 'succeeded'));
    // The stalled check gave the job to another worker: its token is in the lock now.
    await redis.set('lock:c', 'theirs');
    await expect(journal.putStep('c', step('two', 'running'))).rejects.toThrow(/LOCKLOST job c is no longer held by this worker/);
    await expect(journal.updateJob('c', { status: 'failed' } as Partial<Job>)).rejects.toThrow(/LOCKLOST/);
    await redis.del('lock:c');
    await expect(journal.putStep('c', step('two', 'running'))).rejects.toThrow(/LOCKLOST/);
    const c = await journal.loadJob('c');
    expect([c?.status, c?.steps.map((s) => s.path)]).toEqual(['running', ['one']]);
  });
});
