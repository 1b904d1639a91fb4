/**
 * The canary, for the connectors added later (Slack, imported OpenAPI): marker secrets in their
 * connections, recipes that use them and FAIL (a 127.0.0.1 server that answers 401 or 500 and echoes back
 * everything it was sent, or a refused port), a catch branch that posts the error to chat and has the
 * `ai` connector summarise it, then the export of every recipe and a raw dump of every IndexedDB table:
 * the markers are nowhere but ciphertext. A ScriptedModelClient stands in for the model's weights (the
 * edge of the world) and keeps every prompt, which must not hold a marker either.
 */
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ScriptedModelClient } from '../ai/scripted-model-client';
import { createAiConnector } from '../connectors/ai';
import { createChatConnector } from '../connectors/chat';
import { buildOpenApiConnector } from '../connectors/openapi';
import { readFixture } from '../connectors/openapi/fixtures';
import { ConnectorRegistry } from '../connectors/sdk';
import { createSlackConnector } from '../connectors/slack';
import { createRunner } from '../engine/runner';
import { exportRecipe } from '../recipe';
import { DexieReplayStore } from './ai';
import { DexieChatSink } from './chat';
import { bindConnection, createConnection, createVault, DexieConnectionSecrets } from './connections';
import { saveCustomConnector } from './custom-connectors';
import type { SousDb } from './db';
import { DexieJournal } from './jobs';
import { saveRecipe } from './recipes';
import { freshDb, recipe } from './test-db';

const MARK = {
  hook: 'hookCANARY7f3a9e',
  slackToken: 'xoxb-CANARY-b0t-91c2',
  apiKey: 'ak-CANARY-3e8d51',
  bearer: 'bt-CANARY-44f0aa',
  password: 'pw-CANARY-8a1b9c'
};
const USER = 'ann';
/** What a careless server echoes for basic auth: the marker, base64-encoded. */
const BASIC = Buffer.from(`${USER}:${MARK.password}`).toString('base64');
const MARKERS = [...Object.values(MARK), BASIC];

/** Answers 401 or 500 (from the path's first part) with everything it was sent, as careless APIs do. */
function echoServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = req.url?.startsWith('/s500') ? 500 : 401;
      const echo = `refused ${req.method} ${req.url} headers ${JSON.stringify(req.headers)} body ${body}`;
      if (req.url?.includes('/chat.postMessage')) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: echo }));
      else res.writeHead(status, { 'content-type': 'text/plain' }).end(echo);
    });
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** The Petstore with bearer and basic schemes added (the file itself has an API key and OAuth 2). */
function petstoreDocument(): string {
  const doc = parse(readFixture('petstore.yaml'));
  doc.components.securitySchemes.bearer_auth = { type: 'http', scheme: 'bearer' };
  doc.components.securitySchemes.basic_auth = { type: 'http', scheme: 'basic' };
  doc.paths['/pet/{petId}'].get.security = [{ api_key: [] }, { bearer_auth: [] }, { basic_auth: [] }];
  return stringify(doc);
}

async function rawDump(db: SousDb): Promise<string> {
  const out: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) out.push(`${table.name} ${JSON.stringify(row, (_k, v) => (v instanceof CryptoKey ? '[CryptoKey]' : v))}`);
  }
  return out.join('\n');
}

/** A recipe whose `call` step uses the connection, and whose catch posts the error to chat and summarises it. */
function recipeFor(id: string, connector: string, action: string, input: Record<string, unknown>) {
  return recipe(
    JSON.stringify({
      format: 'sous.recipe/v1',
      id,
      name: `Canary ${id}`,
      trigger: { kind: 'manual' },
      connections: { conn: { connector, label: 'Canary' } },
      steps: [
        {
          id: 'guard',
          kind: 'try',
          steps: [{ id: 'call', kind: 'action', connector, action, connection: 'conn', input }],
          catch: [
            { id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'ops', text: 'failed: {{ error.message }}' } },
            { id: 'sum', kind: 'action', connector: 'ai', action: 'summarize', input: { text: 'The job failed: {{ error.message }}' } },
            { id: 'fail', kind: 'stop', outcome: 'failure', message: '{{ error.message }}' }
          ]
        }
      ]
    })
  );
}

