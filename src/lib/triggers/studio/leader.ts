/**
 * "Do this while this tab is the one": one tab of the studio at a time holds a Web Lock of a given name
 * and does the work (fire schedules, relay webhooks, poll events); the other tabs wait in the lock's
 * queue. When the holding tab closes (or its work is stopped), the browser gives the lock to the next
 * waiting tab at once, so another tab takes over within moments and never two at the same time.
 *
 *   const stop = whileLeader(pageLocks(), 'sous-schedules', (signal) => {
 *     const timer = setInterval(tick, 1000);
 *     return () => clearInterval(timer);   // or: return a promise that ends when `signal` aborts
 *   });
 *   ...
 *   stop(); // leaves the queue, or lets go of the lock (the next tab becomes the one)
 *
 * Locks are passed in (a LockManager-like port) so Node tests drive it with memoryLocks().
 */
import { memoryLocks } from '../../worker/memory-locks';

/** The part of `navigator.locks` this needs. */
export type LeaderLocks = Pick<LockManager, 'request'>;

/** Ends the work and lets go of the lock, or stops waiting for it. Safe to call more than once. */
export type StopFn = () => void;

/**
 * What the leader does once it holds the lock. `signal` aborts when `stop` is called. It may answer a
 * function that undoes what it set up (called on stop), or a promise (of one, or of nothing) for work
 * that runs on until `signal` aborts. The lock is held until `stop`, whatever the work answers.
 */
export type LeaderWork = (signal: AbortSignal) => void | StopFn | Promise<void | StopFn>;

export interface LeaderOptions {
  /** Told when the work throws or its promise fails (the lock is kept: no other tab would do better). */
  onError?: (err: unknown) => void;
}

/** Runs `work` while this tab holds the exclusive lock `name`; answers how to stop. */
export function whileLeader(locks: LeaderLocks, name: string, work: LeaderWork, options: LeaderOptions = {}): StopFn {
  const stopping = new AbortController();
  let release: () => void = () => {};
  const onError = options.onError ?? (() => {});

  const held = (lock: Lock | null) =>
    new Promise<void>((resolve) => {
      if (!lock || stopping.signal.aborted) return resolve();
      const undo: StopFn[] = [];
      release = () => {
        for (const fn of undo) safely(fn, onError);
        resolve();
      };
      try {
        const answer = work(stopping.signal);
        if (typeof answer === 'function') undo.push(answer);
        else if (answer && typeof answer.then === 'function') {
          answer.then((fn) => {
            if (typeof fn !== 'function') return;
            if (stopping.signal.aborted) safely(fn, onError);
            else undo.push(fn);
          }, onError);
        }
      } catch (err) {
        onError(err);
      }
    });

  // The signal lets a real LockManager drop a request still waiting; memoryLocks ignores it, and `held`
  // then hands the lock straight back.
  locks.request(name, { mode: 'exclusive', signal: stopping.signal }, held).catch((err: unknown) => {
    if (!stopping.signal.aborted) onError(err);
  });

  return () => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    release();
  };
}

let fallback: LeaderLocks | undefined;

/**
 * The page's Web Locks; where there are none (not a secure context), locks that only guard this page, so
 * the studio still works in one tab.
 */
export function pageLocks(): LeaderLocks {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks;
  return (fallback ??= memoryLocks());
}

function safely(fn: () => void, onError: (err: unknown) => void): void {
  try {
    fn();
  } catch (err) {
    onError(err);
  }
}
