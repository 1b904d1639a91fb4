/**
 * `sous serve`: the schedule and webhook recipes of a folder, running by themselves with no browser open, on
 * the same engine and connectors as `sous run`. Jobs and accepted events live in SQLite under `--data`, so a
 * kill loses nothing: on start, events accepted but not started are started, jobs started but not ended
 * resume from their last finished step, and schedules catch up once. SIGTERM (or Ctrl-C) stops taking work
 * and exits once the running steps have ended (each job resumes at its next step on the next start).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createAddressPolicy } from '../proxy/address-policy';
import { createRunner, systemClock } from '../src/lib/engine';
import type { Recipe } from '../src/lib/recipe';
import { checkSchedule } from '../src/lib/triggers/schedule';
import { createTriggerQueue, type QueueStore } from '../src/lib/triggers/queue';
import type { ServeArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import { openRecipeDir } from './recipe-dir';
import { cliUser } from './run-command';
import { serveConnectors } from './serve/connectors';
import { createServeJobs } from './serve/jobs';
import { PausingJournal } from './serve/pausing-journal';
import { loadServeRecipes, normalPath, type Refused, type Started } from './serve/recipes';
import { startSchedules, type ScheduleMarks, type Schedules } from './serve/schedules';
import { createServeServer } from './serve/server';
import { openDatabase, SqliteJournal } from './serve/sqlite-journal';
import { SqliteQueueStore } from './serve/sqlite-queue-store';
import { installToken } from './serve/token';
import { serveQueued } from './serve/queue/serve-queued';

export async function serveCommand(args: ServeArgs, io: Io): Promise<ExitCode> {
  const planned = await plan(args);
  if (!planned.ok) return refuse(io, planned.message);
  const { started, refused, byId, source, policy } = planned;
  const timeZone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const limitOf = (id: string) => args.concurrency.perRecipe[id] ?? args.concurrency.concurrency;
  const hooks = new Map<string, string>();
  for (const { recipe } of started) if (recipe.trigger.kind === 'webhook') hooks.set(normalPath(recipe.trigger.path), recipe.id);

  const data = resolve(args.data);
  try {
    await mkdir(data, { recursive: true, mode: 0o700 });
  } catch (err) {
    return refuse(io, `--data ${args.data}: cannot make the folder: ${err instanceof Error ? err.message : String(err)}`);
  }
  const install = args.token === undefined ? await installToken(data) : undefined;
  const token = args.token ?? install!.token;
  if (args.queue) return serveQueued(args, io, { ...planned, hooks, token, install, timeZone, data });
  // One file, two connections: an accepted event is fsync'd before its 202 (it survives a power loss too);
  // the acks and the journal's many step writes are not, which a kill (SIGKILL) still never loses, and a
  // power loss at worst rolls back to "accepted", which recover() and the event-id job ids make good.
  const db = openDatabase(join(data, 'sous.db'));
  const journalDb = openDatabase(join(data, 'sous.db'), 'NORMAL');
  const journal = new SqliteJournal(journalDb);
  // The engine writes through it, so that SIGTERM can stop each job between two steps.
  const pausing = new PausingJournal(journal);
  const store = durablePuts(new SqliteQueueStore(db), new SqliteQueueStore(journalDb));
  const { connectors, agent } = serveConnectors(policy);
  const runner = createRunner({ journal: pausing, connectors, clock: systemClock, recipes: source, user: cliUser() });

  // A log line may quote an error or a job's message: never the token, wherever it came from.
  const log = (line: string) => io.err(`sous serve: ${line.split(token).join('[token removed]')}`);
  const jobs = createServeJobs({ runner, journal: pausing, recipes: byId, log });
  const queue = createTriggerQueue({
    store,
    clock: systemClock,
    concurrency: args.concurrency.concurrency,
    perRecipe: args.concurrency.perRecipe,
    // Each recipe is bounded anyway; the sum is what GET /health reports as the workers' limit.
    maxRunning: Math.max(1, [...byId.keys()].reduce((sum, id) => sum + limitOf(id), 0)),
    onProblem: (p) => log(p.message),
    startJob: jobs.startJob,
    resumeJob: jobs.resumeJob
  });

  const server = createServeServer({
    token,
    hooks,
    accept: (event) => queue.accept(event),
    listJobs: (query) => journal.listJobs(query),
    loadJob: (id) => journal.loadJob(id),
    answer: (id, path, reply) => jobs.answer(id, path, reply),
    health: () => {
      const stats = queue.stats();
      return { queue_depth: stats.queue_depth, workers: stats.workers };
    }
  });
  try {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(args.port, '127.0.0.1', () => ready());
    });
  } catch (err) {
    db.close();
    journalDb.close();
    const code = (err as { code?: string }).code;
    return refuse(io, `cannot listen on 127.0.0.1:${args.port}: ${code === 'EADDRINUSE' ? 'the port is in use' : String(err)}`);
  }
  const port = (server.address() as { port: number }).port;

  const schedules = startSchedules({
    recipes: started.map((s) => s.recipe),
    timeZone,
    marks: store,
    accept: async (event) => {
      jobs.waitsBehind(event.event_id, queue.running(event.recipe_id) >= limitOf(event.recipe_id));
      const result = await queue.accept(event);
      if (result.status !== 'accepted') jobs.waitsBehind(event.event_id, false);
      return result;
    },
    onProblem: log
  });
  const recovered = await queue.recover();

  io.out(`sous serve: listening on http://127.0.0.1:${port} (data in ${data}, schedules in ${timeZone})`);
  // Printed once, when made; a given --token is never printed.
  if (install?.made) io.out(`token (made for this install, kept in ${join(data, 'token')}; shown only now): ${install.token}`);
  announce(io, started, refused, schedules, limitOf);
  if (recovered.requeued + recovered.resumed > 0) {
    log(`after a restart: ${recovered.requeued} queued event(s) to start, ${recovered.resumed} job(s) to resume`);
  }

  await new Promise<void>((stop) => {
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  log('stopping: no new work; waiting for the running steps to end');
  schedules.stop();
  server.close();
  server.closeIdleConnections();
  // Every job either ends or stops between two steps (it resumes there on the next start).
  await Promise.race([queue.drain(), jobs.stop()]);
  const left = queue.depth();
  db.close();
  journalDb.close();
  await agent.close().catch(() => undefined);
  const held = pausing.heldJobs();
  const between = held > 0 ? `, ${held} stopped between steps (they resume there on the next start)` : '';
  log(`stopped (${jobs.endedWhileStopping()} running job(s) ended${between}, ${left} event(s) left queued for the next start)`);
  return EXIT.ok;
}

export type Planned = Extract<Awaited<ReturnType<typeof plan>>, { ok: true }>;

/** What to start and what to refuse, or the one-line reason nothing can be served (exit 2). */
async function plan(args: ServeArgs) {
  const loaded = await loadServeRecipes(args.recipes);
  if (!loaded.ok) return loaded;
  const dir = await openRecipeDir(args.recipes);
  if (!dir.ok) return dir;
  let policy;
  try {
    policy = createAddressPolicy({ allow: args.allow });
  } catch (err) {
    return { ok: false as const, message: `--allow: ${err instanceof Error ? err.message : String(err)}` };
  }
  const refused: Refused[] = [...loaded.refused];
  const started = loaded.started.filter(({ file, recipe }) => {
    if (recipe.trigger.kind !== 'schedule') return true;
    const check = checkSchedule(recipe.trigger);
    if (!check.ok) refused.push({ file, why: `its schedule cannot run: ${check.message}` });
    return check.ok;
  });
  const byId = new Map<string, Recipe>(started.map(({ recipe }) => [recipe.id, recipe]));
  const unknown = Object.keys(args.concurrency.perRecipe).filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    const names = [...byId.keys()].join(', ') || 'none';
    return { ok: false as const, message: `--concurrency ${unknown[0]}=…: no recipe "${unknown[0]}" is started here (started: ${names})` };
  }
  return { ok: true as const, started, refused, byId, source: dir.source, policy };
}

