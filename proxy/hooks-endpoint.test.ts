/** Webhooks in the local server, against the real server on 127.0.0.1 (in this process; hooks-restart.test.ts kills one). */
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type HooksOptions, type RunningServer } from './server';
import { openStream, postHook, send, studio } from './hooks-test-kit';

const TOKEN = 'hooks-test-token-' + 'z'.repeat(32);
let dir: string;
let running: RunningServer;
let base: string;

async function start(hooks: HooksOptions): Promise<RunningServer> {
  return startServer({ port: 0, proxy: false, hooks: { token: TOKEN, pingMs: 100, ...hooks } });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sous-hooks-'));
  running = await start({ dataDir: join(dir, 'main') });
  base = running.url;
  expect((await studio(base, 'PUT', '/hooks-relay/paths', { paths: ['orders/new', '/b/'] })).status).toBe(204);
});
afterAll(async () => {
  await running.close();
});

describe('POST /hooks/PATH', () => {
  it.each([
    ['no token', undefined, 'orders/new', 401],
    ['a wrong token', 'x'.repeat(TOKEN.length), 'orders/new', 401],
    ['a wrong token to an unknown path (no leak)', 'nope', 'no/such/path', 401],
    ['the token to an unknown path', TOKEN, 'no/such/path', 404],
    ['the token to a published path', TOKEN, 'orders/new', 202],
    ['the token to a path published with slashes', TOKEN, 'b/', 202]
  ])('%s → %i', async (_what, token, path, status) => {
    const res = await postHook(base, path, token);
    expect(res.status).toBe(status);
    expect(res.text).not.toContain(TOKEN);
    if (status === 202) expect(Object.keys(res.json())).toEqual(['event_id']);
    else expect(res.json().error).toEqual(expect.any(String));
    if (status === 401) expect(res.headers['www-authenticate']).toContain('Bearer');
  });

  it('takes the token as ?token= too', async () => {
    const res = await send(`${base}/hooks/orders/new?token=${TOKEN}&a=1`, { method: 'POST', body: 'plain' });
    expect(res.status).toBe(202);
    expect(res.json().event_id).toMatch(/^wh_[0-9a-f-]{36}$/);
  });

  it('refuses GET (405), a body over 1 MiB (413) and JSON that is not (400)', async () => {
    expect((await send(`${base}/hooks/orders/new`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    const big = await postHook(base, 'orders/new', TOKEN, 'x'.repeat(1024 * 1024 + 1), { 'content-type': 'text/plain' });
    expect([big.status, big.json().error]).toEqual([413, 'the body is over the webhook size limit of 1024 KiB']);
    const exactly = await postHook(base, 'orders/new', TOKEN, 'x'.repeat(1024 * 1024), { 'content-type': 'text/plain' });
    expect(exactly.status).toBe(202);
    const bad = await postHook(base, 'orders/new', TOKEN, '{"a":', {});
    expect([bad.status, bad.json().error]).toEqual([400, 'the body says it is JSON (Content-Type) but is not valid JSON']);
  });

  it('keeps the request without its secrets: no Authorization, Cookie or token', async () => {
    const stream = await openStream(base);
    const json = await postHook(base, 'orders/new', TOKEN, { order: 7 }, { cookie: 'session=s', 'X-Shop-Signature': 'sig' });
    const text = await send(`${base}/hooks/b?token=${TOKEN}&kind=text`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    const [first, second] = await stream.waitForIds([json.json().event_id as string, text.json().event_id as string]);
    stream.close();
    expect(first).toMatchObject({ event_id: json.json().event_id, path: 'orders/new', request: { method: 'POST', query: {}, body: { order: 7 } } });
    expect(first.request.headers['x-shop-signature']).toBe('sig');
    expect(first.request.headers).not.toHaveProperty('authorization');
    expect(first.request.headers).not.toHaveProperty('cookie');
    expect(second).toMatchObject({ event_id: text.json().event_id, path: 'b', request: { query: { kind: 'text' }, body: 'hello' } });
    expect(Date.parse(first.received_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify([first, second])).not.toContain(TOKEN);
  });
});

describe('the studio relay', () => {
  it('hands the token and the base URL to the studio only', async () => {
    const info = await studio(base, 'GET', '/hooks-relay/info');
    expect(info.json()).toEqual({ token: TOKEN, base_url: `${base}/hooks/` });
    const refused: Record<string, string>[] = [
      {},
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-origin', host: 'evil.example' },
      { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }
    ];
    for (const headers of refused) {
      const res = await send(`${base}/hooks-relay/info`, { headers });
      expect([res.status, res.text.includes(TOKEN)]).toEqual([403, false]);
    }
    const put = await send(`${base}/hooks-relay/paths`, { method: 'PUT', headers: { origin: 'http://evil.example' }, body: '{"paths":[]}' });
    expect(put.status).toBe(403);
    expect((await send(`${base}/hooks-relay/paths`, { method: 'PUT', body: '{"paths":[]}' })).status).toBe(403);
  });

  it('refuses bad paths and acks', async () => {
    expect((await studio(base, 'PUT', '/hooks-relay/paths', { paths: ['has space'] })).status).toBe(400);
    expect((await studio(base, 'POST', '/hooks-relay/ack', { event_id: 'wh_00000000-0000-4000-8000-000000000000', job_id: 'j' })).status).toBe(404);
    expect((await studio(base, 'POST', '/hooks-relay/ack', { event_id: 'guess' })).status).toBe(400);
    expect((await studio(base, 'GET', '/hooks-relay/nothing')).status).toBe(404);
  });

  it('sends every pending event on connect, new ones to every stream, and an acked one never again', async () => {
    const server = await start({ dataDir: join(dir, 'stream') });
    try {
      const url = server.url;
      await studio(url, 'PUT', '/hooks-relay/paths', { paths: ['p'] });
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await postHook(url, 'p', TOKEN, { i })).json().event_id);
      const [a, b] = [await openStream(url), await openStream(url)];
      expect((await a.waitFor(3)).map((e) => e.event_id)).toEqual(ids);
      expect((await b.waitFor(3)).map((e) => e.request.body)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
      const fourth = (await postHook(url, 'p', TOKEN, { i: 3 })).json().event_id;
      expect((await a.waitFor(4))[3].event_id).toBe(fourth);
      expect((await b.waitFor(4))[3].event_id).toBe(fourth);
      for (const id of [ids[0], ids[2], ids[2]]) expect((await studio(url, 'POST', '/hooks-relay/ack', { event_id: id, job_id: id })).status).toBe(204);
      const c = await openStream(url);
      expect((await c.waitFor(2)).map((e) => e.event_id)).toEqual([ids[1], fourth]);
      await new Promise((r) => setTimeout(r, 250));
      expect(c.events).toHaveLength(2);
      expect(c.pings()).toBeGreaterThan(0);
      for (const s of [a, b, c]) s.close();
    } finally {
      await server.close();
    }
  });

  it('keeps the published paths and the pending events across a restart', async () => {
    const dataDir = join(dir, 'restart');
    const first = await start({ dataDir });
    await studio(first.url, 'PUT', '/hooks-relay/paths', { paths: ['kept', 'gone'] });
    const before = (await postHook(first.url, 'kept', TOKEN)).json().event_id;
    await studio(first.url, 'PUT', '/hooks-relay/paths', { paths: ['kept'] });
    await first.close();
    const second = await start({ dataDir });
    try {
      expect((await postHook(second.url, 'gone', TOKEN)).status).toBe(404);
      const after = (await postHook(second.url, 'kept', TOKEN)).json().event_id;
      const stream = await openStream(second.url);
      expect((await stream.waitFor(2)).map((e) => e.event_id)).toEqual([before, after]);
      stream.close();
    } finally {
      await second.close();
    }
    expect((await stat(join(dataDir, 'hooks.db'))).isFile()).toBe(true);
  });
});

describe('streams', () => {
  it('refuses one past the limit, and closing the server ends the open ones', async () => {
    const server = await start({ dataDir: join(dir, 'streams'), limits: { maxStreams: 1 } });
    const open = await openStream(server.url);
    await expect(openStream(server.url)).rejects.toThrow(/429/);
    await server.close();
    open.close();
  });
});

describe('floods', () => {
  it.each([
    ['over the rate for a path', { perMinute: 3 }, 3, /at most 3 a minute/],
    ['too many events waiting for a path', { maxPendingPerPath: 2 }, 2, /waiting for the studio/]
  ])('%s → 429 with Retry-After, other paths still served', async (_what, limits, passes, message) => {
    const server = await start({ dataDir: join(dir, `flood-${passes}`), limits });
    try {
      await studio(server.url, 'PUT', '/hooks-relay/paths', { paths: ['a', 'b'] });
      for (let i = 0; i < passes; i++) expect((await postHook(server.url, 'a', TOKEN)).status).toBe(202);
      const refused = await postHook(server.url, 'a', TOKEN);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().error).toMatch(message);
      expect((await postHook(server.url, 'b', TOKEN)).status).toBe(202);
    } finally {
      await server.close();
    }
  });

  it('takes webhooks again once the studio acks the waiting ones', async () => {
    const server = await start({ dataDir: join(dir, 'drain'), limits: { maxPendingPerPath: 1 } });
    try {
      await studio(server.url, 'PUT', '/hooks-relay/paths', { paths: ['a'] });
      const id = (await postHook(server.url, 'a', TOKEN)).json().event_id;
      expect((await postHook(server.url, 'a', TOKEN)).status).toBe(429);
      await studio(server.url, 'POST', '/hooks-relay/ack', { event_id: id, job_id: id });
      expect((await postHook(server.url, 'a', TOKEN)).status).toBe(202);
    } finally {
      await server.close();
    }
  });
});

describe('the token file', () => {
  it('is made once, readable by its owner only', async () => {
    const tokenFile = join(dir, 'config', 'sous', 'hooks-token');
    const first = await startServer({ port: 0, proxy: false, hooks: { tokenFile, dataDir: join(dir, 'tf') } });
    await first.close();
    const second = await startServer({ port: 0, proxy: false, hooks: { tokenFile, dataDir: join(dir, 'tf') } });
    await second.close();
    expect([first.hooks?.created, second.hooks?.created, second.hooks?.token]).toEqual([true, false, first.hooks?.token]);
    expect((await readFile(tokenFile, 'utf8')).trim()).toBe(first.hooks?.token);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
  });
});
