/**
 * `sous serve`: the schedule and webhook recipes of a folder, running by themselves with no browser open, on
 * the same engine and connectors as `sous run`. Jobs and accepted events live in SQLite under `--data`, so a
 * kill loses nothing: on start, events accepted but not started are started, jobs started but not ended
 * resume from their last finished step, and schedules catch up once. SIGTERM (or Ctrl-C) stops taking work
 * and exits once the running jobs have ended.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { createAddressPolicy } from '../proxy/address-policy';
import { createGuardedAgent } from '../proxy/guarded-agent';
import { DEFAULT_LIMITS } from '../proxy/limits';
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { MemoryChat } from '../src/lib/connectors/chat';
import { memorySandboxStores, noEvents } from '../src/lib/connectors/sandbox';
import { createRunner, systemClock } from '../src/lib/engine';
import type { Job, Recipe } from '../src/lib/recipe';
import { checkSchedule } from '../src/lib/triggers/schedule';
import { createTriggerQueue, type QueueStore, type StartedJob, type StartRequest } from '../src/lib/triggers/queue';
import type { ServeArgs } from './args';
import { EXIT, type ExitCode, type Io } from './io';
import { openRecipeDir } from './recipe-dir';
import { cliUser } from './run-command';
import { loadServeRecipes, normalPath, type Refused } from './serve/recipes';
import { startSchedules, type ScheduleMarks } from './serve/schedules';
import { createServeServer } from './serve/server';
import { openDatabase, SqliteJournal } from './serve/sqlite-journal';
import { SqliteQueueStore } from './serve/sqlite-queue-store';
import { installToken } from './serve/token';
import { PausingJournal } from './serve/pausing-journal';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

export async function serveCommand(args: ServeArgs, io: Io): Promise<ExitCode> {
  const loaded = await loadServeRecipes(args.recipes);
  if (!loaded.ok) return refuse(io, loaded.message);
  const dir = await openRecipeDir(args.recipes);
  if (!dir.ok) return refuse(io, dir.message);
  let policy;
  try {
    policy = createAddressPolicy({ allow: args.allow });
  } catch (err) {
    return refuse(io, `--allow: ${err instanceof Error ? err.message : String(err)}`);
  }
  const timeZone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

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
    return refuse(io, `--concurrency ${unknown[0]}=…: no recipe "${unknown[0]}" is started here (started: ${names})`);
  }
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
  // One file, two connections: an accepted event is fsync'd before its 202 (it survives a power loss too);
  // the acks and the journal's many step writes are not, which a kill (SIGKILL) still never loses, and a
  // power loss at worst rolls back to "accepted", which recover() and the event-id job ids make good.
  const db = openDatabase(join(data, 'sous.db'));
  const journalDb = openDatabase(join(data, 'sous.db'), 'NORMAL');
  const journal = new SqliteJournal(journalDb);
  // The engine writes through it, so that SIGTERM can stop each job between two steps.
  const pausing = new PausingJournal(journal);
  const store = durablePuts(new SqliteQueueStore(db), new SqliteQueueStore(journalDb));

  // `http` steps go out through the proxy's address policy: private and loopback refused unless --allow'ed.
  const agent: Agent = createGuardedAgent({ policy, connectTimeoutMs: DEFAULT_LIMITS.connectTimeoutMs });
  const guardedFetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await undiciFetch(input as never, { ...(init as object), dispatcher: agent } as never);
    } catch (err) {
      throw refusedAddress(err) ?? err;
    }
  }) as unknown as typeof fetch;
  const connectors = builtinConnectors({
    chat: new MemoryChat(),
    http: { fetch: guardedFetch },
    sandbox: { stores: memorySandboxStores(), events: noEvents }
  });
  const runner = createRunner({ journal: pausing, connectors, clock: systemClock, recipes: dir.source, user: cliUser() });

  // A log line may quote an error or a job's message: never the token, wherever it came from.
  const log = (line: string) => io.err(`sous serve: ${line.split(token).join('[token removed]')}`);
  /** The jobs being started or running in this process, so SIGTERM knows when each is done or paused. */
  const alive = new Set<string>();
  let endedWhileStopping = 0;
  let stopping = false;
  const gone = (id: string) => {
    if (alive.delete(id) && stopping) endedWhileStopping++;
    pausing.changed();
  };
  /** Counts the job (its id is the event's) as alive from the moment its start begins. */
  const starting = async <T extends StartedJob | undefined>(id: string, start: () => Promise<T>): Promise<T> => {
    alive.add(id);
    try {
      const started = await start();
      if (!started) gone(id);
      return started;
    } catch (err) {
      gone(id);
      throw err;
    }
  };
  const follow = (id: string, job: Promise<Job>, startedAt: number): Promise<Job> => {
    alive.add(id);
    return job.then(
      (ended) => {
        gone(id);
        const why = ended.error ? `: ${ended.error.message}` : '';
        log(`job ${ended.id} ${ended.status} (recipe ${ended.recipe_id}, ${Date.now() - startedAt} ms)${why}`);
        return ended;
      },
      (err: unknown) => {
        gone(id);
        log(`job failed to run: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    );
  };

  function resumeRun(job: Job, why: string): StartedJob {
    if (FINAL.has(job.status)) {
      gone(job.id);
      return { jobId: job.id, done: Promise.resolve(job) };
    }
    const recipe = byId.get(job.recipe_id);
    if (!recipe) throw new Error(`recipe ${job.recipe_id} is not started here`);
    log(`job ${job.id} ${why} (recipe ${job.recipe_id})`);
    return { jobId: job.id, done: follow(job.id, runner.resume(job.id, recipe), Date.now()) };
  }

  /** Schedule ticks accepted while their recipe was busy: their job says it waited (`waited_ms`). */
  const waitedBehind = new Set<string>();
  const queue = createTriggerQueue({
    store,
    clock: systemClock,
    concurrency: args.concurrency.concurrency,
    perRecipe: args.concurrency.perRecipe,
    // Each recipe is bounded anyway; the sum is what GET /health reports as the workers' limit.
    maxRunning: Math.max(1, [...byId.keys()].reduce((sum, id) => sum + limitOf(id), 0)),
    onProblem: (p) => log(p.message),
    // The job's id is the event's id: nothing runs twice, and GET /jobs/EVENT_ID finds the job of a webhook.
    startJob: (request) => starting(request.event_id, async () => {
      const recipe = byId.get(request.event.recipe_id);
      if (!recipe) throw new Error(`recipe ${request.event.recipe_id} is not started here`);
      const existing = await journal.loadJob(request.event_id);
      if (existing) return resumeRun(existing, 'resumed');
      const waited = waitedBehind.delete(request.event_id) || request.recovered || request.skipped > 0;
      const payload = request.event.kind === 'schedule' && waited ? waitedTick(request.event.payload, request) : request.event.payload;
      const job = await runner.create(recipe, payload, { jobId: request.event_id });
      const waitedText = request.waited_ms > 0 ? `, waited ${request.waited_ms} ms` : '';
      log(`job ${job.id} started (recipe ${recipe.id}, ${request.event.kind}${waitedText})`);
      return { jobId: job.id, done: follow(job.id, runner.resume(job.id, recipe), Date.now()) };
    }),
    resumeJob: (entry) => starting(entry.job_id ?? entry.event.event_id, async () => {
      const job = entry.job_id ? await journal.loadJob(entry.job_id) : undefined;
      return job ? resumeRun(job, 'resumed after a restart') : undefined;
    })
  });

  const server = createServeServer({
    token,
    hooks,
    accept: (event) => queue.accept(event),
    listJobs: (query) => journal.listJobs(query),
    loadJob: (id) => journal.loadJob(id),
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
    accept: (event) => {
      if (queue.running(event.recipe_id) >= limitOf(event.recipe_id)) waitedBehind.add(event.event_id);
      return queue.accept(event).then((result) => {
        if (result.status !== 'accepted') waitedBehind.delete(event.event_id);
        return result;
      });
    },
    onProblem: log
  });
  const recovered = await queue.recover();

  io.out(`sous serve: listening on http://127.0.0.1:${port} (data in ${data}, schedules in ${timeZone})`);
  // Printed once, when made; a given --token is never printed.
  if (install?.made) io.out(`token (made for this install, kept in ${join(data, 'token')}; shown only now): ${install.token}`);
  for (const { file, recipe } of started) {
    const t = recipe.trigger;
    const what = t.kind === 'webhook' ? `webhook POST /hooks/${normalPath(t.path)}` : `schedule ${t.kind === 'schedule' && t.every ? `every ${t.every}` : `cron "${t.kind === 'schedule' ? t.cron : ''}"`}, next ${schedules.next(recipe.id)?.toISOString()}`;
    const atOnce = limitOf(recipe.id) === 1 ? '' : `; ${limitOf(recipe.id)} jobs at once`;
    io.out(`started ${recipe.id} (${file}): ${what}${atOnce}`);
  }
  for (const { file, why } of refused) io.out(`refused ${file}: ${why}`);
  if (started.length === 0) io.out('no recipe started: the folder has no valid schedule or webhook recipe');
  if (recovered.requeued + recovered.resumed > 0) {
    log(`after a restart: ${recovered.requeued} queued event(s) to start, ${recovered.resumed} job(s) to resume`);
  }

  await new Promise<void>((stop) => {
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  stopping = true;
  log('stopping: no new work; waiting for the running steps to end');
  schedules.stop();
  server.close();
  server.closeIdleConnections();
  // Every job either ends or stops between two steps (it resumes there on the next start).
  const drain = queue.drain();
  await Promise.race([drain, pausing.pause(() => alive)]);
  const left = queue.depth();
  db.close();
  journalDb.close();
  await agent.close().catch(() => undefined);
  const held = pausing.heldJobs();
  const between = held > 0 ? `, ${held} stopped between steps (they resume there on the next start)` : '';
  log(`stopped (${endedWhileStopping} running job(s) ended${between}, ${left} event(s) left queued for the next start)`);
  return EXIT.ok;
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

/**
 * A schedule tick that waited behind a running job of its recipe says so: `waited_ms` from its due time's
 * acceptance to its start, and `missed` grown by the ticks folded into it while it waited (one waits at most).
 */
function waitedTick(payload: unknown, request: StartRequest): unknown {
  const tick = (payload ?? {}) as { missed?: unknown };
  const missed = (typeof tick.missed === 'number' ? tick.missed : 0) + request.skipped;
  return { ...tick, missed, waited_ms: request.waited_ms };
}

/** The address policy's refusal inside a failed fetch, said for sous serve (the step's error shows it). */
function refusedAddress(err: unknown): Error | undefined {
  for (let e = err as { cause?: unknown; code?: unknown; message?: unknown } | undefined, n = 0; e && n < 5; e = e.cause as typeof e, n++) {
    if (e.code === 'forbidden_address' && typeof e.message === 'string') {
      return new Error(e.message.replace('the proxy does not reach it', 'sous serve does not reach it').replace('start the proxy with', 'start sous serve with'));
    }
  }
  return undefined;
}

function refuse(io: Io, message: string): ExitCode {
  io.err(`sous: ${message}`);
  return EXIT.invalid;
}
