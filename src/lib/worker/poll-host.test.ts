// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * Polled API events in the worker's host, against a real server on 127.0.0.1 serving an imported
 * OpenAPI document's list: only started recipes poll, the first poll fires no backlog, each new item
 * whose filter holds runs once on the active version, with the connection's secrets, and a failing API
 * or a missing connection is a plain-word problem that loses nothing and shows no secret.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHOP_API } from '../connectors/openapi/poll-fixture';
import { bindConnection, createConnection, createVault, DexieConnectionSecrets, readJob, SousDb } from '../store';
import type { Job } from '../recipe';
import type { Vault } from '../connections/vault';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';
import { createPollHost } from './poll-host';
import { createTriggersHost } from './triggers-host';
import { pollJobId } from '../triggers/poll';

const TOKEN = 'T-very-secret-token';
let base = '';
let close = () => {};
let orders: { id: string; total: number; note?: string }[] = [];
let failing = false;
beforeAll(async () => {
  const server = createServer((req, res) => {
    const auth = req.headers.authorization;
    if (failing) return res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'down', you_sent: auth }));
    if (auth !== `Bearer ${TOKEN}`) return res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"who are you"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.url === '/api/orders' ? orders : []));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  close = () => server.close();
});
afterAll(() => close());

const recipe = (name = 'Thank big orders') =>
  JSON.stringify({
    format: 'sous.recipe/v1',
    id: 'big-orders',
    name,
    trigger: { kind: 'event', connector: 'openapi.shop', event: 'list_orders.new', connection: 'shop', filter: 'trigger.total > 10' },
    connections: { shop: { connector: 'openapi.shop' } },
    steps: [{ id: 'note', kind: 'set', values: { order: '{{ trigger.id }}' } }]
  });

let db: SousDb;
let vault: Vault;
beforeEach(async () => {
  db = new SousDb(`t-${crypto.randomUUID()}`);
  vault = await createVault(db, 'a long passphrase for tests');
  orders = [{ id: 'o1', total: 40 }];
  failing = false;
});
afterEach(() => db.delete());

/** A tab's worker; `queued`: new items go through the trigger queue, as in the studio. */
function tab(queued = false) {
  const problems: string[] = [];
  const report = (p: string) => problems.push(p);
  const secrets = { resolve: (ref: string, connector: string, recipeId: string) => new DexieConnectionSecrets(db, vault).resolve(ref, connector, recipeId) };
  const locks = memoryLocks();
  const host = createEngineHost({ db, locks, report, secrets });
  const accept = queued ? createTriggersHost({ db, host, report, locks }).acceptTrigger : undefined;
  return { host, polls: createPollHost({ db, host, report, secrets, accept }), problems };
}

async function setUp(queued = false) {
  const t = tab(queued);
  await t.host.importConnector({ id: 'openapi.shop', label: 'Shop', document: SHOP_API });
  const conn = await createConnection(db, vault, { connector: 'openapi.shop', label: 'My shop', fields: { base_url: base, auth: 'bearer' }, secrets: { token: TOKEN } });
  await bindConnection(db, 'big-orders', 'shop', conn.id);
  expect(await t.host.importRecipe(recipe())).toMatchObject({ ok: true, version: 1 });
  return t;
}

