/** A journal in memory: for the CLI, the benchmarks and the tests. `snapshot` copies what a crash would leave. */
import type { Job, StepRecord } from '../recipe';
import type { Journal } from './ports';

export class MemoryJournal implements Journal {
  private readonly jobs = new Map<string, Omit<Job, 'steps'>>();
  private readonly steps = new Map<string, Map<string, StepRecord>>();

  async createJob(job: Job): Promise<void> {
    const { steps, ...rest } = job;
    this.jobs.set(job.id, { ...rest });
    this.steps.set(job.id, new Map(steps.map((s) => [s.path, s])));
  }

  async updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    this.jobs.set(id, { ...job, ...patch });
  }

  async putStep(jobId: string, record: StepRecord): Promise<void> {
    const steps = this.steps.get(jobId);
    if (!steps) throw new Error(`no job ${jobId}`);
    steps.set(record.path, record);
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
