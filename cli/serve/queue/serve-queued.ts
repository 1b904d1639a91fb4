/**
 * `sous serve --queue redis://…`: the same recipes, HTTP routes and engine as the in-process serve, with
 * BullMQ on Redis for the queue and Redis for the journal, so any number of processes (on any machines
 * that reach the Redis) share the work. `--data` then holds only the token.
 */
import { join } from 'node:path';
import { createRunner, systemClock } from '../../../src/lib/engine';
import type { ServeArgs } from '../../args';
import { EXIT, type ExitCode, type Io } from '../../io';
import { cliUser } from '../../run-command';
import { refuse, type Planned } from '../../serve-command';
import { serveConnectors } from '../connectors';
import { PausingJournal } from '../pausing-journal';
import { normalPath } from '../recipes';
import { createServeServer } from '../server';
import { createBullServe } from './bull-serve';
import { describeRedis } from './queue-args';
import { connected, redisConnection } from './redis-connection';
import { RedisJournal, type JobOwner } from './redis-journal';

export interface QueuedSetup extends Planned {
  hooks: Map<string, string>;
  token: string;
  install: { token: string; made: boolean } | undefined;
  timeZone: string;
  data: string;
}

export async function serveQueued(args: ServeArgs, io: Io, setup: QueuedSetup): Promise<ExitCode> {
  const queueArgs = args.queue!;
  const { token, started, refused, byId, source, policy } = setup;
  const log = (line: string) => io.err(`sous serve: ${line.split(token).join('[token removed]')}`);
  const producer = redisConnection(queueArgs.url, 'webhooks', log);
  const workers = redisConnection(queueArgs.url, 'workers', log);
  const journalRedis = redisConnection(queueArgs.url, 'workers', () => undefined);
  const close = () => [producer, workers, journalRedis].forEach((r) => r.disconnect());
  try {
    await Promise.all([producer, workers, journalRedis].map((r) => connected(r, queueArgs.url)));
  } catch (err) {
    close();
    return refuse(io, `--queue: ${err instanceof Error ? err.message : String(err)}`);
  }
  const owners = new Map<string, JobOwner>();
  const journal = new RedisJournal(journalRedis, 'sous', (id) => owners.get(id));
  // The engine writes through it, so that SIGTERM can stop each job between two steps.
  const pausing = new PausingJournal(journal);
  const { connectors, agent } = serveConnectors(policy);
  const runner = createRunner({ journal: pausing, connectors, clock: systemClock, recipes: source, user: cliUser() });
  const bull = createBullServe({ queue: queueArgs, producer, workers, runner, journal: pausing, owners, recipes: byId, timeZone: setup.timeZone, log });

  const server = createServeServer({
    token,
    hooks: setup.hooks,
    accept: (event) => bull.accept(event),
    listJobs: (query) => journal.listJobs(query),
    loadJob: (id) => journal.loadJob(id),
    answer: (id, path, reply) => bull.answer(id, path, reply),
    health: () => bull.health()
  });
  try {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(args.port, '127.0.0.1', () => ready());
    });
  } catch (err) {
    close();
    const code = (err as { code?: string }).code;
    return refuse(io, `cannot listen on 127.0.0.1:${args.port}: ${code === 'EADDRINUSE' ? 'the port is in use' : String(err)}`);
  }
  let schedules: Map<string, string>;
  try {
    schedules = await bull.start();
  } catch (err) {
    server.close();
    close();
    return refuse(io, `--queue ${describeRedis(queueArgs.url)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const port = (server.address() as { port: number }).port;
  io.out(`sous serve: listening on http://127.0.0.1:${port} (queue ${describeRedis(queueArgs.url)}, ${queueArgs.workers} worker(s) here, schedules in ${setup.timeZone})`);
  if (setup.install?.made) io.out(`token (made for this install, kept in ${join(setup.data, 'token')}; shown only now): ${setup.install.token}`);
  for (const { file, recipe } of started) {
    const what = recipe.trigger.kind === 'webhook' ? `webhook POST /hooks/${normalPath(recipe.trigger.path)}` : schedules.get(recipe.id);
    io.out(`started ${recipe.id} (${file}): ${what}`);
  }
  for (const { file, why } of refused) io.out(`refused ${file}: ${why}`);
  if (started.length === 0) io.out('no recipe started: the folder has no valid schedule or webhook recipe');

  await new Promise<void>((stop) => {
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  log('stopping: no new work; waiting for the running steps to end, then handing the rest back to the queue');
  server.close();
  server.closeIdleConnections();
  const stopped = await bull.stop();
  close();
  await agent.close().catch(() => undefined);
  log(`stopped (${stopped.ended} running job(s) ended, ${stopped.handedBack} handed back to the queue between steps)`);
  return EXIT.ok;
}
