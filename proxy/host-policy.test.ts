/**
 * The policy's `hosts` on the proxy's side, against real servers on 127.0.0.1 (api.test and other.test are
 * names for it, opened in the allowlist so only the policy decides): an unlisted host is refused before
 * anything is sent (the upstream counts no hit), on a redirect too; the studio sets and lifts the policy
 * through /proxy-settings/policy with the same guards and token as /proxy-settings/allow.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostPolicy } from './host-policy';
import { setProxyPolicy } from './client';
import { startServer } from './server';
import { raw, startUpstream, tableResolver, TOKEN, via, type TestProxy, type Upstream } from './test-support';

let upstream: Upstream;
let proxy: TestProxy;
const policy = { name: 'Finance workshop', hosts: ['api.test', '*.corp.test'] };

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sous-policy-'));
  await mkdir(join(dir, 'build'), { recursive: true });
  await writeFile(join(dir, 'build', 'index.html'), '<!doctype html><title>studio</title>');
  upstream = await startUpstream({
    '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    '/away': (_req, res) => res.writeHead(302, { location: `http://other.test:${upstream.port}/target` }).end()
  });
  const names = ['api.test', 'other.test', 'erp.corp.test', 'corp.test', 'evilcorp.test'];
  const running = await startServer({
    root: join(dir, 'build'),
    port: 0,
    proxy: { token: TOKEN, log: () => {}, allow: names, resolve: tableResolver(Object.fromEntries(names.map((n) => [n, ['127.0.0.1']]))), policy }
  });
  proxy = { ...running, host: new URL(running.url).host, origin: running.url, lines: [] };
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const call = (target: string) => raw(proxy, via(target), { headers: { origin: proxy.origin } });
const at = (name: string, path: string) => `http://${name}:${upstream.port}${path}`;

describe('a policy given at start (--policy)', () => {
  it('forwards to a listed host and a listed subdomain', async () => {
    expect((await call(at('api.test', '/ok'))).status).toBe(200);
    expect((await call(at('erp.corp.test', '/ok'))).status).toBe(200);
    // Another spelling of a listed name passes the policy (the test's resolver then knows no such name).
    expect((await call(at('API.TEST.', '/ok'))).json().error?.code).not.toBe('policy_host');
  });

  it.each(['other.test', 'corp.test', 'evilcorp.test'])('refuses %s before anything is sent, naming the policy and the host', async (name) => {
    const before = upstream.hits.get('/ok') ?? 0;
    const answer = await call(at(name, '/ok'));
    expect([answer.status, answer.json().error?.code, answer.headers['x-sous-proxy-error']]).toEqual([403, 'policy_host', 'policy_host']);
    expect(answer.json().error?.message).toContain('"Finance workshop"');
    expect(answer.json().error?.message).toContain(`"${name}"`);
    expect(upstream.hits.get('/ok') ?? 0).toBe(before);
  });

  it('judges a redirect to an unlisted host the same way', async () => {
    const answer = await call(at('api.test', '/away'));
    expect([answer.status, answer.json().error?.code]).toEqual([403, 'policy_host']);
    expect(upstream.hits.get('/away')).toBe(1);
    expect(upstream.hits.get('/target')).toBeUndefined();
  });
});

describe('the studio setting the policy (setProxyPolicy)', () => {
  /** The studio page's own fetch: relative paths on the server's origin, with the browser's headers. */
  const studioFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('sec-fetch-site', 'same-origin');
    if (init?.method && init.method !== 'GET') headers.set('origin', proxy.origin);
    return fetch(`${proxy.url}${String(input)}`, { ...init, headers });
  };

  it('replaces the policy, lifts it, and refuses another origin or a missing token', async () => {
    expect(await setProxyPolicy({ name: 'Only other', hosts: ['other.test'] }, studioFetch)).toEqual({ ok: true });
    expect((await call(at('other.test', '/ok'))).status).toBe(200);
    expect((await call(at('api.test', '/ok'))).json().error?.message).toContain('"Only other"');

    const body = JSON.stringify({ name: 'x', hosts: [] });
    const evil = await raw(proxy, '/proxy-settings/policy', { method: 'POST', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body });
    expect(evil.status).toBe(403);
    const noToken = await raw(proxy, '/proxy-settings/policy', { method: 'POST', headers: { origin: proxy.origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body });
    expect(noToken.status).toBe(401);

    expect(await setProxyPolicy(null, studioFetch)).toEqual({ ok: true });
    expect((await call(at('api.test', '/ok'))).status).toBe(200);
    expect(await setProxyPolicy(policy, studioFetch)).toEqual({ ok: true });
  });

  it('says when no server serves the studio', async () => {
    const none: typeof fetch = async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect(await setProxyPolicy(policy, none)).toMatchObject({ ok: false, reason: 'no_server' });
  });
});

describe('host matching', () => {
  it('matches exactly, or any subdomain for *.', () => {
    const hosts = createHostPolicy({ name: 'p', hosts: ['a.example', '*.b.example'] });
    const allowed = (u: string) => {
      try {
        hosts.check(new URL(u));
        return true;
      } catch {
        return false;
      }
    };
    expect(['https://a.example/', 'https://x.b.example/', 'https://x.y.b.example/', 'https://b.example/', 'https://xa.example/', 'http://[::1]/'].map(allowed)).toEqual([true, true, true, false, false, false]);
    hosts.set(undefined);
    expect(allowed('http://anything.example/')).toBe(true);
  });
});
