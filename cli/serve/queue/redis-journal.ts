/**
 * The engine's Journal port on Redis, so that every `sous serve` process on the same Redis sees every job
 * (GET /jobs lists them all) and a job cut off on one machine resumes on another from its last finished
 * step. Keys: `sous:job:ID` (the job's fields as JSON), `sous:steps:ID` (hash: record path → JSON) with
 * `sous:order:ID` (record paths in first-write order, as MemoryJournal keeps them), and `sous:jobs` /
 * `sous:jobs:RECIPE` (sorted by start time) for listing. BullMQ's job lock keeps one writer per job.
 */
import type { Redis } from 'ioredis';
import type { Journal } from '../../../src/lib/engine';
import type { Job, StepRecord } from '../../../src/lib/recipe';

type JobFields = Omit<Job, 'steps'>;

// A new record path is appended to the order once; a replaced one keeps its place.
const PUT_STEP = `
if redis.call('EXISTS', KEYS[3]) == 0 then return redis.error_reply('no job ' .. ARGV[3]) end
if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then redis.call('RPUSH', KEYS[2], ARGV[1]) end
return 1`;

export class RedisJournal implements Journal {
  constructor(private readonly redis: Redis, private readonly prefix = 'sous') {}

  private key(kind: string, id: string) {
    return `${this.prefix}:${kind}:${id}`;
  }

  async createJob(job: Job): Promise<void> {
    const { steps, ...fields } = job;
    // NX: two processes can never both make the job of one event id.
    const made = await this.redis.set(this.key('job', job.id), JSON.stringify(fields), 'NX');
    if (made !== 'OK') throw new Error(`job ${job.id} exists already`);
    const at = Date.parse(fields.started_at) || Date.now();
    await this.redis.multi().zadd(`${this.prefix}:jobs`, at, job.id).zadd(this.key('jobs', fields.recipe_id), at, job.id).exec();
    for (const record of steps) await this.putStep(job.id, record);
  }

  async updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    const text = await this.redis.get(this.key('job', id));
    if (text === null) throw new Error(`no job ${id}`);
    await this.redis.set(this.key('job', id), JSON.stringify({ ...(JSON.parse(text) as JobFields), ...patch }));
  }

  async putStep(jobId: string, record: StepRecord): Promise<void> {
    await this.redis.eval(PUT_STEP, 3, this.key('steps', jobId), this.key('order', jobId), this.key('job', jobId), record.path, JSON.stringify(record), jobId);
  }

  async loadJob(id: string): Promise<Job | undefined> {
    const [[, text], [, records], [, order]] = (await this.redis
      .multi()
      .get(this.key('job', id))
      .hgetall(this.key('steps', id))
      .lrange(this.key('order', id), 0, -1)
      .exec()) as [[unknown, string | null], [unknown, Record<string, string>], [unknown, string[]]];
    if (text === null) return undefined;
    const steps = order.filter((p) => records[p] !== undefined).map((p) => JSON.parse(records[p]) as StepRecord);
    return { ...(JSON.parse(text) as JobFields), steps };
  }

  /** Full jobs, newest first, from every process on this Redis. */
  async listJobs(query: { limit: number; recipe?: string }): Promise<Job[]> {
    const set = query.recipe === undefined ? `${this.prefix}:jobs` : this.key('jobs', query.recipe);
    const ids = await this.redis.zrevrange(set, 0, query.limit - 1);
    const jobs: Job[] = [];
    for (const id of ids) {
      const job = await this.loadJob(id);
      if (job) jobs.push(job);
    }
    return jobs;
  }
}
