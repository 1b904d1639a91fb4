import { mkdtemp, mkdir, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../scripts/precompress';
import { startServer } from './server';

/** Big and repetitive enough to be worth compressing. */
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const STYLE = `body { color: red; }\n`.repeat(200);

let base: string;
let close: () => void;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sous-static-'));
  const root = join(dir, 'build');
  await mkdir(join(root, '_app', 'immutable'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>studio</title>');
  await writeFile(join(root, '_app', 'immutable', 'app.js'), 'export {}');
  await writeFile(join(dir, 'secret.txt'), 'outside the build folder');
  await writeFile(join(root, '_app', 'immutable', 'big.js'), SCRIPT);
  await writeFile(join(root, 'style.css'), STYLE);
  await writeFile(join(root, 'small.js'), 'export {}'); // too small to get copies
  await writeFile(join(root, 'eng.traineddata.gz'), Buffer.from([0x1f, 0x8b, 8, 0, ...Array(2000).fill(7)])); // gzipped already
  await writeFile(join(root, 'index.html'), `<!doctype html><title>studio</title>${'<p>studio page</p>'.repeat(100)}`);
  await writeFile(join(root, 'edited.css'), STYLE);
  // The build step's own code writes the copies, as after `vite build`.
  await precompressFolder(root);
  // A file changed after its copies were written: the copies are stale and must not be sent.
  await writeFile(join(root, 'edited.css'), 'body { color: blue; }\n'.repeat(200));
  await utimes(join(root, 'edited.css'), new Date(), new Date(Date.now() + 5_000));
  const { server, url } = await startServer({ root, port: 0, proxy: false });
  base = url;
  close = () => server.close();
});
afterAll(() => close());

/** A raw GET, so `..` in the path reaches the server as written (fetch would normalise it). */
function get(
  path: string,
  method = 'GET',
  headers: Record<string, string> = {}
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
      });
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

describe('precompressed copies', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['', undefined]
  ])('Accept-Encoding %j is answered with %s', async (accept, encoding) => {
    const res = await get('/_app/immutable/big.js', 'GET', accept ? { 'accept-encoding': accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(Number(res.headers['content-length'])).toBe(res.raw.length);
    const text = encoding === 'br' ? brotliDecompressSync(res.raw).toString() : encoding === 'gzip' ? gunzipSync(res.raw).toString() : res.body;
    expect(text).toBe(SCRIPT);
    if (encoding) expect(res.raw.length).toBeLessThan(SCRIPT.length / 2);
  });

  it('never sends a compressed copy to a client that did not ask (no Accept-Encoding at all)', async () => {
    for (const path of ['/_app/immutable/big.js', '/style.css', '/', '/recipes/x']) {
      const res = await get(path);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).not.toMatch(/^\x1f\x8b/);
    }
  });

  it('compresses the page of every route, and the stylesheets, with their own types', async () => {
    const page = await get('/recipes/some-recipe', 'GET', { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.raw).toString()).toContain('studio page');
    const css = await get('/style.css', 'GET', { 'accept-encoding': 'gzip' });
    expect([css.headers['content-encoding'], css.headers['content-type']]).toEqual(['gzip', 'text/css; charset=utf-8']);
    expect(gunzipSync(css.raw).toString()).toBe(STYLE);
  });

  it('sends small files and files gzipped already as they are', async () => {
    const small = await get('/small.js', 'GET', { 'accept-encoding': 'br, gzip' });
    expect([small.headers['content-encoding'], small.headers.vary, small.body]).toEqual([undefined, undefined, 'export {}']);
    const data = await get('/eng.traineddata.gz', 'GET', { 'accept-encoding': 'br, gzip' });
    expect(data.headers['content-encoding']).toBeUndefined();
    expect(data.raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it('never sends a copy older than its file', async () => {
    const res = await get('/edited.css', 'GET', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toContain('blue');
  });

  it('answers HEAD with the headers of the encoding it would send and no body', async () => {
    const full = await get('/_app/immutable/big.js', 'GET', { 'accept-encoding': 'br' });
    const head = await get('/_app/immutable/big.js', 'HEAD', { 'accept-encoding': 'br' });
    expect(head.status).toBe(200);
    expect(head.raw.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(String(full.raw.length));
  });

  it('answers 304 to a matching ETag or a date no older than the file, per encoding', async () => {
    const br = await get('/style.css', 'GET', { 'accept-encoding': 'br' });
    const gz = await get('/style.css', 'GET', { 'accept-encoding': 'gzip' });
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const again = await get('/style.css', 'GET', { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect([again.status, again.raw.length, again.headers.etag, again.headers.vary]).toEqual([304, 0, br.headers.etag, 'Accept-Encoding']);
    // The brotli tag does not match the gzip answer: the full file comes.
    expect((await get('/style.css', 'GET', { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) })).status).toBe(200);
    const since = String(br.headers['last-modified']);
    expect((await get('/style.css', 'GET', { 'if-modified-since': since })).status).toBe(304);
    expect((await get('/style.css', 'GET', { 'if-modified-since': new Date(Date.parse(since) - 60_000).toUTCString() })).status).toBe(200);
  });
});
