/** Jobs and their step records in IndexedDB: the engine's journal in the browser, and the job queries. */
import { Dexie } from 'dexie';
import type { Journal } from '../engine/ports';
import type { Job, JobStatus, StepRecord } from '../recipe';
import type { JobRow, SousDb, StepRow } from './db';
import { guardWrite } from './storage-errors';

/**
 * The engine's `Journal` over Dexie. Each call is one transaction, so a failed write (a full disk) leaves
 * what was saved before untouched.
 */
export class DexieJournal implements Journal {
  constructor(private readonly db: SousDb) {}

  async createJob(job: Job): Promise<void> {
    const { steps, ...row } = job;
    await guardWrite(`job ${job.id}`, () =>
      this.db.transaction('rw', this.db.jobs, this.db.job_steps, async () => {
        await this.db.jobs.add(row);
        await this.db.job_steps.bulkPut(steps.map((s, seq) => ({ ...s, job_id: job.id, seq })));
      })
    );
  }

  async updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    await guardWrite(`the status of job ${id}`, async () => {
      const changed = await this.db.jobs.update(id, patch);
      // update() answers 0 both for "no such job" and "nothing changed"; only the first is a mistake.
      if (changed === 0 && !(await this.db.jobs.get(id))) throw new Error(`no job ${id}`);
    });
  }

  async putStep(jobId: string, record: StepRecord): Promise<void> {
    await guardWrite(`step ${record.path} of job ${jobId}`, () =>
      this.db.transaction('rw', this.db.jobs, this.db.job_steps, async () => {
        // The three reads are asked at once: IndexedDB answers them in order inside the transaction,
        // without a turn of the event loop between each (a step's commit waited on three before).
        const [job, existing, last] = await Promise.all([
          this.db.jobs.get(jobId),
          this.db.job_steps.get([jobId, record.path]),
          stepsOf(this.db, jobId).last()
        ]);
        if (!job) throw new Error(`no job ${jobId}`);
        // A replaced record keeps its place; a new one goes after every step recorded so far.
        const seq = existing?.seq ?? (last?.seq ?? -1) + 1;
        await this.db.job_steps.put({ ...record, job_id: jobId, seq });
      })
    );
  }

  loadJob(id: string): Promise<Job | undefined> {
    return readJob(this.db, id);
  }
}

/** The job with its steps in the order they were first recorded; also used by the page's live view. */
export async function readJob(db: SousDb, id: string): Promise<Job | undefined> {
  const [row, steps] = await Promise.all([
    db.jobs.get(id),
    stepsOf(db, id).toArray()
  ]);
  return row ? { ...row, steps: steps.map(toRecord) } : undefined;
}

function stepsOf(db: SousDb, jobId: string) {
  return db.job_steps.where('[job_id+seq]').between([jobId, Dexie.minKey], [jobId, Dexie.maxKey]);
}

function toRecord({ job_id: _job, seq: _seq, ...record }: StepRow): StepRecord {
  return record;
}

/** A recipe's jobs, newest first. */
export function jobsOfRecipe(db: SousDb, recipeId: string, limit = 50): Promise<JobRow[]> {
  return db.jobs
    .where('[recipe_id+started_at]')
    .between([recipeId, Dexie.minKey], [recipeId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export async function lastJobStatus(db: SousDb, recipeId: string): Promise<JobStatus | undefined> {
  return (await jobsOfRecipe(db, recipeId, 1))[0]?.status;
}

export async function jobIdsWithStatus(db: SousDb, status: JobStatus): Promise<string[]> {
  return (await db.jobs.where('status').equals(status).primaryKeys()) as string[];
}
