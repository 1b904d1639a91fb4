/** A journal in memory: for the CLI, the benchmarks and the tests. `snapshot` copies what a crash would leave. */
import type { Job, StepRecord } from '../recipe';
import type { Journal } from './ports';

const WRITTEN: Promise<void> = Promise.resolve();

/**
 * Each job's row is its own object, never handed out (loadJob copies it), so a patch is applied in place;
 * records are kept as given, by path, in one Map per job. A job of many small steps is what this holds
 * most of, so it keeps no second copy of anything.
 */
export class MemoryJournal implements Journal {
  private readonly jobs = new Map<string, Omit<Job, 'steps'>>();
  private readonly steps = new Map<string, Map<string, StepRecord>>();

  async createJob(job: Job): Promise<void> {
    const { steps, ...rest } = job;
    this.jobs.set(job.id, rest);
    const records = new Map<string, StepRecord>();
    for (const s of steps) records.set(s.path, s);
    this.steps.set(job.id, records);
  }

  // The two writes of every step answer one promise made once, not a new one each (a job of small
  // steps makes many); a failure is still a rejected promise, never a throw.
  updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new Error(`no job ${id}`));
    Object.assign(job, patch);
    return WRITTEN;
  }

  putStep(jobId: string, record: StepRecord): Promise<void> {
    const steps = this.steps.get(jobId);
    if (!steps) return Promise.reject(new Error(`no job ${jobId}`));
    steps.set(record.path, record);
    return WRITTEN;
  }

  async loadJob(id: string): Promise<Job | undefined> {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    return { ...job, steps: [...(this.steps.get(id)?.values() ?? [])] };
  }

  jobIds(): string[] {
    return [...this.jobs.keys()];
  }
}
