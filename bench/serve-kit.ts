/**
 * What the serve and queue benches share: the same webhook recipes, a `sous serve` started as a child and
 * waited for until every recipe started, and the clock their figures are read on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Compared with the jobs' own times, which are Date's (the journal's ISO stamps): the monotonic clock
// (performance.timeOrigin + now) drifts from Date, here by about 5 ms a second, which put whole seconds between them.
export const wallNow = () => Date.now();

/** `count` webhook recipes of three steps each (two `set`s around an `if`), on paths /hooks/bench-N. */
export function writeBenchRecipes(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const recipe = {
      format: 'sous.recipe/v1',
      id: `bench-${i}`,
      name: `Bench webhook ${i}`,
      trigger: { kind: 'webhook', path: `bench-${i}` },
      steps: [
        { id: 'pick', kind: 'set', values: { amount: '{{ trigger.body.amount }}', order: '{{ trigger.body.order }}' } },
        { id: 'big', kind: 'if', condition: '{{ vars.amount > 500 }}', then: [{ id: 'flag', kind: 'set', values: { review: true } }] },
        { id: 'done', kind: 'set', values: { total: '{{ vars.amount * 1.1 }}' } }
      ]
    };
    writeFileSync(join(folder, `bench-${i}.json`), JSON.stringify(recipe));
  }
}

/** `sous serve --recipes FOLDER --port 0 --token TOKEN ARGS…`, once it listens and has started `recipes` recipes. */
export async function startServe(folder: string, token: string, args: string[], recipes: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/sous.ts', 'serve', '--port', '0', '--recipes', folder, '--token', token, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    // stderr holds a line per job start and end: read and dropped, so the pipe never fills.
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.resume();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
    if (port && (out.match(/^started /gm)?.length ?? 0) === recipes) return { child, base: `http://127.0.0.1:${port}` };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sous serve did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
