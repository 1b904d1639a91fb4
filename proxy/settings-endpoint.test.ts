/**
 * The studio's "Allow 127.0.0.1:PORT for this studio", against a real server on 127.0.0.1: only the
 * studio's own origin with the per-server token may open an address, exactly the host:port asked, never a
 * cloud metadata address; the opened address is then proxied, and closing it refuses it again.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntimeAllowlist, parseHostPort } from './runtime-allow';
import { startServer, type RunningServer } from './server';
import { raw, startUpstream, TOKEN, via, type RawOptions, type TestProxy, type Upstream } from './test-support';

let running: RunningServer;
let upstream: Upstream;
let other: Upstream;
let proxy: TestProxy;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sous-settings-'));
  await mkdir(join(dir, 'build'), { recursive: true });
  await writeFile(join(dir, 'build', 'index.html'), '<!doctype html><title>studio</title>');
  upstream = await startUpstream({ '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}') });
  other = await startUpstream({});
  running = await startServer({ root: join(dir, 'build'), port: 0, proxy: { token: TOKEN, log: () => {} } });
  proxy = { ...running, host: new URL(running.url).host, origin: running.url, lines: [] };
});
afterAll(async () => {
  await running.close();
  await upstream.close();
  await other.close();
});

/** As the studio page's own fetch sends it. */
const studio = (extra: Record<string, string> = {}) => ({ origin: proxy.origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', ...extra });

async function settingsToken(): Promise<string> {
  const answer = await raw(proxy, '/proxy-settings/token', { headers: { 'sec-fetch-site': 'same-origin', 'x-sous-proxy-token': '' } });
  expect(answer.status).toBe(200);
  return answer.json().token as string;
}

function allow(host: string, options: { headers?: Record<string, string>; token?: string } = {}) {
  const request: RawOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...studio(options.headers), ...(options.token !== undefined ? { 'x-sous-settings-token': options.token } : {}) },
    body: JSON.stringify({ host })
  };
  return raw(proxy, '/proxy-settings/allow', request);
}

const call = (target: string) => raw(proxy, via(target), { headers: { origin: proxy.origin } });

describe('opening an address from the studio', () => {
  it('refuses a local address before it is opened', async () => {
    const answer = await call(`${upstream.url}/ok`);
    expect([answer.status, answer.json().error?.code]).toEqual([403, 'forbidden_address']);
  });

  it('hands the token only to a same-origin request', async () => {
    const asks: Array<Record<string, string>> = [{}, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:1' }];
    for (const headers of asks) {
      const answer = await raw(proxy, '/proxy-settings/token', { headers: { ...headers, 'x-sous-proxy-token': '' } });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.text).not.toContain('"token"');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses a cross-origin request, even with the token', async () => {
    const token = await settingsToken();
    for (const headers of [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { origin: 'http://localhost:1', 'sec-fetch-site': 'same-site' }]) {
      const answer = await allow(`127.0.0.1:${upstream.port}`, { headers, token });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
    }
    const noOrigin = await raw(proxy, '/proxy-settings/allow', { method: 'POST', headers: { 'content-type': 'application/json', 'x-sous-settings-token': token }, body: '{"host":"127.0.0.1:1"}' });
    expect(noOrigin.status).toBe(403);
    const rebound = await allow(`127.0.0.1:${upstream.port}`, { headers: { host: 'evil.example:80' }, token });
    expect(rebound.status).toBe(403);
  });

  it('refuses without the token, or with another one', async () => {
    expect((await allow(`127.0.0.1:${upstream.port}`)).status).toBe(401);
    expect((await allow(`127.0.0.1:${upstream.port}`, { token: TOKEN })).status).toBe(401);
    expect((await call(`${upstream.url}/ok`)).status).toBe(403);
  });

  it.each(['169.254.169.254:80', '[::ffff:169.254.169.254]:80', 'metadata.google.internal:80', '169.254.1.1:8080', '[fd00:ec2::254]:80', '0.0.0.0:80', '127.0.0.0/8', '127.0.0.1', 'http://127.0.0.1:80'])(
    'never opens %s',
    async (host) => {
      const answer = await allow(host, { token: await settingsToken() });
      expect(answer.status).toBe(400);
      expect((await raw(proxy, '/proxy-settings/allow', { headers: { ...studio(), 'x-sous-settings-token': await settingsToken() } })).json().allowed).toEqual([]);
    }
  );

  it('opens exactly the host:port asked, lists it, proxies it, and closes it again', async () => {
    const token = await settingsToken();
    const added = await allow(`127.0.0.1:${upstream.port}`, { token });
    expect([added.status, added.json().entry]).toEqual([200, `127.0.0.1:${upstream.port}`]);
    const listed = await raw(proxy, '/proxy-settings/allow', { headers: { ...studio(), 'x-sous-settings-token': token } });
    expect(listed.json().allowed).toEqual([`127.0.0.1:${upstream.port}`]);

    const through = await call(`${upstream.url}/ok`);
    expect([through.status, through.text]).toEqual([200, '{"ok":true}']);
    // Another port of the same host stays closed, and so does the same port by another spelling of it.
    expect((await call(`${other.url}/`)).json().error?.code).toBe('forbidden_address');
    expect((await call(`http://[::ffff:127.0.0.1]:${upstream.port}/ok`)).json().error?.code).toBe('forbidden_address');

    const removed = await raw(proxy, `/proxy-settings/allow?host=${encodeURIComponent(`127.0.0.1:${upstream.port}`)}`, { method: 'DELETE', headers: { ...studio(), 'x-sous-settings-token': token } });
    expect([removed.status, removed.json().allowed]).toEqual([200, []]);
    expect((await call(`${upstream.url}/ok`)).json().error?.code).toBe('forbidden_address');
  });
});

describe('the runtime allowlist', () => {
  it.each([
    ['127.0.0.1:8080', '127.0.0.1', 8080],
    ['[::1]:8080', '::1', 8080],
    ['[0:0:0:0:0:0:0:1]:80', '::1', 80],
    ['LocalHost:3000', 'localhost', 3000]
  ])('reads %s', (entry, host, port) => expect(parseHostPort(entry)).toEqual({ host, port }));
  it.each(['127.0.0.1', '10.0.0.0/8:80', 'a b:80', 'x:0', 'x:70000', 'user@x:80'])('refuses %s', (entry) => expect(parseHostPort(entry)).toBeNull());
  it('matches one spelling of each address', () => {
    const list = createRuntimeAllowlist();
    expect(list.add('[::1]:8080')).toEqual({ ok: true, entry: '[::1]:8080' });
    expect([list.has('[::1]', 8080), list.has('0:0:0:0:0:0:0:1', 8080), list.has('::1', 8081), list.has('127.0.0.1', 8080)]).toEqual([true, true, false, false]);
  });
});
