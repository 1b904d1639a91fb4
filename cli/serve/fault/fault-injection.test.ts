/**
 * Fault injection. The engine runs in a child process (fault-child.ts) over a SqliteJournal file, as
 * `sous serve` does, against a local HTTP server that counts every call by (job, step). The test kills
 * it with SIGKILL at seeded random moments, starts it again (it resumes from the journal), and answers
 * each uncertain step it reports with a seeded choice, until every job has ended. Then:
 *   - no job is lost: every job ended, succeeded unless the test said "stop";
 *   - no finished step ran again: the answer its record keeps is the server's last for that key;
 *   - no POST (not idempotent) was made twice unless the test said "re-run" for it, and none after a
 *     "continue" or "stop";
 *   - only a call that may have happened is marked uncertain: never a read or an idempotent write, and
 *     never more than the calls in flight at the kills.
 * FAULT_JOBS / FAULT_KILLS make it smaller for a slow machine; the default is 1,000 jobs of 10 steps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../../src/lib/engine/test-kit';
import type { Job } from '../../../src/lib/recipe';
import { ROOT } from '../../test-kit';
import { openDatabase, SqliteJournal } from '../sqlite-journal';
import { jobIds, METHODS, repeatable, STEP_IDS, type AnswerMessage, type ChildMessage } from './fault-recipe';

const JOBS = Number(process.env.FAULT_JOBS ?? 1000);
const KILLS = Number(process.env.FAULT_KILLS ?? 12);
const CONCURRENCY = 16;
const SEED = Number(process.env.FAULT_SEED ?? 13);

/** The world's side: a server that counts calls per key and numbers each answer, so a journaled output says which call it came from. */
function countingServer(rand: () => number) {
  const calls = new Map<string, number>();
  const lastSerial = new Map<string, number>();
  let serial = 0;
  const server = createServer((req, res) => {
    const key = (req.url ?? '').replace(/^\/c\//, '');
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const n = ++serial;
    lastSerial.set(key, n);
    // A short, varied delay, so kills land while calls are in flight.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ serial: n }));
    }, Math.floor(rand() * 3));
  });
  return { server, calls, lastSerial };
}

interface Ledger {
  /** Per key: how many times the test answered "re-run". */
  reruns: Map<string, number>;
  /** Per key: the server's count when the test last answered "continue" or "stop" (absent after a later "re-run"). */
  settledAt: Map<string, number>;
  stopped: Set<string>;
  marks: Array<{ key: string; calledBefore: number }>;
}

