// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * Imported connectors in the worker's host: imported once, kept in IndexedDB, used by jobs (in this tab and
 * in another one), sent with the connection's secrets to a real server on 127.0.0.1, and deleted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../connectors/openapi/fixtures';
import { bindConnection, createConnection, createVault, DexieConnectionSecrets, listCustomConnectors, readJob, SousDb } from '../store';
import type { Job } from '../recipe';
import type { Vault } from '../connections/vault';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';

let base = '';
let close = () => {};
beforeAll(async () => {
  const server = createServer((req, res) => {
    const ok = req.headers.api_key === 'special-key';
    res
      .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { id: Number(req.url?.split('/').pop()), name: 'Rex', photoUrls: [], status: 'available' } : { message: 'no key' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

let db: SousDb;
afterEach(() => db?.delete());

async function tab(unlocked?: Vault) {
  const problems: string[] = [];
  const vault = unlocked ?? (await createVault(db, 'a long passphrase for tests'));
  const host = createEngineHost({
    db,
    locks: memoryLocks(),
    report: (p) => problems.push(p),
    secrets: { resolve: (ref, connector, recipeId) => new DexieConnectionSecrets(db, vault).resolve(ref, connector, recipeId) }
  });
  return { host, problems, vault };
}

async function until(jobId: string): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = await readJob(db, jobId);
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} did not end`);
}

const recipe = JSON.stringify({
  format: 'sous.recipe/v1',
  id: 'find-pet',
  name: 'Find a pet',
  trigger: { kind: 'manual' },
  connections: { petstore: { connector: 'openapi.petstore' } },
  steps: [{ id: 'pet', kind: 'action', connector: 'openapi.petstore', action: 'get_pet_by_id', connection: 'petstore', input: { petId: 7 } }]
});

describe('imported connectors in the engine host', () => {
  it('import the Petstore, run a job with it through the connection, then delete it', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const first = await tab();
    expect(await first.host.importConnector({ id: 'openapi.petstore', label: 'Petstore', document: readFixture('petstore.yaml') })).toBe(20);
    expect((await listCustomConnectors(db)).map((r) => r.id)).toEqual(['openapi.petstore']);
    const conn = await createConnection(db, first.vault, { connector: 'openapi.petstore', label: 'Local pets', fields: { base_url: base, auth: 'api_key' }, secrets: { api_key: 'special-key' } });
    await bindConnection(db, 'find-pet', 'petstore', conn.id);
    expect(await first.host.importRecipe(recipe)).toMatchObject({ ok: true });

    // Another tab's worker learns of the import from the database.
    const second = await tab(first.vault);
    const job = await until(await second.host.run('find-pet', {}));
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    expect(job.steps[0].output).toMatchObject({ status: 200, body: { id: 7, name: 'Rex' } });

    await first.host.deleteConnector('openapi.petstore');
    const after = await until(await second.host.run('find-pet', {}));
    expect(after.status).toBe('failed');
    expect(after.error?.message).toMatch(/no connector "openapi.petstore"/);
    expect(first.problems.concat(second.problems)).toEqual([]);
  });

  it('refuse a bad document or a built-in id, saving nothing', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host } = await tab();
    await expect(host.importConnector({ id: 'openapi.bad', label: 'Bad', document: 'swagger: "2.0"\npaths: {}\n' })).rejects.toThrow(/convert it to OpenAPI 3 first/);
    await expect(host.importConnector({ id: 'http', label: 'Mine', document: readFixture('petstore.yaml') })).rejects.toThrow(/built-in connector/);
    expect(await listCustomConnectors(db)).toEqual([]);
  });
});
