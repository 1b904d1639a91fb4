// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * The page's relay wired to a real (fake-indexeddb) database, a fake engine, a fake local server and fake
 * EventSources: one tab of two serves, paths follow the started recipes, an event's job is made through
 * the engine and acked once its row exists, and a studio served by something else does nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Recipe } from '../../recipe';
import type { SousDb, JobRow } from '../../store/db';
import { saveRecipe } from '../../store/recipes';
import { markStarted, markStopped } from '../../store/recipe-states';
import { freshDb } from '../../store/test-db';
import { memoryLocks } from '../../worker/memory-locks';
import type { EngineClient } from '../../worker/client';
import type { AcceptResult, TriggerEvent } from '../queue/types';
import type { HookEvent } from './protocol';
import type { EventSourceLike } from './relay-link';
import { startWebhookRelay } from './studio-relay';

let db: SousDb;
afterEach(() => db?.delete());

const hookRecipe = (id: string, path: string): Recipe =>
  ({ format: 'sous.recipe/v1', id, name: id, trigger: { kind: 'webhook', path }, steps: [{ id: 'note', kind: 'set', values: { x: '1' } }] }) as unknown as Recipe;
const hookEvent = (n: number, path: string): HookEvent => ({
  event_id: `wh_0000000000000000-${n}`,
  path,
  received_at: '2030-01-01T00:00:00.000Z',
  request: { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body: { n } }
});

async function until(check: () => boolean | Promise<boolean>, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  listener?: (ev: MessageEvent) => void;
  closed = false;
  addEventListener(_type: string, listener: (ev: MessageEvent) => void) {
    this.listener = listener;
  }
  close() {
    this.closed = true;
  }
  send(event: HookEvent) {
    this.listener?.({ data: JSON.stringify(event) } as MessageEvent);
  }
}