let echo: { server: Server; base: string };
let refusedBase: string;
beforeAll(async () => {
  echo = await echoServer();
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  refusedBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((r) => closed.close(() => r()));
});
afterAll(() => echo.server.close());

describe('the canary for Slack and imported OpenAPI connectors', () => {
  it.each(['s401', 's500', 'refused'])('after failing jobs (%s), exports, prompts and a raw dump hold no marker', async (kind) => {
    const db = freshDb();
    try {
      const base = kind === 'refused' ? refusedBase : `${echo.base}/${kind}`;
      const vault = await createVault(db, 'workshop passphrase');
      const document = petstoreDocument();
      await saveCustomConnector(db, { id: 'openapi.petstore', label: 'Petstore', document });
      const model = new ScriptedModelClient(Array.from({ length: 40 }, () => ({ summary: 'A call failed.' })));
      const registry = new ConnectorRegistry([
        createSlackConnector({ apiBase: base }),
        buildOpenApiConnector({ id: 'openapi.petstore', label: 'Petstore', document }),
        createChatConnector(new DexieChatSink(db)),
        createAiConnector({ extractBasic: () => { throw new Error('not used'); }, model: async () => model, replays: new DexieReplayStore(db) })
      ]);
      const cases: { id: string; connector: string; fields: Record<string, string>; secrets: Record<string, string> }[] = [
        { id: 'slack-hook', connector: 'slack', fields: { kind: 'webhook' }, secrets: { webhook_url: `${base}/services/T0/B0/${MARK.hook}` } },
        { id: 'slack-bot', connector: 'slack', fields: { kind: 'bot_token' }, secrets: { token: MARK.slackToken } },
        { id: 'pet-key', connector: 'openapi.petstore', fields: { base_url: base, auth: 'api_key' }, secrets: { api_key: MARK.apiKey } },
        { id: 'pet-bearer', connector: 'openapi.petstore', fields: { base_url: base, auth: 'bearer_auth' }, secrets: { token: MARK.bearer } },
        { id: 'pet-basic', connector: 'openapi.petstore', fields: { base_url: base, auth: 'basic_auth', username: USER }, secrets: { password: MARK.password } }
      ];
      const runner = createRunner({ journal: new DexieJournal(db), connectors: registry, secrets: new DexieConnectionSecrets(db, vault) });
      const exports: string[] = [];
      const errors: string[] = [];
      for (const c of cases) {
        const isSlack = c.connector === 'slack';
        const r = recipeFor(c.id, c.connector, isSlack ? 'post' : 'get_pet_by_id', isSlack ? { channel: '#ops', text: 'hi' } : { petId: 7 });
        await saveRecipe(db, r);
        const conn = await createConnection(db, vault, { connector: c.connector, label: c.id, fields: c.fields, secrets: c.secrets });
        await bindConnection(db, r.id, 'conn', conn.id);
        const job = await runner.start(r, {});
        expect(job.status, c.id).toBe('failed');
        errors.push(JSON.stringify(job.error));
        // Fields that are not secret (the webhook kind, the base URL, the auth scheme) stay readable.
        expect(job.error?.message, c.id).not.toMatch(/Slack ••••|GET ••••|"••••":/);
        exports.push(exportRecipe(r).text);
      }
      const dump = await rawDump(db);
      const prompts = JSON.stringify(model.requests.map((q) => q.messages));
      // The catch branch really ran: the errors reached chat rows, replay rows and prompts.
      expect(dump).toMatch(/^chat .*failed: /m);
      expect(dump).toMatch(/^ai_replays /m);
      expect(model.requests.length).toBeGreaterThan(0);
      for (const marker of MARKERS) {
        for (const [where, text] of [
          ['dump', dump],
          ['errors', errors.join('\n')],
          ['exports', exports.join('\n')],
          ['prompts', prompts]
        ]) {
          expect(text.includes(marker), `${marker} in ${where}`).toBe(false);
        }
      }
      expect(dump).toMatch(/^connections .*"sealed":\{"iv":/m);
    } finally {
      await db.delete();
    }
  }, 60_000);
});
