/**
 * `sous serve --queue` (issue 16): webhooks/s and jobs finished/s for 1 and 3 real `sous serve` processes on
 * one real redis-server (127.0.0.1, no persistence), with the in-process serve (SQLite under --data) beside
 * them on the same load: 8 three-step webhook recipes, 8 jobs at once per process (`--workers 8`, or the 8
 * recipes one job each), webhooks spread over the processes by a keep-alive client, 16 in flight. The job
 * times come from the jobs' own `started_at` / `finished_at` (one machine, one clock). Bounded: sending stops
 * at 6 s and waiting for the jobs at 20 s more; a run is about 20 s on a 2-core machine (start-ups included).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { startRedis } from '../cli/serve/queue/redis-server-kit';
import type { Figure } from './engine-bench';
import { startServe, wallNow, writeBenchRecipes } from './serve-kit';

const TOKEN = 'queue-bench-token-0123456789abcdef';
const RECIPES = 8;
const WORKERS = 8;
const IN_FLIGHT = 16;
const WARM_UP = 48;
/** What a 202 means in each run: not the same durability, so say it beside the figure. */
const DURABLE = {
  sqlite: "each event fsync'd to SQLite before its 202",
  redis: 'each job in Redis before its 202 (this redis-server keeps nothing on disk: no RDB, no AOF)'
};

interface Serve {
  child: ChildProcess;
  base: string;
}

interface JobTimes {
  id: string;
  status: string;
  started_at: string;
  finished_at?: string;
}


export async function queueFigures(webhooks = 600): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sous-queue-bench-'));
  const recipes = join(dir, 'recipes');
  writeBenchRecipes(recipes, RECIPES);
  const redis = await startRedis();
  const figures: Figure[] = [];
  try {
    const runs: Array<[string, string[][]]> = [
      ['in-process (SQLite), 1 process', [['--data', join(dir, 'local')]]],
      ['--queue, 1 process', [queueArgs(dir, redis.url.replace(/\/0$/, '/1'), 0)]],
      ['--queue, 3 processes', [0, 1, 2].map((i) => queueArgs(dir, redis.url.replace(/\/0$/, '/2'), i))]
    ];
    for (const [how, argSets] of runs) figures.push(...(await measure(how, recipes, argSets, webhooks)));
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

function queueArgs(dir: string, url: string, i: number): string[] {
  return ['--data', join(dir, `q${i}`), '--queue', url, '--workers', String(WORKERS)];
}

async function measure(how: string, recipes: string, argSets: string[][], webhooks: number): Promise<Figure[]> {
  // In-process, one job per recipe at a time, as the serve bench runs it.
  const servers = await Promise.all(argSets.map((args) => startServe(recipes, TOKEN, [...args, ...(args.includes('--queue') ? [] : ['--concurrency', '1'])], RECIPES)));
  const agent = new Agent({ connections: IN_FLIGHT, keepAliveTimeout: 30_000 });
  try {
    // A warm-up (not measured): each process's first jobs compile the engine's code paths.
    const warm = await post(servers, agent, WARM_UP);
    await settled(servers[0].base, agent, warm.ids.length);
    const load = await post(servers, agent, webhooks);
    const ids = new Set(load.ids);
    const jobs = (await settled(servers[0].base, agent, warm.ids.length + load.ids.length)).filter((j) => ids.has(j.id));
    const lastEnd = Math.max(...jobs.map((j) => Date.parse(j.finished_at!)));
    const jobSeconds = (lastEnd - load.started) / 1000;
    const failed = jobs.filter((j) => j.status !== 'succeeded').length;
    const cut = load.cut ? ' (stopped at the time bound)' : '';
    return [
      {
        name: `webhooks, ${how}`,
        value: load.ids.length / load.seconds,
        unit: 'hooks/s',
        detail: `${load.ids.length} answered 202 in ${load.seconds.toFixed(2)} s, ${IN_FLIGHT} in flight${cut}; ${DURABLE[how.startsWith('in-process') ? 'sqlite' : 'redis']}`
      },
      {
        name: `jobs finished, ${how}`,
        value: load.ids.length / jobSeconds,
        unit: 'jobs/s',
        detail: `all ${load.ids.length} ended ${jobSeconds.toFixed(2)} s after the first POST${failed ? `, ${failed} did not succeed` : ''}; ${WORKERS} at once per process`
      }
    ];
  } finally {
    await agent.close().catch(() => undefined);
    for (const s of servers) s.child.kill('SIGKILL');
  }
}

/** Sends `count` webhooks round-robin over the processes and recipes; stops at `boundS` seconds. */
async function post(servers: Serve[], agent: Agent, count: number, boundS = 6) {
  const ids: string[] = [];
  let next = 0;
  const started = wallNow();
  const bound = started + boundS * 1000;
  const sender = async () => {
    for (let i = next++; i < count && wallNow() < bound; i = next++) {
      const res = await request(`${servers[i % servers.length].base}/hooks/bench-${i % RECIPES}`, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ order: `o-${i}`, amount: (i * 37) % 1000 })
      });
      const answer = (await res.body.json()) as { event_id?: string };
      if (res.statusCode !== 202 || !answer.event_id) throw new Error(`webhook answered ${res.statusCode}: ${JSON.stringify(answer)}`);
      ids.push(answer.event_id);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  return { ids, seconds: (wallNow() - started) / 1000, started, cut: ids.length < count };
}

/**
 * Waits (at most 20 s) until `count` jobs have ended (every process's jobs, as GET /jobs lists them). It asks
 * the light GET /health until nothing waits or runs, and only then lists the jobs, so that measuring adds
 * little load to the run it measures.
 */
async function settled(base: string, agent: Agent, count: number): Promise<JobTimes[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await request(`${base}/health`, { dispatcher: agent });
    const health = (await res.body.json()) as { queue_depth: number; workers: { running: number; active_everywhere?: number } };
    const idle = health.queue_depth === 0 && (health.workers.active_everywhere ?? health.workers.running) === 0;
    if (idle || Date.now() > deadline) {
      const listed = await request(`${base}/jobs?limit=10000`, { dispatcher: agent, headers: { authorization: `Bearer ${TOKEN}` } });
      const done = ((await listed.body.json()) as { jobs: JobTimes[] }).jobs.filter((j) => j.finished_at);
      if (done.length >= count) return done;
      if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} jobs finished within 20 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