/** One fake local server shared by the tabs. `served: false`: the studio came from vite dev. */
function fakeServer(served = true) {
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const sources: FakeSource[] = [];
  const doFetch = (async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    calls.push({ method: init?.method ?? 'GET', path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (!served) return new Response('<!doctype html>', { status: 404, headers: { 'content-type': 'text/html' } });
    if (path === '/hooks-relay/info') return Response.json({ token: 'tok_0123456789abcdef0123', base_url: 'http://127.0.0.1:5177/hooks/' });
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  return {
    calls,
    sources,
    doFetch,
    open: () => {
      const s = new FakeSource();
      sources.push(s);
      return s;
    },
    published: () => calls.filter((c) => c.method === 'PUT').map((c) => (c.body as { paths: string[] }).paths),
    acks: () => calls.filter((c) => c.path === '/hooks-relay/ack').map((c) => c.body)
  };
}

/** The engine: answers `accepted` and (when `makeJobs`) writes the job row, as the worker would. */
function fakeEngine(makeJobs = true) {
  const accepted: TriggerEvent[] = [];
  const engine = {
    acceptTrigger: async (event: TriggerEvent): Promise<AcceptResult> => {
      accepted.push(event);
      if (makeJobs) await db.jobs.put({ id: event.event_id, recipe_id: event.recipe_id, status: 'queued' } as unknown as JobRow);
      return { status: 'accepted', event_id: event.event_id };
    },
    recoverTriggers: async () => {}
  } as unknown as EngineClient;
  return { engine, accepted };
}

function tab(server: ReturnType<typeof fakeServer>, engine: EngineClient, locks = memoryLocks(), problems: string[] = []) {
  return startWebhookRelay({ db, engine, report: (p) => problems.push(p) }, { base: 'http://127.0.0.1:5177', fetch: server.doFetch, open: server.open, locks, retryMs: 50, infoBackoff: [10] });
}

describe('the studio side of the webhook relay', () => {
  it('one tab of two serves: it publishes the started paths, runs each event once and acks it once its job exists', async () => {
    db = freshDb();
    await saveRecipe(db, hookRecipe('take-order', '/orders/new'));
    await markStarted(db, 'take-order', 1);
    const server = fakeServer();
    const { engine, accepted } = fakeEngine();
    const locks = memoryLocks();
    const stopA = tab(server, engine, locks);
    const stopB = tab(server, engine, locks);
    await until(() => server.sources.length === 1 && server.published().length > 0);
    expect(server.published()).toEqual([['orders/new']]);

    server.sources[0].send(hookEvent(1, 'orders/new'));
    server.sources[0].send(hookEvent(1, 'orders/new'));
    await until(() => server.acks().length === 1);
    expect(accepted).toEqual([{ event_id: 'wh_0000000000000000-1', recipe_id: 'take-order', kind: 'webhook', payload: hookEvent(1, 'x').request }]);
    expect(server.acks()).toEqual([{ event_id: 'wh_0000000000000000-1', job_id: 'wh_0000000000000000-1' }]);

    // The serving tab closes: the other takes over, publishes and listens.
    stopA();
    expect(server.sources[0].closed).toBe(true);
    await until(() => server.sources.length === 2 && server.published().length === 2);
    stopB();
  });

  it('publishes again when recipes start or stop, and leaves an event for a path with no started recipe unacked until one starts', async () => {
    db = freshDb();
    await saveRecipe(db, hookRecipe('a', 'a'));
    await saveRecipe(db, hookRecipe('b', 'b'));
    await markStarted(db, 'a', 1);
    const server = fakeServer();
    const { engine, accepted } = fakeEngine();
    const problems: string[] = [];
    const stop = tab(server, engine, memoryLocks(), problems);
    await until(() => server.published().length === 1 && server.sources.length === 1);

    server.sources[0].send(hookEvent(2, 'b'));
    await until(() => problems.length === 1);
    expect(problems[0]).toMatch(/\/hooks\/b is waiting: no started recipe/);
    await new Promise((resolve) => setTimeout(resolve, 120)); // a couple of retries: still nothing
    expect([accepted.length, server.acks().length]).toEqual([0, 0]);

    await markStarted(db, 'b', 1);
    await until(() => server.acks().length === 1);
    expect(accepted.map((e) => e.recipe_id)).toEqual(['b']);
    await markStopped(db, 'a');
    await until(() => server.published().length === 3);
    expect(server.published()).toEqual([['a'], ['a', 'b'], ['b']]);
    stop();
  });

  it('an accepted event whose job is not made yet is not acked', async () => {
    db = freshDb();
    await saveRecipe(db, hookRecipe('a', 'a'));
    await markStarted(db, 'a', 1);
    const server = fakeServer();
    const { engine, accepted } = fakeEngine(false);
    const stop = tab(server, engine);
    await until(() => server.sources.length === 1 && server.published().length === 1);
    server.sources[0].send(hookEvent(3, 'a'));
    await until(() => accepted.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.acks()).toEqual([]);
    await db.trigger_events.put({ event_id: 'wh_0000000000000000-3', recipe_id: 'a', seq: 1, state: 'started', event: accepted[0], accepted_at: 'now', skipped: 0, job_id: 'wh_0000000000000000-3' });
    await until(() => server.acks().length === 1);
    stop();
  });

  it('two started recipes on one path: said once, and neither runs its webhooks', async () => {
    db = freshDb();
    await saveRecipe(db, hookRecipe('one', 'same'));
    await saveRecipe(db, hookRecipe('two', '/same/'));
    await markStarted(db, 'one', 1);
    await markStarted(db, 'two', 1);
    const server = fakeServer();
    const { engine, accepted } = fakeEngine();
    const problems: string[] = [];
    const stop = tab(server, engine, memoryLocks(), problems);
    await until(() => server.sources.length === 1 && server.published().length === 1);
    server.sources[0].send(hookEvent(4, 'same'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(accepted).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/"one" and "two" both listen on the webhook path \/hooks\/same/)]);
    stop();
  });

  it('a studio not served by the local server (vite dev) does nothing and says nothing', async () => {
    db = freshDb();
    await saveRecipe(db, hookRecipe('a', 'a'));
    await markStarted(db, 'a', 1);
    const server = fakeServer(false);
    const problems: string[] = [];
    const stop = tab(server, fakeEngine().engine, memoryLocks(), problems);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.calls.map((c) => c.path)).toEqual(['/hooks-relay/info']);
    expect([server.sources.length, problems.length]).toEqual([0, 0]);
    stop();
  });
});
