/** A journal in memory: for the CLI, the benchmarks and the tests. `snapshot` copies what a crash would leave. */
import type { Job, StepRecord } from '../recipe';
import { JOURNALED, type Journal } from './ports';

/**
 * Each job's row is its own object, never handed out (loadJob copies it), so a patch is applied in place;
 * records are kept as given, by path, in one Map per job. A job of many small steps is what this holds
 * most of, so it keeps no second copy of anything.
 */
export class MemoryJournal implements Journal {
  private readonly jobs = new Map<string, Omit<Job, 'steps'>>();
  private readonly steps = new Map<string, Map<string, StepRecord>>();

  createJob(job: Job): Promise<void> {
    // The row is a plain copy (V8 clones an object fast when nothing is added or left out, several times
    // faster than a rest pattern without `steps`): its `steps` is never read, loadJob gives the records.
    this.jobs.set(job.id, { ...job });
    const records = new Map<string, StepRecord>();
    for (const s of job.steps) records.set(s.path, s);
    this.steps.set(job.id, records);
    return JOURNALED;
  }

  // Every write answers JOURNALED (ports.ts): it is done when the call returns, so the engine need not
  // wait a turn for it; a failure is still a rejected promise, never a throw.
  updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new Error(`no job ${id}`));
    Object.assign(job, patch);
    return JOURNALED;
  }

  putStep(jobId: string, record: StepRecord): Promise<void> {
    const steps = this.steps.get(jobId);
    if (!steps) return Promise.reject(new Error(`no job ${jobId}`));
    steps.set(record.path, record);
    return JOURNALED;
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
