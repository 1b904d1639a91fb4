/**
 * The queue's Redis connections at start: the webhook side (no offline queue) refuses commands until it is
 * ready, so start-up waits for 'ready'; an unreachable Redis is one plain sentence, without the password.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, redisConnection } from './redis-connection';
import { startRedis, type RedisServer } from './redis-server-kit';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server?.stop();
});

async function closedPort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe('the queue connections', () => {
  it('answer their first command once ready, even the one with no offline queue', async () => {
    const lines: string[] = [];
    const webhooks = redisConnection(server.url, 'webhooks', (l) => lines.push(l));
    try {
      await connected(webhooks, server.url);
      expect(await webhooks.ping()).toBe('PONG');
      expect(lines).toEqual([]);
    } finally {
      webhooks.disconnect();
    }
  });

  it('say in words that Redis cannot be reached, never with the password, and log no "lost" line before the first connection', async () => {
    const url = `redis://ana:s3cret@127.0.0.1:${await closedPort()}/0`;
    const lines: string[] = [];
    const redis = redisConnection(url, 'workers', (l) => lines.push(l));
    try {
      const failed = await connected(redis, url, 600).then(() => undefined, (err: Error) => err.message);
      expect(failed).toMatch(/^cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0 within 0\.6 s \(ECONNREFUSED\); is redis-server running there\?$/);
      expect(failed).not.toContain('s3cret');
      expect(lines).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
