// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/**
 * The studio's tools over MCP's streamable HTTP transport, through the SDK's own Client against the real
 * server on 127.0.0.1. A relay peer in this test stands in for the studio tab: it runs the studio's own
 * relay client (src/lib/agents/relay) with the real tool layer and the engine in memory, over a
 * fake-indexeddb database, as the studio's worker would; only the person's confirm prompt is scripted.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { parseRecipeText } from '../src/lib/recipe';
import { saveRecipe, SousDb } from '../src/lib/store';
import { createEngineHost } from '../src/lib/worker/host';
import { memoryLocks } from '../src/lib/worker/memory-locks';
import { connectRelay, type ConfirmQuestion, type RelayConnection, type RelayState } from '../src/lib/agents/relay/relay-client';
import { setOffered } from '../src/lib/agents/relay/offers';
import { studioPorts } from '../src/lib/agents/relay/studio-ports';
import { startServer, type RunningServer } from './server';

const MCP_TOKEN = 'mcp-test-token-' + 'y'.repeat(32);
const FIXTURES = 'tests/fixtures/agents';

let running: RunningServer;
let mcpUrl: string;

beforeAll(async () => {
  running = await startServer({ port: 0, proxy: false, mcp: { token: MCP_TOKEN } });
  mcpUrl = running.mcp!.url;
});
afterAll(() => running.close());

const clients: Client[] = [];
const tabs: Array<{ close(): void }> = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  tabs.splice(0).forEach((t) => t.close());
  await until(async () => running.mcp!.endpoint.relay.skills() === undefined, 'the tabs to leave');
});

