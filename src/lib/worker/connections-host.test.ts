// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readJob, SousDb } from '../store';
import { createConnectionsHost } from './connections-host';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';

let db: SousDb;
afterEach(() => db?.delete());

const TOKEN = 'tok-CANARY-19ab';

/** The API the recipe calls, outside the browser: answers with the Authorization header it got. */
const api = (async (_input: URL | RequestInfo, init?: RequestInit) =>
  new Response(JSON.stringify({ auth: new Headers(init?.headers).get('authorization') }), {
    headers: { 'content-type': 'application/json' }
  })) as typeof fetch;

const recipeText = JSON.stringify({
  format: 'sous.recipe/v1',
  id: 'who-am-i',
  name: 'Who am I',
  trigger: { kind: 'manual' },
  connections: { api: { connector: 'http', label: 'The API' } },
  steps: [{ id: 'me', kind: 'action', connector: 'http', action: 'request', connection: 'api', input: { url: 'https://api.test/me' } }]
});

async function finished(jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await readJob(db, jobId);
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the job did not finish');
}

describe('connections in the worker', () => {
  it('a locked vault fails the step plainly; unlocked, the step gets the secret and the job never records it', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const connections = createConnectionsHost(db);
    const host = createEngineHost({ db, locks: memoryLocks(), report: () => {}, fetch: api, secrets: connections.secrets });
    const { api: vault } = connections;

    expect(await vault.vaultState()).toBe('none');
    await expect(vault.createConnection({ connector: 'http', label: 'x' })).rejects.toThrow(/locked/);
    await vault.setupVault('a good passphrase');
    const id = await vault.createConnection({ connector: 'http', label: 'The API', fields: { auth: 'bearer' }, secrets: { token: TOKEN } });
    await host.importRecipe(recipeText);
    await vault.bindConnection('who-am-i', 'api', id);

    const ok = await finished(await host.run('who-am-i', {}));
    expect(ok.status).toBe('succeeded');
    // The API echoed the token into its answer: the step's output keeps the answer with the token blanked,
    // and the input never held it.
    expect(ok.output).toMatchObject({ body: { auth: 'Bearer ••••' } });
    expect(JSON.stringify(ok.steps)).not.toContain(TOKEN);

    await vault.lockVault();
    expect(await vault.vaultState()).toBe('locked');
    const locked = await finished(await host.run('who-am-i', {}));
    expect(locked.error).toMatchObject({ code: 'connection', message: expect.stringMatching(/locked/) });

    await expect(vault.unlockVault('a wrong passphrase')).rejects.toThrow(/not right/);
    await vault.unlockVault('a good passphrase');
    expect(await vault.vaultState()).toBe('unlocked');
  }, 30_000);

  it('a vault without a passphrase opens by itself in a new worker', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    await createConnectionsHost(db).api.setupVault(null);
    expect(await createConnectionsHost(db).api.vaultState()).toBe('unlocked');
  });

  it('checks a connection here, with its opened secret, and answers the page only in words', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    // The API stands in for a real one (no network in unit tests): only the right token passes.
    const seen: string[] = [];
    const fakeApi = (async (_input: URL | RequestInfo, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      return new Response('{}', { status: auth === `Bearer ${TOKEN}` ? 200 : 401 });
    }) as typeof fetch;
    let host: ReturnType<typeof createEngineHost> | undefined;
    const connections = createConnectionsHost(db, { connector: (id) => host?.connectors.get(id) });
    host = createEngineHost({ db, locks: memoryLocks(), report: () => {}, fetch: fakeApi, secrets: connections.secrets });
    const { api: vault } = connections;
    await vault.setupVault('a good passphrase');
    const fields = { auth: 'bearer', check_url: 'https://api.test/me' };
    const good = await vault.createConnection({ connector: 'http', label: 'Good', fields, secrets: { token: TOKEN } });
    const bad = await vault.createConnection({ connector: 'http', label: 'Bad', fields, secrets: { token: 'nope' } });

    const passed = await vault.checkConnection(good);
    expect(passed).toMatchObject({ ok: true, message: expect.stringMatching(/answered 200/) });
    expect(await vault.checkConnection(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/refused these credentials/) });
    expect(seen).toEqual([`Bearer ${TOKEN}`, 'Bearer nope']);
    expect(JSON.stringify(passed)).not.toContain(TOKEN);

    await vault.lockVault();
    expect(await vault.checkConnection(good)).toMatchObject({ ok: false, message: expect.stringMatching(/locked/) });
    expect(await vault.checkConnection('gone')).toMatchObject({ ok: false, message: expect.stringMatching(/no longer exists/) });
    expect(seen).toHaveLength(2);
  }, 30_000);
});
