/** For tests: a tiny model record and its files put in a cache, as a finished download leaves them. */
import type { MemoryCaches } from './memory-caches';
import { CACHE_NAMES } from './model-files';
import type { ModelRecordLike } from './models';

export const TINY_RECORD: ModelRecordLike = { model: 'https://huggingface.co/mlc-ai/Tiny-MLC', model_id: 'Tiny-MLC', model_lib: 'https://x/lib.wasm' };

/** Every file of `TINY_RECORD` under the base URL `base`, so `isModelCached` says yes. */
export async function cacheTinyModel(caches: MemoryCaches, base: string): Promise<void> {
  const root = `${base}/Tiny-MLC/resolve/main/`;
  await (await caches.open(CACHE_NAMES.config)).put(`${root}mlc-chat-config.json`, new Response('{}'));
  await (await caches.open(CACHE_NAMES.model)).put(`${root}tensor-cache.json`, new Response('{"records":[{"dataPath":"a.bin"}]}'));
  await (await caches.open(CACHE_NAMES.model)).put(`${root}a.bin`, new Response('x'));
  await (await caches.open(CACHE_NAMES.model)).put(`${root}tokenizer.json`, new Response('{}'));
  await (await caches.open(CACHE_NAMES.wasm)).put(`${base}/libs/lib.wasm`, new Response('w'));
}
