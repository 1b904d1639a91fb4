/**
 * One Web Lock per job, so that two tabs (two workers) never drive the same job at once. A worker that
 * wants to go on with a job waits for its lock, then reads the job again: by then another tab may have
 * finished it.
 */
import type { Journal } from '../engine/ports';

export type LockRequester = Pick<LockManager, 'request'>;

export class JobLocks {
  private readonly held = new Map<string, () => void>();

  constructor(private readonly locks: LockRequester) {}

  /** Run `work` holding the job's lock, after whoever holds it now lets go. */
  with<T>(jobId: string, work: () => Promise<T>): Promise<T> {
    // The DOM typing says Promise<Promise<T>>; the lock manager awaits what the callback returns.
    return this.locks.request(lockName(jobId), () => work()) as unknown as Promise<T>;
  }

  /** Run `work` holding the job's lock if nobody holds it; `false` (without waiting) if somebody does. */
  async ifFree(jobId: string, work: () => Promise<void>): Promise<boolean> {
    return this.locks.request(lockName(jobId), { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await work();
      return true;
    });
  }

  /** Take the job's lock and keep it until `release`: for jobs that are born in this worker. */
  hold(jobId: string): Promise<void> {
    if (this.held.has(jobId)) return Promise.resolve();
    return new Promise<void>((acquired, failed) => {
      this.locks
        .request(lockName(jobId), () => new Promise<void>((release) => (this.held.set(jobId, release), acquired())))
        .catch(failed);
    });
  }

  release(jobId: string): void {
    this.held.get(jobId)?.();
    this.held.delete(jobId);
  }
}

export function lockName(jobId: string): string {
  return `sous-job:${jobId}`;
}

/**
 * The runner creates jobs itself (a run, a re-run, a `call` step's child), so the lock is taken where a
 * job is born: before its row exists, no other tab can see it as "running" and pick it up. The lock is
 * given back when the job stops running (it ends, or waits for a person).
 */
export function lockingJournal(inner: Journal, locks: JobLocks): Journal {
  return {
    async createJob(job) {
      await locks.hold(job.id);
      try {
        await inner.createJob(job);
      } catch (err) {
        locks.release(job.id);
        throw err;
      }
    },
    async updateJob(id, patch) {
      await inner.updateJob(id, patch);
      if (patch.status && patch.status !== 'running' && patch.status !== 'queued') locks.release(id);
    },
    putStep: (jobId, record) => inner.putStep(jobId, record),
    loadJob: (id) => inner.loadJob(id)
  };
}