/** Says on stdout which recipes it started (how they fire) and, for each refused file, why. */
function announce(io: Io, started: Started[], refused: Refused[], schedules: Schedules, limitOf: (id: string) => number): void {
  for (const { file, recipe } of started) {
    const t = recipe.trigger;
    const what =
      t.kind === 'webhook'
        ? `webhook POST /hooks/${normalPath(t.path)}`
        : `schedule ${t.kind === 'schedule' && t.every ? `every ${t.every}` : `cron "${t.kind === 'schedule' ? t.cron : ''}"`}, next ${schedules.next(recipe.id)?.toISOString()}`;
    const atOnce = limitOf(recipe.id) === 1 ? '' : `; ${limitOf(recipe.id)} jobs at once`;
    io.out(`started ${recipe.id} (${file}): ${what}${atOnce}`);
  }
  for (const { file, why } of refused) io.out(`refused ${file}: ${why}`);
  if (started.length === 0) io.out('no recipe started: the folder has no valid schedule or webhook recipe');
}

/** The queue store whose `put` (the accept before a 202) syncs to disk, and whose other writes need not. */
function durablePuts(synced: SqliteQueueStore, rest: SqliteQueueStore): QueueStore & ScheduleMarks {
  return {
    put: (entry) => synced.put(entry),
    get: (id) => rest.get(id),
    update: (id, patch) => rest.update(id, patch),
    list: (state) => rest.list(state),
    lastDue: (id) => rest.lastDue(id),
    markDue: (id, due) => rest.markDue(id, due)
  };
}

export function refuse(io: Io, message: string): ExitCode {
  io.err(`sous: ${message}`);
  return EXIT.invalid;
}
