/**
 * Helpers for the CLI's tests (not shipped): run the real `sous` as a child process from the project root,
 * and say whether its stderr holds a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CONFORMANCE = 'tests/conformance';

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SousOptions {
  /** Called once the child has started, e.g. to send it a signal later. */
  onSpawn?: (kill: (signal: NodeJS.Signals) => void) => void;
  env?: Record<string, string>;
}

/** `node --import tsx cli/sous.ts ARGS` in the project root. */
export function sous(args: readonly string[], options: SousOptions = {}): Promise<Outcome> {
  return spawnIn(process.execPath, ['--import', 'tsx', 'cli/sous.ts', ...args], options);
}

/** `npm run --silent sous -- ARGS`, the way the spec says to get pure JSON through npm. */
export function npmSous(args: readonly string[]): Promise<Outcome> {
  return spawnIn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'sous', '--', ...args], {});
}

function spawnIn(command: string, args: string[], options: SousOptions): Promise<Outcome> {
  return new Promise((done) => {
    const child = execFile(
      command,
      args,
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: unknown }).code ?? null) : 0;
        done({ code: typeof code === 'number' ? code : null, signal: child.signalCode, stdout, stderr });
      }
    );
    options.onSpawn?.((signal) => child.kill(signal));
  });
}

/** A V8 stack frame line: `    at fn (file:1:2)`. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at\s/m.test(text);
}

let tempRoot: string | undefined;

/** A fresh temporary folder with the given files (JSON values are written as JSON); removed at exit. */
export function tempFiles(files: Record<string, unknown>): string {
  if (!tempRoot) {
    const root = (tempRoot = mkdtempSync(join(tmpdir(), 'sous-cli-')));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  const dir = mkdtempSync(join(tempRoot, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
