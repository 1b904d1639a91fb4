/**
 * An in-memory stand-in for Web Locks (exclusive locks, `ifAvailable`): for Node tests, where hosts given
 * the same one behave like tabs of one origin, and for a page without `navigator.locks` (not a secure
 * context), where it guards only its own worker.
 */
import type { LockRequester } from './job-locks';

type Callback = (lock: { name: string; mode: 'exclusive' } | null) => unknown;

export function memoryLocks(): LockRequester {
  const queues = new Map<string, Array<() => void>>();

  function release(name: string) {
    const queue = queues.get(name)!;
    queue.shift();
    if (queue.length === 0) queues.delete(name);
    else queue[0]();
  }

  function request(name: string, a: LockOptions | Callback, b?: Callback): Promise<unknown> {
    const options = typeof a === 'function' ? {} : a;
    const callback = (typeof a === 'function' ? a : b)!;
    if (options.ifAvailable && queues.has(name)) return Promise.resolve().then(() => callback(null));
    return new Promise((resolve, reject) => {
      const grant = () => {
        Promise.resolve()
          .then(() => callback({ name, mode: 'exclusive' }))
          .then(resolve, reject)
          .finally(() => release(name));
      };
      const queue = queues.get(name) ?? [];
      queues.set(name, [...queue, grant]);
      if (queue.length === 0) grant();
    });
  }

  return { request } as LockRequester;
}
