/**
 * Serving the room, against the real server on 127.0.0.1, with "is this peer a room client" injected (a
 * header only the test sends) so a loopback request can act as a participant's laptop: the room may only
 * GET or HEAD the studio, /room.json, the pack and /models/; everything else is refused `room_read_only`
 * unless it carries the room token, and the proxy then accepts the machine's own room address as its Host.
 */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoomPack } from './room';
import { startServer } from './server';
import { raw, startUpstream, tableResolver, TOKEN, via, type TestProxy, type Upstream } from './test-support';

const PACK_FILE = 'tests/fixtures/packs/finance-workshop.sous-pack.json';
const ROOM_TOKEN = 'room-token-' + 'r'.repeat(24);
let proxy: TestProxy;
let upstream: Upstream;
let packText: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sous-room-'));
  await mkdir(join(dir, 'build'), { recursive: true });
  await mkdir(join(dir, 'models'), { recursive: true });
  await writeFile(join(dir, 'build', 'index.html'), '<!doctype html><title>studio</title>');
  await writeFile(join(dir, 'models', 'tiny.bin'), 'weights');
  upstream = await startUpstream({});
  const loaded = await loadRoomPack(PACK_FILE);
  if (!loaded.ok) throw new Error(loaded.message);
  packText = await readFile(PACK_FILE, 'utf8');
  const running = await startServer({
    root: join(dir, 'build'),
    models: join(dir, 'models'),
    port: 0,
    proxy: { token: TOKEN, log: () => {}, allow: ['api.test'], resolve: tableResolver({ 'api.test': ['127.0.0.1'] }) },
    mcp: { token: 'mcp-token-' + 'm'.repeat(24) },
    room: { addresses: ['127.0.0.1'], pack: loaded.pack, token: ROOM_TOKEN, isRoomClient: (req) => req.headers['x-test-room'] === '1' }
  });
  proxy = { ...running, host: new URL(running.url).host, origin: running.url, lines: [] };
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const participant = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  raw(proxy, path, { ...options, headers: { 'x-test-room': '1', ...options.headers } });

describe('what the room may read', () => {
  it('serves the studio, /room.json, the pack as given and the model files', async () => {
    expect((await participant('/')).text).toContain('<title>studio</title>');
    expect((await participant('/recipes/x')).status).toBe(200);
    const info = (await participant('/room.json')).json();
    expect(info).toEqual({ serving: true, urls: [`http://127.0.0.1:${new URL(proxy.url).port}/room`], pack: 'Finance workshop', trainer: false });
    const pack = await participant('/room/pack.sous-pack.json');
    expect([pack.status, pack.text]).toEqual([200, packText]);
    expect((await participant('/models/tiny.bin')).text).toBe('weights');
    expect((await participant('/', { method: 'HEAD' })).status).toBe(200);
  });

  it('tells the trainer apart', async () => {
    expect((await raw(proxy, '/room.json')).json().trainer).toBe(true);
    expect((await participant('/room.json', { headers: { 'x-sous-room-token': ROOM_TOKEN } })).json().trainer).toBe(true);
  });
});

describe('what the room may not do without the token', () => {
  it.each([
    ['GET', via(`http://api.test:1/x`)],
    ['POST', via(`http://api.test:1/x`)],
    ['GET', '/proxy/token'],
    ['GET', '/proxy-settings/token'],
    ['POST', '/proxy-settings/allow'],
    ['POST', '/proxy-settings/policy'],
    ['GET', '/mcp/token'],
    ['POST', '/mcp'],
    ['POST', '/hooks/orders'],
    ['GET', '/hooks-relay/info'],
    ['POST', '/'],
    ['PUT', '/room/pack.sous-pack.json'],
    ['DELETE', '/models/tiny.bin']
  ])('%s %s is refused room_read_only', async (method, path) => {
    const answer = await participant(path, { method, headers: { origin: proxy.origin, 'sec-fetch-site': 'same-origin' }, body: method === 'GET' ? undefined : '{}' });
    expect([answer.status, answer.json().error?.code, answer.headers['x-sous-proxy-error']]).toEqual([403, 'room_read_only', 'room_read_only']);
    expect(answer.text).not.toContain(TOKEN);
    expect(answer.text).not.toContain(ROOM_TOKEN);
  });

  it('refuses a wrong room token the same way', async () => {
    const answer = await participant('/proxy/token', { headers: { 'x-sous-room-token': 'guess', 'sec-fetch-site': 'same-origin' } });
    expect(answer.json().error?.code).toBe('room_read_only');
  });
});

describe('the room token', () => {
  it('opens the rest to another machine, by the room address as Host', async () => {
    const asTrainer = { 'x-sous-room-token': ROOM_TOKEN, 'sec-fetch-site': 'same-origin' };
    const token = await participant('/proxy/token', { headers: asTrainer });
    expect([token.status, token.json().token]).toEqual([200, TOKEN]);
    const proxied = await participant(via(`http://api.test:${upstream.port}/hello`), { headers: { ...asTrainer, origin: proxy.origin } });
    expect([proxied.status, proxied.text]).toEqual([200, 'reached /hello']);
  });
});

describe('the pack given at start', () => {
  it('is checked, and a broken one is refused with its problems', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sous-room-pack-'));
    await writeFile(join(dir, 'bad.sous-pack.json'), '{"format":"sous.pack/v1"}');
    const bad = await loadRoomPack(join(dir, 'bad.sous-pack.json'));
    expect(bad.ok).toBe(false);
    expect((await loadRoomPack(join(dir, 'missing.json'))).ok).toBe(false);
  });
});

describe('a server not serving a room', () => {
  it('says so at /room.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sous-noroom-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    const running = await startServer({ root: dir, port: 0, proxy: false });
    try {
      const answer = await fetch(`${running.url}/room.json`);
      expect(await answer.json()).toEqual({ serving: false, urls: [], trainer: true });
    } finally {
      await running.close();
    }
  });
});