/** The SDK's client over streamable HTTP, with the token (or another one), optionally able to elicit. */
async function connect(options: { token?: string; elicit?: (message: string) => 'accept' | 'decline' } = {}): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${options.token ?? MCP_TOKEN}` } }
  });
  const client = new Client({ name: 'test-assistant', version: '1.0.0' }, { capabilities: options.elicit ? { elicitation: { form: {} } } : {} });
  if (options.elicit) {
    const answer = options.elicit;
    client.setRequestHandler(ElicitRequestSchema, async (req) => {
      const action = answer(req.params.message);
      return action === 'accept' ? { action, content: { confirm: true } } : { action };
    });
  }
  await client.connect(transport);
  clients.push(client);
  return client;
}

interface Tab {
  db: SousDb;
  asked: ConfirmQuestion[];
  states: RelayState[];
  connection: RelayConnection;
  close(): void;
}

/** A studio tab: its own database with the fixture recipes, the engine, and the relay client. */
async function openTab(options: { offer?: string[]; confirm?: boolean | 'never' } = {}): Promise<Tab> {
  const db = new SousDb(`sous-mcp-test-${crypto.randomUUID()}`);
  for (const file of ['find-vendor', 'register-vendor', 'approve-vendor']) {
    const parsed = parseRecipeText(readFileSync(`${FIXTURES}/${file}.json`, 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
    await saveRecipe(db, parsed.recipe);
  }
  for (const id of options.offer ?? ['find-vendor', 'register-vendor']) await setOffered(db, id, true);
  const host = createEngineHost({ db, locks: memoryLocks(), report: () => {} });
  const asked: ConfirmQuestion[] = [];
  const states: RelayState[] = [];
  const ports = studioPorts({
    db,
    connectors: host.connectors,
    run: (id, input) => host.run(id, input),
    // The person at the studio, scripted: the prompt's answer.
    confirm: async (question) => {
      asked.push(question);
      // 'never': the person walks away from the prompt.
      return options.confirm === 'never' ? new Promise<boolean>(() => {}) : (options.confirm ?? false);
    },
    pollMs: 20
  });
  const connection = connectRelay(ports, {
    base: running.url,
    headers: { authorization: `Bearer ${MCP_TOKEN}` },
    onState: (s) => states.push(s),
    backoff: [50]
  });
  const tab = {
    db,
    asked,
    states,
    connection,
    close: () => {
      connection.close();
      void db.delete();
    }
  };
  tabs.push(tab);
  await until(async () => states.includes('serving') || states.includes('standby'), 'the tab to connect');
  return tab;
}

async function until(ok: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`waited in vain for ${what}`);
}

const text = (result: unknown) => ((result as { content: { text?: string }[] }).content[0]?.text ?? '') as string;
const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();

describe('with no studio tab open', () => {
  it('lists no tools and answers a call with a tool error that says to open the studio', async () => {
    const client = await connect();
    expect(await names(client)).toEqual([]);
    const result = await client.callTool({ name: 'find-vendor', arguments: { query: 'Globex' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/Sous studio is not open: open it in a browser tab/);
    expect(text(result)).toMatch(/스튜디오/);
  });
});

describe('with the studio tab serving', () => {
  it('lists only the recipes the person offers, with the tool layer\'s schemas and annotations', async () => {
    await openTab();
    const client = await connect();
    await until(async () => (await names(client)).length === 2, 'the tab\'s tools');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['find-vendor', 'register-vendor']);
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName['find-vendor'].annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName['register-vendor'].annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName['register-vendor'].inputSchema).toMatchObject({ type: 'object', required: ['name', 'country'] });
    expect(byName['register-vendor'].outputSchema).toMatchObject({ type: 'object', required: ['id', 'name'] });
  });

  it('runs a read tool as a job in the tab, unasked, and answers the job\'s output', async () => {
    const tab = await openTab();
    const client = await connect();
    const result = await client.callTool({ name: 'find-vendor', arguments: { query: 'Globex' } });
    expect(result.isError, text(result)).toBeFalsy();
    expect((result.structuredContent as { vendors: { name: string }[] }).vendors.map((v) => v.name)).toContain('Globex Logistics GmbH');
    expect(tab.asked).toEqual([]);
    const jobs = await tab.db.jobs.toArray();
    expect(jobs.map((j) => [j.recipe_id, j.status])).toEqual([['find-vendor', 'succeeded']]);
  });

  it('asks the person in the studio before a write tool when the client cannot elicit; "Deny" runs nothing', async () => {
    const tab = await openTab({ confirm: false });
    const client = await connect();
    const result = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/not run: the person did not confirm/);
    expect(tab.asked).toEqual([{ tool: 'register-vendor', title: 'Register a vendor', values: { name: 'Bluefin Paper', country: 'DE' }, writes: ['sandbox.erp.vendors.create'] }]);
    expect(await tab.db.jobs.count()).toBe(0);
    expect(await tab.db.sandbox_vendors.where('name').equals('Bluefin Paper').count()).toBe(0);
  });

  it('runs the write tool once the person allows it, and answers the new vendor', async () => {
    const tab = await openTab({ confirm: true });
    const client = await connect();
    const result = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ name: 'Bluefin Paper', id: expect.any(String) });
    expect(tab.asked).toHaveLength(1);
    expect(await tab.db.sandbox_vendors.where('name').equals('Bluefin Paper').count()).toBe(1);
  });

  it('confirms by MCP elicitation where the client supports it (the studio is not asked); declined runs nothing', async () => {
    const tab = await openTab({ confirm: false });
    const messages: string[] = [];
    const yes = await connect({ elicit: (m) => (messages.push(m), 'accept') });
    const ran = await yes.callTool({ name: 'register-vendor', arguments: { name: 'Elicited Ltd', country: 'KR' } });
    expect(ran.isError, text(ran)).toBeFalsy();
    expect(messages[0]).toMatch(/Register a vendor.*\n.*name: Elicited Ltd\n.*country: KR/);
    const no = await connect({ elicit: () => 'decline' });
    const refused = await no.callTool({ name: 'register-vendor', arguments: { name: 'Declined Ltd', country: 'KR' } });
    expect(refused.isError).toBe(true);
    expect(tab.asked).toEqual([]);
    const made = (await tab.db.sandbox_vendors.toArray()).map((v) => v.name);
    expect(made).toContain('Elicited Ltd');
    expect(made).not.toContain('Declined Ltd');
  });

  it('refuses arguments that do not fit the input, and a recipe that is not offered', async () => {
    await openTab({ confirm: true });
    const client = await connect();
    const bad = await client.callTool({ name: 'register-vendor', arguments: { name: 'X' } });
    expect([bad.isError, text(bad)]).toEqual([true, expect.stringMatching(/not run: the arguments do not fit.*country/)]);
    const hidden = await client.callTool({ name: 'approve-vendor', arguments: {} });
    expect(hidden.isError).toBe(true);
  });

  it('tells listening clients when the offered tools change', async () => {
    const tab = await openTab();
    const client = await connect();
    let told = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => void told++);
    // The standalone GET stream carries server notifications; give the client a moment to open it.
    await new Promise((r) => setTimeout(r, 100));
    await setOffered(tab.db, 'register-vendor', false);
    await tab.connection.publish();
    await until(async () => told > 0, 'tools/list_changed');
    expect(await names(client)).toEqual(['find-vendor']);
  });

  it('answers a call whose tab closes mid-way with a tool error, and runs nothing', async () => {
    const tab = await openTab({ confirm: 'never' });
    const client = await connect();
    const pending = client.callTool({ name: 'register-vendor', arguments: { name: 'Walked Away', country: 'DE' } });
    await until(async () => tab.asked.length === 1, 'the prompt');
    tab.close();
    const result = await pending;
    expect([result.isError, text(result)]).toEqual([true, expect.stringMatching(/not run: The Sous studio tab closed/)]);
  });

  it('serves from the first tab; when it closes, the next takes over; when all close, calls say to open the studio', async () => {
    const first = await openTab({ offer: ['find-vendor'] });
    const second = await openTab({ offer: ['find-vendor', 'register-vendor'] });
    expect(first.states.at(-1)).toBe('serving');
    expect(second.states.at(-1)).toBe('standby');
    const client = await connect();
    expect(await names(client)).toEqual(['find-vendor']);
    first.close();
    await until(async () => second.states.at(-1) === 'serving', 'the second tab to serve');
    await until(async () => (await names(client)).length === 2, 'the second tab\'s tools');
    second.close();
    await until(async () => (await names(client)).length === 0, 'no tools');
    const result = await client.callTool({ name: 'find-vendor', arguments: { query: 'Globex' } });
    expect(text(result)).toMatch(/studio is not open/);
  });
});

describe('sessions', () => {
  it('keeps at most maxSessions; the oldest is closed and must initialize again', async () => {
    const small = await startServer({ port: 0, proxy: false, mcp: { token: MCP_TOKEN, maxSessions: 2 } });
    try {
      const open = async () => {
        const client = new Client({ name: 'many', version: '1' });
        await client.connect(new StreamableHTTPClientTransport(new URL(small.mcp!.url), { requestInit: { headers: { authorization: `Bearer ${MCP_TOKEN}` } } }));
        return client;
      };
      const [a, b, c] = [await open(), await open(), await open()];
      await expect(a.listTools()).rejects.toThrow(/404|session/i);
      expect((await b.listTools()).tools).toEqual([]);
      expect((await c.listTools()).tools).toEqual([]);
      await Promise.all([a, b, c].map((x) => x.close()));
    } finally {
      await small.close();
    }
  });
});

describe('who may use /mcp', () => {
  const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
  const post = (headers: Record<string, string>) =>
    fetch(mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: init });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['the token one character off', { authorization: `Bearer ${MCP_TOKEN.slice(0, -1)}z` }],
    ['the token without "Bearer"', { authorization: MCP_TOKEN }]
  ])('refuses %s with 401', async (_what, headers) => {
    const res = await post(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.text()).not.toContain(MCP_TOKEN);
  });

  it('refuses the SDK client with a wrong token', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toMatchObject({ code: 401, message: expect.stringMatching(/wrong Authorization: Bearer token/) });
  });

  it.each(['https://evil.example', 'null', 'http://localhost:1'])('refuses Origin %s with 403, even with the token, and grants no CORS', async (origin) => {
    const res = await post({ authorization: `Bearer ${MCP_TOKEN}`, origin });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes the studio\'s own origin and no Origin at all (a local assistant)', async () => {
    for (const headers of [{ origin: running.url }, {}] as Record<string, string>[]) {
      const res = await post({ authorization: `Bearer ${MCP_TOKEN}`, ...headers });
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
  });

  it('refuses another Host name (DNS rebinding) and a page load', async () => {
    const { request } = await import('node:http');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(mcpUrl, { method: 'GET', headers: { authorization: `Bearer ${MCP_TOKEN}`, ...headers }, setHost: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status({ host: 'evil.example' })).toBe(403);
    expect(await status({ host: new URL(mcpUrl).host, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })).toBe(403);
  });
});

describe('the relay and the token route', () => {
  const relayUrl = () => `${running.url}/mcp/relay`;

  it.each([
    ['without the token or Sec-Fetch-Site', {}],
    ['from another site', { 'sec-fetch-site': 'cross-site' }],
    ['from a foreign Origin, even same-origin-looking', { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }]
  ])('refuses a stream %s', async (_what, headers) => {
    const res = await fetch(relayUrl(), { headers });
    expect(res.status).toBe(403);
    expect(running.mcp!.endpoint.relay.skills()).toBeUndefined();
  });

  it('hands the token only to a same-origin page (the studio shows it to its person)', async () => {
    const ok = await fetch(`${running.url}/mcp/token`, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(await ok.json()).toMatchObject({ token: MCP_TOKEN, url: mcpUrl });
    for (const headers of [{}, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }] as Record<string, string>[]) {
      const refused = await fetch(`${running.url}/mcp/token`, { headers });
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain(MCP_TOKEN);
    }
  });

  it('refuses a message for a stream that is not open', async () => {
    const res = await fetch(`${relayUrl()}?peer=nobody`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MCP_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'skills', skills: [] })
    });
    expect(res.status).toBe(404);
  });
});
