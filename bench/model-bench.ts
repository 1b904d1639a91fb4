/**
 * The model side without a model (none can run here): how fast the byte-counting download fills WebLLM's
 * cache layout from a local folder (a workshop's `--models`), and how fast a recorded AI answer replays.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryReplayStore } from '../src/lib/ai/replay/replay-store';
import { ScriptedModelClient } from '../src/lib/ai/scripted-model-client';
import { MemoryCaches } from '../src/lib/ai/runtime/memory-caches';
import { downloadModel } from '../src/lib/ai/runtime/model-files';
import { createAiConnector } from '../src/lib/connectors/ai';
import type { Figure } from './engine-bench';

const SHARD = 32 * 1024 * 1024;
const SHARDS = 4;

/** MB/s from a 127.0.0.1 server into in-memory caches: the downloader's own cost, not the network's. */
export async function localDownload(): Promise<Figure> {
  const shard = Buffer.alloc(SHARD, 7);
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.endsWith('mlc-chat-config.json')) return res.end(JSON.stringify({ tokenizer_files: ['tokenizer.json'] }));
    if (path.endsWith('tensor-cache.json')) return res.end(JSON.stringify({ records: Array.from({ length: SHARDS }, (_, i) => ({ dataPath: `s${i}.bin`, nbytes: SHARD })) }));
    if (path.endsWith('.bin')) return res.end(shard);
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  await downloadModel({ model: `${base}/m/resolve/main/`, model_id: 'm', model_lib: `${base}/libs/m.wasm` }, { caches: new MemoryCaches() });
  const seconds = (performance.now() - started) / 1000;
  server.close();
  return { name: 'model download into the cache (local server)', value: (SHARD * SHARDS) / 1024 / 1024 / seconds, unit: 'MB/s', detail: `${SHARDS} × 32 MB shards, counted byte by byte` };
}

/** Replayed ai.classify steps per second (a re-run of a job full of AI steps). */
export async function replays(): Promise<Figure> {
  const client = new ScriptedModelClient([{ label: 'invoice', confidence: 0.9 }]);
  const ai = createAiConnector({ extractBasic: () => { throw new Error('unused'); }, model: async () => client, replays: new MemoryReplayStore() });
  const ctx = { user: { id: 'b', name: 'b', roles: [] }, signal: new AbortController().signal, jobId: 'b', path: 'b' };
  const input = { text: 'Invoice INV-1 from ACME, total EUR 1,190.00. '.repeat(40), labels: ['invoice', 'receipt', 'complaint'] };
  await ai.actions.classify.execute(input, ctx);
  const n = 2000;
  const started = performance.now();
  for (let i = 0; i < n; i++) await ai.actions.classify.execute(input, ctx);
  const seconds = (performance.now() - started) / 1000;
  return { name: 'replayed ai.classify steps', value: n / seconds, unit: 'steps/s', detail: `${n} replays of a 2 KB input (sha-256 key), model asked once` };
}
