/**
 * The webhook queue across a real kill: `proxy/main.ts` as a child process (as `npm start` runs it), killed
 * with SIGKILL while webhooks come in, then started again on the same folder. Every event answered 202 is
 * still there, an acked one never comes again, and the published paths are kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream, postHook, studio } from './hooks-test-kit';

interface Started {
  child: ChildProcess;
  base: string;
  out(): string;
  ended: Promise<unknown>;
}

let dir: string;
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sous-hooks-kill-'));
  await mkdir(join(dir, 'build'));
  await writeFile(join(dir, 'build', 'index.html'), '<!doctype html><title>studio</title>');
});

async function start(): Promise<Started> {
  const args = ['--import', 'tsx', 'proxy/main.ts', '--port', '0', '--root', join(dir, 'build'), '--no-proxy', '--no-mcp'];
  args.push('--hooks-data', join(dir, 'data'), '--hooks-token-file', join(dir, 'config', 'hooks-token'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' };
  delete env.SOUS_HOOKS_TOKEN_FILE;
  const child = spawn(process.execPath, args, { cwd: resolve(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const ended = new Promise((done) => child.once('exit', done));
  const deadline = Date.now() + 30_000;
  let base: string | undefined;
  while (!(base = /webhooks: POST (http:\/\/127\.0\.0\.1:\d+)\/hooks\//.exec(out)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base, out: () => out, ended };
}

async function kill(server: Started): Promise<void> {
  server.child.kill('SIGKILL');
  await server.ended;
}

describe('webhooks across a SIGKILL', () => {
  it('keeps every event answered 202, never relays an acked one again, and keeps the paths', async () => {
    const first = await start();
    const token = (await readFile(join(dir, 'config', 'hooks-token'), 'utf8')).trim();
    expect(first.out()).toContain(`a new webhook token was made for this install: ${token}`);
    expect((await studio(first.base, 'PUT', '/hooks-relay/paths', { paths: ['orders'] })).status).toBe(204);
    const acked = (await postHook(first.base, 'orders', token, { n: 'acked' })).json().event_id as string;
    expect((await studio(first.base, 'POST', '/hooks-relay/ack', { event_id: acked, job_id: acked })).status).toBe(204);

    // Many at once; the kill lands while some are still in flight. Each 202 must survive it.
    const answered: string[] = [];
    const posts = Array.from({ length: 40 }, (_, n) =>
      postHook(first.base, 'orders', token, { n }).then(
        (res) => res.status === 202 && answered.push(res.json().event_id as string),
        () => undefined
      )
    );
    while (answered.length < 10) await new Promise((r) => setTimeout(r, 2));
    await kill(first);
    await Promise.all(posts);
    expect(answered.length).toBeGreaterThanOrEqual(10);

    const second = await start();
    expect(second.out()).not.toContain('a new webhook token');
    expect(second.out()).not.toContain(token);
    // No PUT: the paths published before the kill still take webhooks while no studio is open.
    const afterRestart = (await postHook(second.base, 'orders', token, { n: 'after' })).json().event_id as string;
    const stream = await openStream(second.base);
    await stream.waitForIds([...answered, afterRestart]);
    expect(stream.events.map((e) => e.event_id)).not.toContain(acked);
    expect(new Set(stream.events.map((e) => e.event_id)).size).toBe(stream.events.length);
    expect(stream.events.at(-1)!.event_id).toBe(afterRestart);
    for (const e of stream.events) expect((await studio(second.base, 'POST', '/hooks-relay/ack', { event_id: e.event_id, job_id: e.event_id })).status).toBe(204);
    stream.close();
    await kill(second);

    // Everything acked: a new stream gets only what comes after.
    const third = await start();
    try {
      const quiet = await openStream(third.base);
      const fresh = (await postHook(third.base, 'orders', token, { n: 'fresh' })).json().event_id as string;
      await quiet.waitForIds([fresh]);
      expect(quiet.events.map((e) => e.event_id)).toEqual([fresh]);
      quiet.close();
    } finally {
      await kill(third);
    }
  }, 60_000);
});
