/**
 * SIGTERM for `sous serve`: "stop taking work and exit when the running steps end" (issue 11), not when the
 * running *jobs* end. Wrapped around the real journal, it lets every write through until `pause()`; from then
 * on the write that would begin a new step (a step record for a path that is not already running) is held and
 * never made, so the engine waits there, while a step that is running goes on to its end (its final record,
 * its retries and the job's own end pass). Once every job still alive is held between steps, `paused` says
 * so and the process may exit: nothing half-done is on disk, and after a restart each job resumes from its last
 * finished step, running the held one then. A `call` step waits on its child job, so it counts as paused when
 * its child is.
 */
import type { Journal } from '../../src/lib/engine';
import type { Job, StepRecord } from '../../src/lib/recipe';

interface Seen {
  /** The last written record of each path, as far as this process knows. */
  records: Map<string, Pick<StepRecord, 'status' | 'child_job'>>;
  /** Paths whose write was held (their step never begins). */
  held: Set<string>;
}

export class PausingJournal implements Journal {
  private readonly jobs = new Map<string, Seen>();
  private pausing = false;
  private readonly watchers = new Set<() => void>();

  constructor(private readonly inner: Journal) {}

  async createJob(job: Job): Promise<void> {
    await this.inner.createJob(job);
    this.jobs.set(job.id, { records: new Map(job.steps.map((r) => [r.path, r])), held: new Set() });
  }

  async updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    await this.inner.updateJob(id, patch);
    // Its run is over (ended, or waiting for an answer): forget it, so a long-running server stays small.
    if (patch.status && patch.status !== 'running' && patch.status !== 'queued') this.jobs.delete(id);
    this.changed();
  }

  /** Jobs this process is following (for tests: it must not grow with every job ever run). */
  get tracked(): number {
    return this.jobs.size;
  }

  async putStep(jobId: string, record: StepRecord): Promise<void> {
    const seen = await this.seen(jobId);
    if (this.pausing && seen.records.get(record.path)?.status !== 'running') {
      seen.held.add(record.path);
      this.changed();
      // Never settles: the job waits here until the process ends, and resumes here after a restart.
      return new Promise<void>(() => undefined);
    }
    await this.inner.putStep(jobId, record);
    seen.records.set(record.path, { status: record.status, child_job: record.child_job });
    this.changed();
  }

  loadJob(id: string): Promise<Job | undefined> {
    return this.inner.loadJob(id);
  }

  /**
   * From now on no new step begins. Resolves once each of `alive()` (the jobs not yet ended) is held
   * between steps; jobs that end meanwhile simply drop out of `alive()`.
   */
  pause(alive: () => Iterable<string>): Promise<void> {
    this.pausing = true;
    return new Promise<void>((done) => {
      const check = () => {
        if ([...alive()].every((id) => this.isPaused(id, 0))) {
          this.watchers.delete(check);
          done();
        }
      };
      this.watchers.add(check);
      check();
    });
  }

  /** How many jobs were left held between steps (to resume on the next start). */
  heldJobs(): number {
    return [...this.jobs.values()].filter((seen) => seen.held.size > 0).length;
  }

  private isPaused(jobId: string, depth: number): boolean {
    const seen = this.jobs.get(jobId);
    if (!seen || depth > 20) return false;
    let waitsOnChild = false;
    for (const [path, record] of seen.records) {
      if (record.status !== 'running') continue;
      if (record.child_job) {
        // A running call step is as paused as its child job.
        if (!this.isPaused(record.child_job, depth + 1)) return false;
        waitsOnChild = true;
        continue;
      }
      // A running container (if, foreach, try) is paused when something inside it is held or running.
      const inside = (p: string) => p.startsWith(`${path}/`) || p.startsWith(`${path}[`);
      const running = [...seen.records].some(([p, r]) => r.status === 'running' && inside(p));
      if (!running && ![...seen.held].some(inside)) return false;
    }
    // Between steps with nothing held yet, it is about to write: wait for that write (or for its end).
    return seen.held.size > 0 || waitsOnChild;
  }

  private async seen(jobId: string): Promise<Seen> {
    let seen = this.jobs.get(jobId);
    if (!seen) {
      // A job resumed after a restart: what its records said when it was killed.
      const job = await this.inner.loadJob(jobId);
      seen = this.jobs.get(jobId) ?? { records: new Map((job?.steps ?? []).map((r) => [r.path, r])), held: new Set() };
      this.jobs.set(jobId, seen);
    }
    return seen;
  }

  /** Looks again whether every job alive is paused (call it when a job ends). */
  changed(): void {
    for (const check of [...this.watchers]) check();
  }
}
