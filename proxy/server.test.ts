/** One port serves the built studio and the proxy; the studio's own page can fetch the token. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';
import { raw, startUpstream, tableResolver, via, type TestProxy, type Upstream } from './test-support';

let dir: string;
let root: string;
let running: RunningServer;
let upstream: Upstream;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sous-server-'));
  root = join(dir, 'build');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>studio</title>');
  upstream = await startUpstream({});
  running = await startServer({
    root,
    port: 0,
    proxy: { tokenFile: join(dir, 'config', 'sous', 'proxy-token'), allow: ['api.test'], resolve: tableResolver({ 'api.test': ['127.0.0.1'] }), log: () => {} }
  });
});
afterAll(async () => {
  await running.close();
  await upstream.close();
});

const asProxy = (): TestProxy => ({ ...running, host: new URL(running.url).host, origin: running.url, lines: [] });

describe('the studio and the proxy on one port', () => {
  it('serves the studio', async () => {
    const page = await raw(asProxy(), '/recipes/1', { headers: { 'x-sous-proxy-token': '' } });
    expect([page.status, page.text]).toEqual([200, '<!doctype html><title>studio</title>']);
  });

  it('makes a token file at first start and hands it to the same-origin studio, which can then use the proxy', async () => {
    const proxy = asProxy();
    const tokenAnswer = await raw(proxy, '/proxy/token', { headers: { 'x-sous-proxy-token': '', 'sec-fetch-site': 'same-origin' } });
    const token = tokenAnswer.json().token as string;
    expect(token).toBe(running.token);
    expect(token).toHaveLength(43);
    const res = await raw(proxy, via(`http://api.test:${upstream.port}/hello`), { headers: { 'x-sous-proxy-token': token, origin: running.url } });
    expect([res.status, res.text]).toEqual([200, 'reached /hello']);
  });

  it('with the proxy turned off, /proxy is just a studio route', async () => {
    const studioOnly = await startServer({ root, port: 0, proxy: false });
    try {
      const res = await raw({ ...studioOnly, host: new URL(studioOnly.url).host, origin: studioOnly.url, lines: [] }, '/proxy/token', { headers: { 'sec-fetch-site': 'same-origin' } });
      expect(res.text).toContain('studio');
      expect(studioOnly.token).toBeUndefined();
    } finally {
      await studioOnly.close();
    }
  });

  it('runs the proxy alone when no studio folder is given', async () => {
    const alone = await startServer({ port: 0, proxy: { token: 'a'.repeat(43), log: () => {} } });
    try {
      const res = await raw({ ...alone, host: new URL(alone.url).host, origin: alone.url, lines: [] }, '/', { headers: { 'x-sous-proxy-token': '' } });
      expect([res.status, res.text]).toEqual([404, 'this server runs the Sous proxy only: /proxy?url=…\n']);
    } finally {
      await alone.close();
    }
  });
});

describe('a token file that cannot be written', () => {
  it('still starts, with a token for this run', async () => {
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'a file where the config folder should be');
    const warn = console.warn;
    console.warn = () => {};
    try {
      const started = await startServer({ port: 0, proxy: { tokenFile: join(blocker, 'sous', 'proxy-token'), log: () => {} } });
      expect(started.token).toHaveLength(43);
      await started.close();
    } finally {
      console.warn = warn;
    }
  });
});