async function until(jobId: string): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = await readJob(db, jobId);
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} did not end`);
}

const jobCount = () => db.jobs.count();

describe('polling an imported API for new items', () => {
  it('polls only a started recipe, takes the first list as seen, then runs each new item once', async () => {
    const { host, polls } = await setUp();
    expect(await polls.pollEvents('big-orders')).toEqual({ started: [] });
    expect((await host.startRecipe('big-orders')).ok).toBe(true);
    expect(await polls.pollEvents('big-orders')).toEqual({ started: [], every_ms: 300_000 });

    orders = [{ id: 'o3', total: 50 }, { id: 'o2', total: 5 }, ...orders];
    const second = await polls.pollEvents('big-orders');
    expect(second.problem).toBeUndefined();
    expect(second.started).toHaveLength(1);
    const job = await until(second.started[0]);
    expect(job).toMatchObject({ status: 'succeeded', recipe_id: 'big-orders', recipe_version: 1, trigger: { id: 'o3', total: 50 } });
    expect(JSON.stringify(job)).not.toContain(TOKEN);
    expect(await polls.pollEvents('big-orders')).toEqual({ started: [], every_ms: 300_000 });
    expect(await jobCount()).toBe(1);
  });

  it('runs the active version while a newer draft waits, and stops polling when stopped', async () => {
    const { host, polls } = await setUp();
    await host.startRecipe('big-orders');
    await polls.pollEvents('big-orders');
    expect(await host.importRecipe(recipe('A draft'))).toMatchObject({ ok: true, version: 2 });
    orders = [{ id: 'o4', total: 99 }, ...orders];
    const { started } = await polls.pollEvents('big-orders');
    expect((await until(started[0])).recipe_version).toBe(1);

    await host.stopRecipe('big-orders');
    orders = [{ id: 'o5', total: 99 }, ...orders];
    expect(await polls.pollEvents('big-orders')).toEqual({ started: [] });
    expect(await jobCount()).toBe(1);

    // Started again a moment later: o5 came while it was stopped, so it starts no job; o6 does.
    await new Promise((r) => setTimeout(r, 5));
    await host.startRecipe('big-orders');
    expect(await polls.pollEvents('big-orders')).toEqual({ started: [], every_ms: 300_000 });
    orders = [{ id: 'o6', total: 60 }, ...orders];
    const after = await polls.pollEvents('big-orders');
    expect((await until(after.started[0])).trigger).toEqual({ id: 'o6', total: 60 });
    expect(await jobCount()).toBe(2);
  });

  it('goes on with the job, not a second one, when an item is polled again (a lost cursor write, another tab)', async () => {
    const { host, polls } = await setUp();
    await host.startRecipe('big-orders');
    await polls.pollEvents('big-orders');
    const before = await db.poll_cursors.toArray();
    orders = [{ id: 'o6', total: 20 }, ...orders];
    const first = await polls.pollEvents('big-orders');
    await until(first.started[0]);
    // As if the cursor had not been written: another tab's worker polls the same item again.
    await db.poll_cursors.bulkPut(before);
    const again = await tab().polls.pollEvents('big-orders');
    expect(again.started).toEqual(first.started);
    expect(await jobCount()).toBe(1);
  });

  it('queues new items in the trigger queue, each once, under the poll’s job ids', async () => {
    const { host, polls, problems } = await setUp(true);
    await host.startRecipe('big-orders');
    await polls.pollEvents('big-orders');
    const before = await db.poll_cursors.toArray();
    orders = [{ id: 'o9', total: 90 }, { id: 'o8', total: 80 }, ...orders];
    const { started } = await polls.pollEvents('big-orders');
    expect(started).toEqual([await pollJobId('big-orders', 'list_orders.new', 'o9'), await pollJobId('big-orders', 'list_orders.new', 'o8')]);
    const jobs = await Promise.all(started.map(until));
    expect(jobs.map((j) => [j.status, (j.trigger as { id: string }).id])).toEqual([['succeeded', 'o9'], ['succeeded', 'o8']]);
    await db.poll_cursors.bulkPut(before);
    expect((await polls.pollEvents('big-orders')).problem).toBeUndefined();
    expect(await jobCount()).toBe(2);
    expect(problems).toEqual([]);
  });

  it('says in plain words, without the token, when the API fails, and loses no item', async () => {
    const { host, polls } = await setUp();
    await host.startRecipe('big-orders');
    await polls.pollEvents('big-orders');
    failing = true;
    orders = [{ id: 'o7', total: 70 }, ...orders];
    const down = await polls.pollEvents('big-orders');
    expect(down.started).toEqual([]);
    expect(down.problem).toMatch(/^recipe "Thank big orders" did not check for new items: could not list the items of openapi.shop: GET http:\/\/127\.0\.0\.1:\d+\/api\/orders answered 503/);
    expect(down.problem).not.toContain(TOKEN);
    // The server echoed the Authorization header in its error: blanked, as in a job's error.
    expect(down.problem).toContain('Bearer ••••');
    failing = false;
    const back = await polls.pollEvents('big-orders');
    expect((await until(back.started[0])).trigger).toEqual({ id: 'o7', total: 70 });
  });

  it('blanks the token where the API echoes it in an item, raw or encoded, before the item becomes a job’s trigger', async () => {
    const { host, polls } = await setUp();
    await host.startRecipe('big-orders');
    await polls.pollEvents('big-orders');
    orders = [{ id: 'o9', total: 90, note: `sent with ${TOKEN}, or ${encodeURIComponent(`"${TOKEN}"`)} or ${btoa(TOKEN)}` }, ...orders];
    const polled = await polls.pollEvents('big-orders');
    const job = await until(polled.started[0]);
    expect(job.status).toBe('succeeded');
    expect(job.trigger).toEqual({ id: 'o9', total: 90, note: 'sent with ••••, or %22••••%22 or ••••' });
    expect(JSON.stringify(await db.jobs.get(job.id))).not.toContain(TOKEN);
  });

  it('says which connection is missing (removed after Start)', async () => {
    const { host, polls } = await setUp();
    expect((await host.startRecipe('big-orders')).ok).toBe(true);
    await db.connection_bindings.clear();
    expect(await polls.pollEvents('big-orders')).toEqual({
      started: [],
      every_ms: 300_000,
      problem: 'recipe "Thank big orders" did not check for new items: connection "shop" is not set up on this machine: set it up on the Connections page'
    });
  });
});
