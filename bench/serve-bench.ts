/**
 * `sous serve` under webhooks (issue 11): a real `sous serve` child process on 127.0.0.1 with its SQLite
 * journal on (a temp `--data`, the real SQLite database), fed by a keep-alive client. Figures: how long from
 * the POST to the 202 (the event fsync'd to disk), to the job existing, and to the job having finished, first
 * one webhook at a time, then under a sustained run (2,000 webhooks, 16 in flight), and the sustained rates.
 * The job times come from the jobs' own `started_at` / `finished_at` (one machine, one clock), so measuring
 * adds no polling load. Bounded: 10 to 25 s on a 2-core machine; sending stops at 25 s and waiting for the
 * jobs at 20 s more, so it never runs much past a minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { Figure } from './engine-bench';
import { startServe, wallNow, writeBenchRecipes } from './serve-kit';

const TOKEN = 'serve-bench-token-0123456789abcdef';
/** Webhook recipes the load is spread over: each runs one job at a time (the default), as a real install. */
const RECIPES = 8;

interface Sent {
  id: string;
  /** Wall-clock ms (sub-ms) when the POST was sent and when its 202 came back. */
  sentAt: number;
  answeredAt: number;
}

interface JobTimes {
  id: string;
  status: string;
  started_at: string;
  finished_at?: string;
}


export async function serveFigures(sustained = 2000, inFlight = 16, oneByOne = 200): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sous-serve-bench-'));
  const recipes = join(dir, 'recipes');
  writeBenchRecipes(recipes, RECIPES);
  const server = await startServe(recipes, TOKEN, ['--data', join(dir, 'data')], RECIPES);
  const agent = new Agent({ connections: inFlight, keepAliveTimeout: 30_000, pipelining: 1 });
  try {
    const single = await post(server.base, agent, oneByOne, 1);
    const singleJobs = await settled(server.base, agent, single.sent.length);
    const load = await post(server.base, agent, sustained, inFlight);
    const allJobs = await settled(server.base, agent, single.sent.length + load.sent.length);
    const byId = new Map(allJobs.map((j) => [j.id, j]));
    return [
      ...latencyFigures('one at a time', single.sent, byId, `${oneByOne} webhooks, each sent once the last was answered`),
      ...latencyFigures(`${inFlight} in flight`, load.sent, byId, `${load.sent.length.toLocaleString('en')} webhooks over ${inFlight} keep-alive connections`),
      ...rateFigures(load, byId, inFlight, singleJobs.length)
    ];
  } finally {
    await agent.close().catch(() => undefined);
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Sends `count` webhooks with `inFlight` senders, round-robin over the recipes; a 429 is counted, not retried.
 * Sending stops after `boundS` seconds whatever is left, so a slow machine still ends in time.
 */
async function post(base: string, agent: Agent, count: number, inFlight: number, boundS = 25) {
  const sent: Sent[] = [];
  let next = 0;
  let refused = 0;
  const started = wallNow();
  const bound = started + boundS * 1000;
  const sender = async () => {
    for (let i = next++; i < count && wallNow() < bound; i = next++) {
      const body = JSON.stringify({ order: `o-${i}`, amount: (i * 37) % 1000 });
      const sentAt = wallNow();
      const res = await request(`${base}/hooks/bench-${i % RECIPES}`, {
        method: 'POST',
        dispatcher: agent,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body
      });
      const answer = (await res.body.json()) as { event_id?: string };
      if (res.statusCode === 202 && answer.event_id) sent.push({ id: answer.event_id, sentAt, answeredAt: wallNow() });
      else if (res.statusCode === 429) refused++;
      else throw new Error(`webhook answered ${res.statusCode}: ${JSON.stringify(answer)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return { sent, refused, seconds: (wallNow() - started) / 1000, started, cut: sent.length + refused < count };
}

/** Waits (at most 20 s) until `count` jobs exist and none is queued or running; returns them all. */
async function settled(base: string, agent: Agent, count: number): Promise<JobTimes[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await request(`${base}/health`, { dispatcher: agent });
    const health = (await res.body.json()) as { queue_depth: number; workers: { running: number } };
    if ((health.queue_depth === 0 && health.workers.running === 0) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const res = await request(`${base}/jobs?limit=10000`, { dispatcher: agent, headers: { authorization: `Bearer ${TOKEN}` } });
  const { jobs } = (await res.body.json()) as { jobs: JobTimes[] };
  const done = jobs.filter((j) => j.finished_at);
  if (done.length < count) throw new Error(`only ${done.length} of ${count} jobs finished within 20 s`);
  return jobs;
}

function latencyFigures(how: string, sent: Sent[], jobs: Map<string, JobTimes>, detail: string): Figure[] {
  const queued = sent.map((s) => s.answeredAt - s.sentAt);
  const exists = sent.map((s) => Date.parse(jobs.get(s.id)!.started_at) - s.sentAt);
  const finished = sent.map((s) => Date.parse(jobs.get(s.id)!.finished_at!) - s.sentAt);
  const failed = sent.filter((s) => jobs.get(s.id)!.status !== 'succeeded').length;
  const figure = (what: string, values: number[]): Figure => {
    const [p50, p95, max] = percentiles(values);
    return { name: `webhook → ${what}, ${how}, p50`, value: p50, unit: 'ms', detail: `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)}; ${detail}` };
  };
  const end = figure('job finished', finished);
  if (failed > 0) end.detail += `; ${failed} jobs did not succeed`;
  return [figure('202 (event on disk)', queued), figure('job exists', exists), end];
}

function rateFigures(load: Awaited<ReturnType<typeof post>>, jobs: Map<string, JobTimes>, inFlight: number, before: number): Figure[] {
  const lastEnd = Math.max(...load.sent.map((s) => Date.parse(jobs.get(s.id)!.finished_at!)));
  const jobSeconds = (lastEnd - load.started) / 1000;
  const refused = (load.refused > 0 ? `, ${load.refused} answered 429` : ', none refused') + (load.cut ? ' (stopped at the time bound)' : '');
  return [
    {
      name: `sustained webhooks, ${inFlight} in flight`,
      value: load.sent.length / load.seconds,
      unit: 'hooks/s',
      detail: `${load.sent.length.toLocaleString('en')} answered 202 in ${load.seconds.toFixed(2)} s${refused}; journal on (SQLite WAL: each event fsync'd before its 202, job writes synchronous NORMAL)`
    },
    {
      name: 'sustained jobs finished (3-step webhook recipes)',
      value: load.sent.length / jobSeconds,
      unit: 'jobs/s',
      detail: `all ${load.sent.length.toLocaleString('en')} finished ${jobSeconds.toFixed(2)} s after the first POST; ${RECIPES} recipes, 1 job each at a time; ${before} jobs already in the journal`
    }
  ];
}

function percentiles(values: number[]): [number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return [at(0.5), at(0.95), sorted[sorted.length - 1]];
}

function ms(n: number): string {
  return `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;
}
