/** The read-only /models/ folder, against the real server (raw requests, so `..` reaches it as written). */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server';

let base: string;
let dir: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sous-models-'));
  const models = join(dir, 'models');
  await mkdir(join(models, 'Tiny-MLC', 'resolve', 'main'), { recursive: true });
  await mkdir(join(models, 'libs'));
  await writeFile(join(models, 'Tiny-MLC', 'resolve', 'main', 'tensor-cache.json'), '{"records":[]}');
  await writeFile(join(models, 'libs', 'tiny.wasm'), Buffer.alloc(10));
  await writeFile(join(dir, 'secret.txt'), 'outside the models folder');
  await mkdir(join(dir, 'build'));
  await writeFile(join(dir, 'build', 'index.html'), '<!doctype html><title>studio</title>');
  await symlink(join(dir, 'secret.txt'), join(models, 'leak.bin'));
  // A linked folder that leads out, and a sibling whose name starts like the models folder's.
  await mkdir(join(dir, 'models-evil'));
  await writeFile(join(dir, 'models-evil', 'w.bin'), 'outside the models folder');
  await symlink(dir, join(models, 'up'));
  await symlink(join(dir, 'models-evil'), join(models, 'sib'));
  const running = await startServer({ root: join(dir, 'build'), models, port: 0, proxy: false });
  base = running.url;
  close = running.close;
});
afterAll(() => close());

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

describe('--models: model files at /models/', () => {
  it('serves a file with its type and length, readable from any origin', async () => {
    const res = await get('/models/Tiny-MLC/resolve/main/tensor-cache.json');
    expect(res).toMatchObject({ status: 200, body: '{"records":[]}' });
    expect(res.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'content-length': '14', 'access-control-allow-origin': '*' });
    expect((await get('/models/libs/tiny.wasm', 'HEAD')).headers['content-type']).toBe('application/wasm');
  });

  it.each([
    ['/models/', 404],
    ['/models/Tiny-MLC/', 404],
    ['/models/libs', 404],
    ['/models/nope.bin', 404],
    ['/models/../secret.txt', 403],
    ['/models/%2e%2e/secret.txt', 403],
    ['/models/Tiny-MLC/..%2f..%2fsecret.txt', 403],
    ['/models/..%5csecret.txt', 403],
    ['/models/leak.bin', 404],
    ['/models/%2E%2E/secret.txt', 403],
    ['/models/.%2e/secret.txt', 403],
    ['/models/%2e%2e%2fsecret.txt', 403],
    ['/models/libs/../../secret.txt', 403],
    ['/models/libs/%2e%2e/%2e%2e/secret.txt', 403],
    ['/models/%252e%252e/secret.txt', 404],
    ['/models/..\\secret.txt', 403],
    ['/models/libs\\..\\..\\secret.txt', 403],
    ['/models/%5c..%5csecret.txt', 403],
    ['/models/./leak.bin', 403],
    ['/models/secret.txt%00.bin', 403],
    ['/models/%2fetc%2fpasswd', 404],
    ['/models//etc/passwd', 404],
    ['/models/%2F%2E%2E%2Fsecret.txt', 403],
    ['/models/up/secret.txt', 404],
    ['/models/up/models-evil/w.bin', 404],
    ['/models/sib/w.bin', 404],
    ['/models/%', 400]
  ])('%s answers %i and never a listing or an outside file', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body).not.toMatch(/outside the models folder|Tiny-MLC|tiny\.wasm/);
  });

  it('leaves /models itself to the studio (its Models page)', async () => {
    const res = await get('/models');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>studio</title>');
  });

  it('is read-only', async () => {
    expect((await get('/models/libs/tiny.wasm', 'PUT')).status).toBe(405);
    expect((await get('/models/libs/tiny.wasm', 'DELETE')).status).toBe(405);
  });

  it('`tsx proxy/main.ts --models DIR` serves it, and says where', async () => {
    const child = spawn('npx', ['tsx', 'proxy/main.ts', '--port', '0', '--no-proxy', '--root', join(dir, 'build'), '--models', join(dir, 'models')], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c) => {
          text += c;
          if (text.includes('model files from')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/models)/.exec(out)![1];
      const res = await fetch(`${url}/libs/tiny.wasm`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(10);
    } finally {
      child.kill();
    }
  });
});
