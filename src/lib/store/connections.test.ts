// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../connections/vault';
import { createHttpConnector } from '../connectors/http';
import { ConnectorRegistry } from '../connectors/sdk';
import { createRunner } from '../engine/runner';
import { exportRecipe } from '../recipe';
import {
  bindConnection,
  createConnection,
  createVault,
  deleteConnection,
  DexieConnectionSecrets,
  listConnections,
  readVaultRecord,
  setConnectionSecrets
} from './connections';
import type { SousDb } from './db';
import { DexieJournal } from './jobs';
import { saveRecipe } from './recipes';
import { freshDb, recipe } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

const MARKER = 'sk-CANARY-5d1e0b7c';

/** Everything in every table, as text: what someone who copied the browser's profile would see. */
async function rawDump(db: SousDb): Promise<string> {
  const out: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) out.push(JSON.stringify(row, (_k, v) => (v instanceof CryptoKey ? '[CryptoKey]' : v)));
  }
  return out.join('\n');
}

describe('connections', () => {
  it('keep secrets sealed, open them for the recipe that is bound to them, and forget bindings on delete', async () => {
    db = freshDb();
    const vault = await createVault(db, 'a long passphrase');
    const row = await createConnection(db, vault, { connector: 'http', label: 'Billing API', fields: { header: 'x-api-key' }, secrets: { key: MARKER } });
    expect(JSON.stringify(row)).not.toContain(MARKER);
    await bindConnection(db, 'billing', 'api', row.id);

    const secrets = new DexieConnectionSecrets(db, vault);
    expect(await secrets.resolve('api', 'http', 'billing')).toEqual({ header: 'x-api-key', key: MARKER });
    expect(await secrets.resolve('api', 'http', 'another-recipe')).toBeUndefined();
    expect(await secrets.resolve('api', 'chat', 'billing')).toBeUndefined();

    const locked = new DexieConnectionSecrets(db, new Vault());
    await expect(locked.resolve('api', 'http', 'billing')).rejects.toThrow(/locked/);

    await deleteConnection(db, row.id);
    expect(await listConnections(db)).toEqual([]);
    expect(await secrets.resolve('api', 'http', 'billing')).toBeUndefined();
  }, 30_000);

  it('unlock again later with the stored vault settings, and refuse to set the vault up twice', async () => {
    db = freshDb();
    const vault = await createVault(db, 'pass phrase');
    const row = await createConnection(db, vault, { connector: 'http', label: 'x', secrets: { token: MARKER } });
    await expect(createVault(db, 'another')).rejects.toThrow(/already set up/);
    const later = new Vault();
    await later.unlock((await readVaultRecord(db))!, 'pass phrase');
    expect(await later.open(row.sealed!)).toEqual({ token: MARKER });
  }, 30_000);
});

describe('setConnectionSecrets', () => {
  it('seals secrets for a connection restored without them, and a later change keeps the fields left empty', async () => {
    db = freshDb();
    const vault = await createVault(db, null);
    // As a restore leaves it: plain fields, no sealed value.
    await db.connections.add({ id: 'c1', connector: 'http', label: 'Echo API', fields: { auth: 'basic', username: 'ana' }, sealed: null, created_at: 'x', updated_at: 'x' });
    await bindConnection(db, 'echo', 'api', 'c1');
    const secrets = new DexieConnectionSecrets(db, vault);
    expect(await secrets.resolve('api', 'http', 'echo')).toEqual({ auth: 'basic', username: 'ana' });

    await setConnectionSecrets(db, vault, 'c1', { password: MARKER, token: '' });
    expect(await secrets.resolve('api', 'http', 'echo')).toEqual({ auth: 'basic', username: 'ana', password: MARKER });
    expect(await rawDump(db)).not.toContain(MARKER);

    await setConnectionSecrets(db, vault, 'c1', { token: 'tok-2' });
    expect(await secrets.resolve('api', 'http', 'echo')).toEqual({ auth: 'basic', username: 'ana', password: MARKER, token: 'tok-2' });
    await expect(setConnectionSecrets(db, vault, 'gone', { token: 'x' })).rejects.toThrow('that connection no longer exists');
    await expect(setConnectionSecrets(db, new Vault(), 'c1', { token: 'x' })).rejects.toThrow(/locked/);
  }, 30_000);
});

describe('the canary: a marker secret is nowhere but ciphertext', () => {
  it('after failing jobs that used it, an export, and a raw dump of the database', async () => {
    db = freshDb();
    // A server that echoes what it was sent into its error, as careless APIs do.
    const server = createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'text/plain' }).end(`refused key ${req.headers['x-api-key']} for ${req.url}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const vault = await createVault(db, 'workshop passphrase');
      const conn = await createConnection(db, vault, {
        connector: 'http',
        label: 'Echo',
        fields: { auth: 'api_key_header', name: 'x-api-key' },
        secrets: { key: MARKER }
      });
      const r = recipe(
        JSON.stringify({
          format: 'sous.recipe/v1',
          id: 'uses-secret',
          name: 'Uses a secret',
          trigger: { kind: 'manual' },
          connections: { echo: { connector: 'http', label: 'Echo' } },
          steps: [
            {
              id: 'call',
              kind: 'action',
              connector: 'http',
              action: 'request',
              connection: 'echo',
              input: { url: `http://127.0.0.1:${port}/v1/items` }
            }
          ]
        })
      );
      await saveRecipe(db, r);
      await bindConnection(db, r.id, 'echo', conn.id);
      // The http connector puts the key from the connection on the request at call time only.
      const keyed = createHttpConnector();
      const runner = createRunner({
        journal: new DexieJournal(db),
        connectors: new ConnectorRegistry([keyed]),
        secrets: new DexieConnectionSecrets(db, vault)
      });
      for (let i = 0; i < 3; i++) {
        const job = await runner.start(r, {});
        expect(job.status).toBe('failed');
        expect(job.error?.message).toContain('refused key ••••');
      }
      const exported = exportRecipe(r).text;
      const dump = await rawDump(db);
      expect(exported).not.toContain(MARKER);
      expect(dump).not.toContain(MARKER);
      expect(dump).toContain('"sealed":{"iv":');
    } finally {
      server.close();
    }
  }, 30_000);
});
