/**
 * `--queue redis://HOST:PORT/DB` (or `SOUS_QUEUE`) and `--workers N`: where the shared BullMQ queue lives and
 * how many of its jobs one process works at once. A bad value is one plain line (exit 2), before anything
 * is served; a password in the URL is never repeated back.
 */
export interface QueueArgs {
  /** The Redis URL as given (it may hold a password: see `describeRedis`). */
  url: string;
  workers: number;
}

export const MAX_WORKERS = 100;

export function parseQueueArgs(
  queue: string | undefined,
  workers: string | undefined
): { ok: true; value: QueueArgs | undefined } | { ok: false; message: string } {
  if (queue === undefined || queue === '') {
    if (workers !== undefined) return { ok: false, message: '--workers goes with --queue redis://HOST:PORT/DB (without it, use --concurrency)' };
    return { ok: true, value: undefined };
  }
  let url: URL;
  try {
    url = new URL(queue);
  } catch {
    return { ok: false, message: '--queue expects redis://HOST:PORT/DB (for example redis://127.0.0.1:6379/0)' };
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return { ok: false, message: `--queue expects a redis:// or rediss:// URL, not ${url.protocol}//…` };
  }
  if (!url.hostname) return { ok: false, message: '--queue needs a host: redis://HOST:PORT/DB' };
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) return { ok: false, message: `--queue: the database after the port is a number (0 to 99), not "${db}"` };
  const count = workers === undefined ? 1 : /^\d{1,3}$/.test(workers) ? Number(workers) : NaN;
  if (!(count >= 1 && count <= MAX_WORKERS)) {
    return { ok: false, message: `--workers expects a whole number from 1 to ${MAX_WORKERS}, not "${workers}"` };
  }
  return { ok: true, value: { url: queue, workers: count } };
}

/** The URL for a log line: never its user or password. */
export function describeRedis(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.hostname}:${url.port || '6379'}${url.pathname || '/0'}`;
  } catch {
    return 'the Redis URL';
  }
}
