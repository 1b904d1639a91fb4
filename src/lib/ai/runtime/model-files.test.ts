/**
 * Downloading a model's files from a real 127.0.0.1 server (dummy files: no weights exist here) into
 * caches laid out as WebLLM reads them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCaches } from './memory-caches';
import { cachedWeightBytes, DownloadError, deleteModelFiles, downloadModel, isModelCached, type DownloadProgress } from './model-files';
import { withBaseUrl } from './model-source';
import type { ModelRecordLike } from './models';

const SHARD = 64 * 1024;
const files: Record<string, string | Buffer> = {
  'Tiny-q4f32_1-MLC/resolve/main/mlc-chat-config.json': JSON.stringify({ tokenizer_files: ['tokenizer.json'] }),
  'Tiny-q4f32_1-MLC/resolve/main/tensor-cache.json': JSON.stringify({
    records: [{ dataPath: 'params_shard_0.bin', nbytes: SHARD }, { dataPath: 'params_shard_1.bin', nbytes: SHARD }]
  }),
  'Tiny-q4f32_1-MLC/resolve/main/params_shard_0.bin': Buffer.alloc(SHARD, 1),
  'Tiny-q4f32_1-MLC/resolve/main/params_shard_1.bin': Buffer.alloc(SHARD, 2),
  'Tiny-q4f32_1-MLC/resolve/main/tokenizer.json': '{}',
  'libs/Tiny-q4f32_1-webgpu.wasm': Buffer.alloc(100, 3),
  // A broken model: its list promises more bytes than the shard has; another has no valid list.
  'Broken-q4f32_1-MLC/resolve/main/mlc-chat-config.json': JSON.stringify({ tokenizer_files: ['tokenizer.json'] }),
  'Broken-q4f32_1-MLC/resolve/main/tensor-cache.json': JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: SHARD * 2 }] }),
  'Broken-q4f32_1-MLC/resolve/main/params_shard_0.bin': Buffer.alloc(SHARD, 1),
  'NotJson-q4f32_1-MLC/resolve/main/mlc-chat-config.json': '{}',
  'NotJson-q4f32_1-MLC/resolve/main/tensor-cache.json': '<html>login page</html>'
};

let server: Server;
let base = '';
let served: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '').replace(/^\/models\//, ''));
    served.push(path);
    const body = files[path];
    if (body === undefined) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const record = (id: string): ModelRecordLike =>
  withBaseUrl({ model: `https://huggingface.co/mlc-ai/${id}`, model_id: id, model_lib: `https://example.invalid/v0_2_86/base/${id.replace('-MLC', '').replace('_1', '_1')}-webgpu.wasm` }, base);

describe('downloadModel', () => {
  it('fetches every file into the WebLLM caches, reporting bytes that rise to the total', async () => {
    const caches = new MemoryCaches();
    const tiny = { ...record('Tiny-q4f32_1-MLC'), model_lib: `${base}/libs/Tiny-q4f32_1-webgpu.wasm` };
    const seen: DownloadProgress[] = [];
    let t = 0;
    await downloadModel(tiny, { caches, onProgress: (p) => seen.push(p), now: () => (t += 100) });
    expect(await isModelCached(tiny, caches)).toBe(true);
    expect([...caches.stores.keys()].sort()).toEqual(['webllm/config', 'webllm/model', 'webllm/wasm']);
    expect([...caches.stores.get('webllm/model')!.keys()]).toContain(`${base}/Tiny-q4f32_1-MLC/resolve/main/params_shard_1.bin`);
    const last = seen.at(-1)!;
    expect(last.loaded).toBe(2 * SHARD + 2 + 100);
    expect(last.total).toBe(last.loaded);
    expect(seen.map((p) => p.loaded)).toEqual([...seen.map((p) => p.loaded)].sort((a, b) => a - b));
    expect(last.speed).toBeGreaterThan(0);
    expect(seen.some((p) => p.loaded < p.total && p.secondsLeft !== null && p.secondsLeft > 0)).toBe(true);
  });

  it('a second download fetches nothing but the small lists (offline afterwards)', async () => {
    const caches = new MemoryCaches();
    const tiny = { ...record('Tiny-q4f32_1-MLC'), model_lib: `${base}/libs/Tiny-q4f32_1-webgpu.wasm` };
    await downloadModel(tiny, { caches });
    served = [];
    await downloadModel(tiny, { caches, fetch: () => Promise.reject(new Error('offline')) });
    expect(served).toEqual([]);
  });

  it('cancel stops it with a plain message, and keeps what came', async () => {
    const caches = new MemoryCaches();
    const tiny = { ...record('Tiny-q4f32_1-MLC'), model_lib: `${base}/libs/Tiny-q4f32_1-webgpu.wasm` };
    const abort = new AbortController();
    const err = await downloadModel(tiny, { caches, signal: abort.signal, onProgress: (p) => p.file === 'params_shard_1.bin' && abort.abort() }).catch((e) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect(err.code).toBe('cancelled');
    expect(await isModelCached(tiny, caches)).toBe(false);
    // The two lists and the first shard were kept.
    expect(await deleteModelFiles(tiny, caches)).toBe(3);
    expect(caches.size()).toBe(0);
  });

  it.each([
    ['Broken-q4f32_1-MLC', 'broken', /params_shard_0\.bin is 65536 bytes, but the model's file list says 131072/],
    ['NotJson-q4f32_1-MLC', 'broken', /tensor-cache\.json is not valid JSON/],
    ['Missing-q4f32_1-MLC', 'not_found', /mlc-chat-config\.json is not at http:\/\/127\.0\.0\.1:\d+\/models\/Missing-q4f32_1-MLC\/resolve\/main\/mlc-chat-config\.json \(404\)/]
  ])('%s fails with a clear error (%s)', async (id, code, message) => {
    const err = await downloadModel(record(id), { caches: new MemoryCaches() }).catch((e) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('a server that cannot be reached is said plainly', async () => {
    const err = await downloadModel(withBaseUrl(record('Tiny-q4f32_1-MLC'), 'http://127.0.0.1:9'), { caches: new MemoryCaches() }).catch((e) => e);
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/^Could not reach 127\.0\.0\.1:9 to download mlc-chat-config\.json/);
  });
});

describe('withBaseUrl', () => {
  it('moves the files and the library under the base, in the Hugging Face layout', () => {
    const moved = withBaseUrl(
      { model: 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f16_1-MLC', model_id: 'Qwen3-0.6B-q4f16_1-MLC', model_lib: 'https://raw.githubusercontent.com/x/v0_2_86/base/Qwen3-0.6B-q4f16_1_cs1k-webgpu.wasm' },
      'http://127.0.0.1:5177/models'
    );
    expect(moved.model).toBe('http://127.0.0.1:5177/models/Qwen3-0.6B-q4f16_1-MLC/resolve/main/');
    expect(moved.model_lib).toBe('http://127.0.0.1:5177/models/libs/Qwen3-0.6B-q4f16_1_cs1k-webgpu.wasm');
  });
});

describe('cachedWeightBytes', () => {
  it('sums the cached file list, or says null before it is cached', async () => {
    const caches = new MemoryCaches();
    const tiny = { ...record('Tiny-q4f32_1-MLC'), model_lib: `${base}/libs/Tiny-q4f32_1-webgpu.wasm` };
    expect(await cachedWeightBytes(tiny, caches)).toBeNull();
    await downloadModel(tiny, { caches });
    expect(await cachedWeightBytes(tiny, caches)).toBe(2 * SHARD);
  });
});
