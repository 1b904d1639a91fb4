/** A fake clock, a scripted `startJob` and a settle helper for the queue's tests. */
import { createTriggerQueue } from './queue';
import { MemoryQueueStore } from './memory-store';
import type { QueueProblem, StartRequest, TriggerEvent, TriggerEventKind, TriggerQueueDeps } from './types';

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets every promise chain that can move, move (a macrotask turn; no timers are involved). */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}

export const ev = (event_id: string, recipe_id = 'r1', kind: TriggerEventKind = 'webhook'): TriggerEvent => ({
  event_id,
  recipe_id,
  kind,
  payload: { n: event_id }
});

export interface HarnessOptions extends Partial<Omit<TriggerQueueDeps, 'startJob' | 'store' | 'clock'>> {
  store?: MemoryQueueStore;
  /** Throw from startJob for these requests, as a locked journal would. */
  fail?: (req: StartRequest) => boolean;
  /** Jobs end by themselves right after they start. */
  autoFinish?: boolean;
}

export function harness(opts: HarnessOptions = {}) {
  const { store = new MemoryQueueStore(), fail, autoFinish, ...limits } = opts;
  let t = Date.parse('2026-03-01T09:00:00Z');
  const clock = { now: () => new Date(t) };
  const started: StartRequest[] = [];
  const jobs = new Map<string, Deferred<unknown>>();
  const problems: QueueProblem[] = [];
  let calls = 0;
  const queue = createTriggerQueue({
    ...limits,
    store,
    clock,
    onProblem: (p) => problems.push(p),
    async startJob(req) {
      calls++;
      if (fail?.(req)) throw new Error('the journal is locked');
      started.push(req);
      const done = deferred<unknown>();
      jobs.set(req.event_id, done);
      if (autoFinish) queueMicrotask(() => done.resolve({ ok: true }));
      return { jobId: `job-${req.event_id}`, done: done.promise };
    }
  });
  return {
    queue,
    store,
    started,
    problems,
    calls: () => calls,
    ids: () => started.map((s) => s.event_id),
    advance: (ms: number) => void (t += ms),
    async finish(eventId: string, outcome: 'ok' | 'fail' = 'ok') {
      const job = jobs.get(eventId);
      if (!job) throw new Error(`no job for ${eventId}`);
      if (outcome === 'ok') job.resolve({ ok: true });
      else job.reject(new Error('step failed'));
      await settle();
    },
    async acceptAll(events: TriggerEvent[]) {
      const results = await Promise.all(events.map((e) => queue.accept(e)));
      await settle();
      return results;
    }
  };
}
