// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * Start and Stop through the worker's host: what Start refuses (and that it changes nothing then), with the
 * workspace's connectors (an imported one too), this machine's bindings and the other started recipes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFixture } from '../connectors/openapi/fixtures';
import { bindConnection, getLifecycle, SousDb } from '../store';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';
import { setPolicy } from '../store/governance';

let db: SousDb;
afterEach(() => db?.delete());

function engine() {
  db = new SousDb(`sous-test-${crypto.randomUUID()}`);
  return createEngineHost({ db, locks: memoryLocks(), report: () => {} });
}

const recipe = (id: string, fields: Record<string, unknown>) =>
  JSON.stringify({ format: 'sous.recipe/v1', id, name: `Recipe ${id}`, trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }, steps: [], ...fields });
const post = { id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'c', text: 'hi' } };
const webhook = (path: string) => ({ trigger: { kind: 'webhook', path }, steps: [post] });

async function imported(host: ReturnType<typeof engine>, text: string): Promise<{ id: string; version: number }> {
  const result = await host.importRecipe(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { id: result.recipe.id, version: result.version };
}

async function addConnection(id: string, connector: string): Promise<void> {
  const now = new Date().toISOString();
  await db.connections.add({ id, connector, label: id, fields: {}, sealed: null, created_at: now, updated_at: now });
}

describe('startRecipe refuses, with every reason, and changes nothing', () => {
  const cases: Array<{ name: string; text: string; reasons: Array<string | RegExp> }> = [
    { name: 'a manual recipe', text: recipe('m', { trigger: { kind: 'manual' } }), reasons: ['this recipe runs when a person runs it; it has no trigger to start'] },
    { name: 'a lint problem', text: recipe('l', { steps: [{ ...post, input: { channel: 'c', text: '{{ steps.ghost.x }}' } }] }), reasons: [/^problem 1 of 1, at step "tell": steps\.ghost/] },
    { name: 'an unknown connector', text: recipe('u', { steps: [{ id: 'p', kind: 'action', connector: 'openapi.petstore', action: 'get_pet_by_id', input: { petId: 1 } }] }), reasons: [/^problem 1 of 1, at step "p": there is no connector "openapi\.petstore"/] },
    {
      name: 'a connection not set up on this machine',
      text: recipe('c', { connections: { api: { connector: 'http', label: 'The API' } }, steps: [{ id: 'me', kind: 'action', connector: 'http', action: 'request', connection: 'api', input: { url: 'https://api.test/me' } }] }),
      reasons: ['connection "api" (The API) is not set up: choose one on the Connections page']
    }
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const host = engine();
      const { id } = await imported(host, c.text);
      const result = await host.startRecipe(id);
      expect(result.ok).toBe(false);
      const reasons = result.ok ? [] : result.reasons;
      expect(reasons).toHaveLength(c.reasons.length);
      c.reasons.forEach((r, i) => (typeof r === 'string' ? expect(reasons[i]).toBe(r) : expect(reasons[i]).toMatch(r)));
      expect((await getLifecycle(db, id))?.state).toBe('stopped');
    });
  }

  it('an unknown recipe or version', async () => {
    const host = engine();
    await imported(host, recipe('e', { steps: [post] }));
    expect(await host.startRecipe('nope')).toMatchObject({ ok: false, reasons: ['there is no recipe "nope"'] });
    expect(await host.startRecipe('e', 7)).toMatchObject({ ok: false, reasons: ['recipe "e" has no version 7'] });
  });
});

describe('startRecipe with what this machine has', () => {
  it('starts a clean recipe on its newest version, and a draft only when asked', async () => {
    const host = engine();
    const { id, version } = await imported(host, recipe('e', { steps: [post] }));
    expect(await host.startRecipe(id)).toEqual({ ok: true, version });
    const newer = await imported(host, recipe('e', { name: 'Renamed', steps: [post] }));
    expect(await getLifecycle(db, id)).toMatchObject({ state: 'started', active_version: version, newest_version: newer.version, draft: true });
    expect(await host.startRecipe(id)).toEqual({ ok: true, version: newer.version });
    expect(await getLifecycle(db, id)).toMatchObject({ active_version: newer.version, draft: false });
    await host.stopRecipe(id);
    expect(await getLifecycle(db, id)).toMatchObject({ state: 'stopped', active_version: newer.version });
  });

  it('a connection bound here lets it start; one of another connector, or deleted, does not', async () => {
    const host = engine();
    const text = recipe('c', { connections: { api: { connector: 'http' } }, steps: [{ id: 'me', kind: 'action', connector: 'http', action: 'request', connection: 'api', input: { url: 'https://api.test/me' } }] });
    const { id } = await imported(host, text);
    await addConnection('slack-1', 'slack');
    await bindConnection(db, id, 'api', 'slack-1');
    expect(await host.startRecipe(id)).toMatchObject({ ok: false, reasons: ['connection "api" (HTTP) is not set up: choose one on the Connections page'] });
    await addConnection('http-1', 'http');
    await bindConnection(db, id, 'api', 'http-1');
    expect(await host.startRecipe(id)).toMatchObject({ ok: true });
    await db.connections.delete('http-1');
    expect(await host.startRecipe(id)).toMatchObject({ ok: false });
  });

  it('lints with the imported connectors (as jobs use them)', async () => {
    const host = engine();
    await host.importConnector({ id: 'openapi.petstore', label: 'Petstore', document: readFixture('petstore.yaml') });
    const { id } = await imported(host, recipe('p', { steps: [{ id: 'p', kind: 'action', connector: 'openapi.petstore', action: 'get_pet_by_id', input: { petId: 1 } }] }));
    expect(await host.startRecipe(id)).toMatchObject({ ok: true });
  });

  it('a webhook path another started recipe uses; free again once that one stops', async () => {
    const host = engine();
    const first = await imported(host, recipe('first', webhook('orders/new')));
    const second = await imported(host, recipe('second', webhook('/orders/new')));
    expect(await host.startRecipe(first.id)).toMatchObject({ ok: true });
    expect(await host.startRecipe(first.id)).toMatchObject({ ok: true });
    expect(await host.startRecipe(second.id)).toMatchObject({
      ok: false,
      reasons: ['webhook path "orders/new" is already used by the started recipe "Recipe first" (first): stop that one or choose another path']
    });
    await host.stopRecipe(first.id);
    expect(await host.startRecipe(second.id)).toMatchObject({ ok: true });
  });
});

describe('startRecipe and the policy in force', () => {
  const fetching = recipe('f', { trigger: { kind: 'webhook', path: 'in' }, steps: [post, { id: 'fetch', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://api.test/x' } }] });

  it('refuses a recipe the policy forbids, in the contract words, and changes nothing', async () => {
    const host = engine();
    const { id } = await imported(host, fetching);
    await setPolicy(db, { format: 'sous.policy/v1', name: 'Workshop rules', connectors: { deny: ['http'] } });
    const result = await host.startRecipe(id);
    expect(result).toMatchObject({ ok: false, reasons: ['steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"'] });
    expect((await getLifecycle(db, id))?.state).toBe('stopped');
  });

  it('starts the same recipe once the policy allows it', async () => {
    const host = engine();
    const { id } = await imported(host, fetching);
    await setPolicy(db, { format: 'sous.policy/v1', name: 'Hosts', hosts: ['api.test'] });
    expect(await host.startRecipe(id)).toMatchObject({ ok: true });
  });
});
