/**
 * For the `sous serve` tests (not shipped): the real `sous serve` as a child process on 127.0.0.1, a free port
 * (`--port 0`, read back from its first line), and fetch helpers with and without the token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from '../test-kit';

export interface Served {
  child: ChildProcess;
  base: string;
  /** What it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once it has ended. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function serve(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/sous.ts', 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal }))
  );
  const deadline = Date.now() + 30_000;
  let port: string | undefined;
  while (!(port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`sous serve did not start:\n${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // The started and refused lines follow the listening line at once: wait until the output settles.
  for (let seen = ''; seen !== out; ) {
    seen = out;
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, base: `http://127.0.0.1:${port}`, stdout: () => out, stderr: () => err, ended };
}

export async function json(response: Response): Promise<any> {
  return JSON.parse(await response.text());
}

/** Polls until `check` gives a value (or fails after a few seconds). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
