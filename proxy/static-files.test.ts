import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server';

let base: string;
let close: () => void;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sous-static-'));
  const root = join(dir, 'build');
  await mkdir(join(root, '_app', 'immutable'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>studio</title>');
  await writeFile(join(root, '_app', 'immutable', 'app.js'), 'export {}');
  await writeFile(join(dir, 'secret.txt'), 'outside the build folder');
  const { server, url } = await startServer({ root, port: 0, proxy: false });
  base = url;
  close = () => server.close();
});
afterAll(() => close());

/** A raw GET, so `..` in the path reaches the server as written (fetch would normalise it). */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.path = path;
    req.end();
  });
}

describe('the static server for the built studio', () => {
  it.each([
    ['/', 200, 'studio'],
    ['/recipes/some-recipe', 200, 'studio'],
    ['/_app/immutable/app.js', 200, 'export {}'],
    ['/_app/immutable/missing.js', 404, 'not found'],
    ['/../secret.txt', 404, 'not found'],
    ['/%2e%2e/secret.txt', 404, 'not found'],
    // URL parsing folds %2e%2e into .. and then away: this is the app route /etc/passwd, not the file.
    ['/%2e%2e/%2e%2e/etc/passwd', 200, 'studio']
  ])('GET %s answers %i', async (path, status, text) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body).toContain(text);
    expect(res.body).not.toContain('outside the build folder');
  });

  it('caches hashed assets for ever and pages never', async () => {
    expect((await get('/_app/immutable/app.js')).headers['cache-control']).toContain('immutable');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });

  it('sends the security headers and refuses other methods', async () => {
    const page = await get('/');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/', 'POST')).status).toBe(405);
  });
});