describe('fault injection: the engine process killed mid-run, again and again', () => {
  let dir: string;
  let child: string;
  let world: ReturnType<typeof countingServer>;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sous-fault-'));
    // Bundled once, so each restart is a plain `node` start (a fraction of a second) rather than tsx
    // compiling the engine again; beside node_modules, so better-sqlite3 (native) resolves from it.
    const out = join(ROOT, 'node_modules', '.cache', `sous-fault-${process.pid}`);
    mkdirSync(out, { recursive: true });
    child = join(out, 'fault-child.mjs');
    await build({
      entryPoints: [join(ROOT, 'cli/serve/fault/fault-child.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['better-sqlite3'],
      logLevel: 'error'
    });
    world = countingServer(seeded(SEED + 1));
    server = world.server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(child, '..'), { recursive: true, force: true });
  });

  it(`${JOBS} jobs of ${METHODS.length} steps, killed ${KILLS} times: none lost, no finished step re-run, no POST repeated without an answer`, async () => {
    const rand = seeded(SEED);
    const file = join(dir, 'jobs.db');
    const ledger: Ledger = { reruns: new Map(), settledAt: new Map(), stopped: new Set(), marks: [] };
    let kills = 0;
    let starts = 0;
    const started = Date.now();

    for (let done = false; !done; ) {
      expect(starts++, 'too many restarts').toBeLessThan(KILLS + 200);
      const engine = spawnChild(child, file, port);
      const killAfter = kills < KILLS ? 20 + Math.floor(rand() * 1200) : Infinity;
      const outcome = await driveChild(engine, killAfter, (idle) => answer(idle, rand, ledger, world.calls));
      if (outcome === 'killed') kills++;
      else done = true;
    }
    const elapsed = Date.now() - started;

    const journal = new SqliteJournal(openDatabase(file));
    const jobs = await Promise.all(jobIds(JOBS).map((id) => journal.loadJob(id)));
    journal.close();
    checkJobs(jobs, ledger, world);
    checkCalls(ledger, world);
    // A small run (FAULT_JOBS) may end before its last kill comes; the full one is killed every time.
    expect(kills).toBeGreaterThan(0);
    if (JOBS >= 1000) expect(kills).toBe(KILLS);
    const reran = [...ledger.reruns.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fault injection: ${JOBS}×${METHODS.length} steps, ${kills} kills, ${ledger.marks.length} uncertain marks ` +
        `(${ledger.marks.filter((m) => m.calledBefore > 0).length} had reached the server), ${reran} re-run answers, ` +
        `${ledger.stopped.size} stopped, ${[...world.calls.values()].reduce((a, b) => a + b, 0)} calls, ${elapsed} ms`
    );
  }, 180_000);
});

function spawnChild(bundle: string, file: string, port: number): ChildProcess {
  return spawn(process.execPath, [bundle, file, String(port), String(JOBS), String(CONCURRENCY)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  });
}

/**
 * Runs the child until the test kills it (`killAfter` ms after its journal is open) or it reports that
 * every job has ended. Each report of uncertain steps is answered at once.
 */
function driveChild(child: ChildProcess, killAfter: number, onIdle: (idle: Extract<ChildMessage, { kind: 'idle' }>) => AnswerMessage | undefined): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    let killed = false;
    let finished = false;
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'ready' && Number.isFinite(killAfter)) {
        setTimeout(() => {
          if (finished) return;
          killed = true;
          child.kill('SIGKILL');
        }, killAfter);
      }
      if (message.kind !== 'idle' || killed) return;
      let reply: AnswerMessage | undefined;
      try {
        reply = onIdle(message);
      } catch (err) {
        // A failed check inside the answer: end the child and fail the test now, not at its timeout.
        killed = true;
        child.kill('SIGKILL');
        return reject(err);
      }
      if (reply) return child.send(reply);
      finished = true;
      child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => {
      if (killed) resolve('killed');
      else if (finished) resolve('finished');
      else reject(new Error(`the engine process ended by itself (code ${code}, signal ${signal})`));
    });
  });
}

/** A seeded answer for each uncertain step; undefined when there is none left and no job is open. */
function answer(idle: Extract<ChildMessage, { kind: 'idle' }>, rand: () => number, ledger: Ledger, calls: Map<string, number>): AnswerMessage | undefined {
  if (idle.uncertain.length === 0) {
    expect(idle.open, 'jobs still open with nothing to run').toBe(0);
    return undefined;
  }
  const answers = idle.uncertain.map(({ job, path }) => {
    const key = `${job}/${path}`;
    ledger.marks.push({ key, calledBefore: calls.get(key) ?? 0 });
    const r = rand();
    const choice: 'continue' | 'rerun' | 'stop' = r < 0.45 ? 'continue' : r < 0.9 ? 'rerun' : 'stop';
    if (choice === 'rerun') {
      ledger.reruns.set(key, (ledger.reruns.get(key) ?? 0) + 1);
      ledger.settledAt.delete(key);
    } else {
      ledger.settledAt.set(key, calls.get(key) ?? 0);
      if (choice === 'stop') ledger.stopped.add(job);
    }
    return { job, path, choice, output: choice === 'continue' && rand() < 0.5 ? { status: 200, headers: {}, body: { checked: true } } : undefined };
  });
  return { kind: 'answers', answers };
}

/** Every job ended; a finished step's output is the server's last answer for it (no call after it finished). */
function checkJobs(jobs: Array<Job | undefined>, ledger: Ledger, world: ReturnType<typeof countingServer>): void {
  let lost = 0;
  let rerunAfterFinish = 0;
  for (const [i, job] of jobs.entries()) {
    const id = jobIds(JOBS)[i];
    if (!job || (job.status !== 'succeeded' && job.status !== 'cancelled')) {
      lost++;
      continue;
    }
    if (job.status === 'cancelled') expect(ledger.stopped.has(id), `${id} was cancelled without a "stop"`).toBe(true);
    else expect(job.steps.filter((s) => s.status === 'succeeded').map((s) => s.path)).toEqual(STEP_IDS);
    for (const record of job.steps) {
      if (record.status !== 'succeeded') continue;
      const key = `${id}/${record.path}`;
      const served = (record.output as { body?: { serial?: number } } | null)?.body?.serial;
      if (served !== undefined && served !== world.lastSerial.get(key)) rerunAfterFinish++;
      if (served === undefined) expect(record.answer?.choice, `${key} succeeded with no call and no "continue"`).toBe('continue');
    }
  }
  expect(lost, 'jobs lost').toBe(0);
  expect(rerunAfterFinish, 'finished steps run again').toBe(0);
}

/** No POST repeated without a "re-run", none made after a "continue" or "stop", and no mark on a harmless repeat. */
function checkCalls(ledger: Ledger, world: ReturnType<typeof countingServer>): void {
  let repeated = 0;
  for (const [key, count] of world.calls) {
    const method = METHODS[STEP_IDS.indexOf(key.split('/')[1])];
    if (!repeatable(method) && count > 1 + (ledger.reruns.get(key) ?? 0)) repeated++;
  }
  expect(repeated, 'POST calls repeated without a "re-run" answer').toBe(0);
  for (const [key, at] of ledger.settledAt) expect(world.calls.get(key) ?? 0, `${key} called after "continue"/"stop"`).toBe(at);
  for (const { key } of ledger.marks) expect(repeatable(METHODS[STEP_IDS.indexOf(key.split('/')[1])]), `${key} marked uncertain`).toBe(false);
  // A mark is a call cut off by a kill: at most the jobs in flight at each kill (one call each).
  expect(new Set(ledger.marks.map((m) => m.key)).size).toBeLessThanOrEqual(KILLS * CONCURRENCY);
}
