/**
 * The engine's Journal port on Redis, so that every `sous serve` process on the same Redis sees every job
 * (GET /jobs lists them all) and a job cut off on one machine resumes on another from its last finished
 * step. Keys: `sous:job:ID` (the job's fields as JSON), `sous:steps:ID` (hash: record path → JSON) with
 * `sous:order:ID` (record paths in first-write order, as MemoryJournal keeps them), and `sous:jobs` /
 * `sous:jobs:RECIPE` (sorted by start time) for listing.
 *
 * A lock per job: BullMQ gives the worker that runs a job a lock (a key holding its token) that it renews
 * while it works. Every write of a job checks, in the same Lua script, that the writer still holds it
 * (`owner`), so a worker that lost its lock (paused past the lock's life, then taken over after the stalled
 * check) can never write over the progress of the one that took the job on.
 */
import type { Redis } from 'ioredis';
import type { Journal } from '../../../src/lib/engine';
import type { Job, StepRecord } from '../../../src/lib/recipe';

type JobFields = Omit<Job, 'steps'>;

/** Refuses the write when KEYS[1] (a lock key, or '' for none) does not hold ARGV[1] (the writer's token). */
const FENCE = `
if KEYS[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return redis.error_reply('LOCKLOST job ' .. ARGV[2] .. ' is no longer held by this worker: another took it over')
end`;

// A new record path is appended to the order once; a replaced one keeps its place.
const PUT_STEP = `${FENCE}
if redis.call('EXISTS', KEYS[4]) == 0 then return redis.error_reply('no job ' .. ARGV[2]) end
if redis.call('HSET', KEYS[2], ARGV[3], ARGV[4]) == 1 then redis.call('RPUSH', KEYS[3], ARGV[3]) end
return 1`;

const SET_JOB = `${FENCE}
redis.call('SET', KEYS[2], ARGV[3])
return 1`;

// One script, so that a kill between the writes can never leave a job that GET /jobs does not list.
// NX: two processes can never both make the job of one event id.
const CREATE_JOB = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then return redis.error_reply('job ' .. ARGV[4] .. ' exists already') end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[4])
for i = 5, #ARGV, 2 do
  if redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1]) == 1 then redis.call('RPUSH', KEYS[5], ARGV[i]) end
end
return 1`;

/** Who may write a job now: the lock key and the token that must be in it. */
export interface JobOwner {
  lockKey: string;
  token: string;
}

/** The scripts, sent once and then called by their SHA (ioredis `defineCommand`). */
interface Scripts {
  sousCreateJob(...args: string[]): Promise<unknown>;
  sousPutStep(...args: string[]): Promise<unknown>;
  sousSetJob(...args: string[]): Promise<unknown>;
}

export class RedisJournal implements Journal {
  private readonly scripts: Scripts;

  /**
   * `owner(jobId)` names the lock a write must hold (undefined: no check, e.g. in tests of the journal alone).
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sous',
    private readonly owner: (jobId: string) => JobOwner | undefined = () => undefined
  ) {
    redis.defineCommand('sousCreateJob', { numberOfKeys: 5, lua: CREATE_JOB });
    redis.defineCommand('sousPutStep', { numberOfKeys: 4, lua: PUT_STEP });
    redis.defineCommand('sousSetJob', { numberOfKeys: 2, lua: SET_JOB });
    this.scripts = redis as unknown as Scripts;
  }

  private fence(jobId: string): [string, string] {
    const owner = this.owner(jobId);
    return owner ? [owner.lockKey, owner.token] : ['', ''];
  }

  private key(kind: string, id: string) {
    return `${this.prefix}:${kind}:${id}`;
  }

  async createJob(job: Job): Promise<void> {
    const { steps, ...fields } = job;
    const at = String(Date.parse(fields.started_at) || Date.now());
    const records = steps.flatMap((r) => [r.path, JSON.stringify(r)]);
    const keys = [this.key('job', job.id), `${this.prefix}:jobs`, this.key('jobs', fields.recipe_id), this.key('steps', job.id), this.key('order', job.id)];
    await this.scripts.sousCreateJob(...keys, JSON.stringify(fields), at, '', job.id, ...records);
  }

  async updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    const text = await this.redis.get(this.key('job', id));
    if (text === null) throw new Error(`no job ${id}`);
    // The read and the write need not be one script: the lock keeps every other writer of this job out.
    const [lockKey, token] = this.fence(id);
    const next = JSON.stringify({ ...(JSON.parse(text) as JobFields), ...patch });
    await this.scripts.sousSetJob(lockKey, this.key('job', id), token, id, next);
  }

  async putStep(jobId: string, record: StepRecord): Promise<void> {
    const [lockKey, token] = this.fence(jobId);
    await this.scripts.sousPutStep(lockKey, this.key('steps', jobId), this.key('order', jobId), this.key('job', jobId), token, jobId, record.path, JSON.stringify(record));
  }

  async loadJob(id: string): Promise<Job | undefined> {
    return (await this.loadMany([id]))[0];
  }

  /** Full jobs, newest first, from every process on this Redis. */
  async listJobs(query: { limit: number; recipe?: string }): Promise<Job[]> {
    const set = query.recipe === undefined ? `${this.prefix}:jobs` : this.key('jobs', query.recipe);
    const ids = await this.redis.zrevrange(set, 0, query.limit - 1);
    return (await this.loadMany(ids)).filter((job): job is Job => job !== undefined);
  }

  /** The jobs of `ids` in one round trip, read in one MULTI (so each is read whole). */
  private async loadMany(ids: readonly string[]): Promise<Array<Job | undefined>> {
    if (ids.length === 0) return [];
    const multi = this.redis.multi();
    for (const id of ids) multi.get(this.key('job', id)).hgetall(this.key('steps', id)).lrange(this.key('order', id), 0, -1);
    const replies = (await multi.exec()) ?? [];
    return ids.map((_, i) => {
      const [text, records, order] = [0, 1, 2].map((k) => {
        const [err, value] = replies[i * 3 + k];
        if (err) throw err;
        return value;
      }) as [string | null, Record<string, string>, string[]];
      if (text === null) return undefined;
      const steps = order.filter((p) => records[p] !== undefined).map((p) => JSON.parse(records[p]) as StepRecord);
      return { ...(JSON.parse(text) as JobFields), steps };
    });
  }
}
