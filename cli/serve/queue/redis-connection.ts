/**
 * The Redis connections of `sous serve --queue`, and what a lost Redis does to each. The webhook side fails
 * at once (no offline queue, one retry), so a webhook is answered 202 only when Redis has it and 503 while
 * it is gone; the workers' and the journal's connections wait a loss out (commands queue and are sent again
 * once it is back). Each says once, in one plain line, that Redis was lost and again when it is back.
 */
import { Redis } from 'ioredis';
import { describeRedis } from './queue-args';

export type RedisRole = 'webhooks' | 'workers';

/** How long start-up waits for Redis before it says it cannot reach it. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** The most time between two tries to reach a lost Redis. */
export const RETRY_MAX_MS = 2_000;
/** The most a webhook waits for Redis to take it. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

export function redisConnection(url: string, role: RedisRole, log: (line: string) => void): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: role === 'workers' ? null : 1,
    enableOfflineQueue: role === 'workers',
    // A Redis that hangs rather than refuses: a webhook gets its 503 in seconds, not when the caller gives up.
    ...(role === 'webhooks' ? { commandTimeout: WEBHOOK_TIMEOUT_MS } : {}),
    lazyConnect: true,
    retryStrategy: (times) => Math.min(times * 200, RETRY_MAX_MS)
  });
  let lost = false;
  let wasReady = false;
  redis.on('error', (err: Error & { code?: string }) => {
    // Before the first 'ready', `connected` says why start-up cannot go on.
    if (lost || !wasReady) return;
    lost = true;
    const then = role === 'webhooks' ? 'webhooks get 503 until it is back' : 'running jobs wait for it';
    log(`lost the queue at ${describeRedis(url)} (${err.code ?? err.message}); retrying every ${RETRY_MAX_MS / 1000} s at most; ${then}`);
  });
  redis.on('ready', () => {
    wasReady = true;
    if (lost) log(`the queue at ${describeRedis(url)} is back (${role})`);
    lost = false;
  });
  return redis;
}

/**
 * Connects and waits for 'ready' before the first command: a connection with no offline queue refuses
 * every command until then. Fails with a plain message when Redis does not answer in time.
 */
export async function connected(redis: Redis, url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<Redis> {
  if (redis.status === 'ready') return redis;
  let lastError = '';
  const onError = (err: Error & { code?: string }) => (lastError = err.code ?? err.message);
  redis.on('error', onError);
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => {
        const why = lastError ? ` (${lastError})` : '';
        fail(new Error(`cannot reach Redis at ${describeRedis(url)} within ${timeoutMs / 1000} s${why}; is redis-server running there?`));
      }, timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        ready();
      });
      if (redis.status === 'wait') redis.connect().catch(() => undefined);
    });
  } finally {
    redis.off('error', onError);
  }
  return redis;
}
