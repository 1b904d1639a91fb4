/**
 * For the queue tests and the bench (not shipped): a real `redis-server` on 127.0.0.1 and a free port, with
 * nothing written outside a temp folder (no RDB snapshots, no AOF), stopped after. When redis-server is not
 * installed it throws saying how to install it: the queue's tests must not pass by skipping.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

export function redisServerMissing(): string | undefined {
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return `redis-server is not installed (${BINARY}): the queue tests need it. On Debian: apt-get install redis-server (npm test does it when run as root; CI's .ci/run installs it)`;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function startRedis(port?: number): Promise<RedisServer> {
  const missing = redisServerMissing();
  if (missing) throw new Error(missing);
  const chosen = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'sous-redis-'));
  const child = spawn(BINARY, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 10_000;
  while (!/Ready to accept connections/i.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const ended = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url: `redis://127.0.0.1:${chosen}/0`,
    port: chosen,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await ended;
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
