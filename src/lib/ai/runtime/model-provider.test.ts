/** Which model `ai` steps get; loading is a stand-in (no GPU or weights here), the cache check is real. */
import { describe, expect, it } from 'vitest';
import { ScriptedModelClient } from '../scripted-model-client';
import { MemoryCaches } from './memory-caches';
import { createModelProvider, type ModelSettings } from './model-provider';
import { cacheTinyModel, TINY_RECORD } from './test-kit';

const RECORD = TINY_RECORD;
const cacheAll = cacheTinyModel;

describe('createModelProvider', () => {
  it('basic mode (undefined) until a chosen model is fully cached; then loads it once', async () => {
    const caches = new MemoryCaches();
    const settings: ModelSettings = { base: 'http://127.0.0.1:5177/models', active: '' };
    const loads: string[] = [];
    const provide = createModelProvider({
      settings: async () => settings,
      records: async () => [RECORD],
      caches,
      load: async (r) => (loads.push(r.model), new ScriptedModelClient([], r.model_id))
    });
    expect(await provide()).toBeUndefined();
    settings.active = 'Tiny-MLC';
    expect(await provide()).toBeUndefined();
    await cacheAll(caches, settings.base);
    const client = await provide();
    expect(client?.model).toBe('Tiny-MLC');
    expect(await provide()).toBe(client);
    expect(loads).toEqual(['http://127.0.0.1:5177/models/Tiny-MLC/resolve/main/']);
  });

  it('a failed load surfaces, and the next step tries again', async () => {
    const caches = new MemoryCaches();
    await cacheAll(caches, 'http://m');
    let attempt = 0;
    const provide = createModelProvider({
      settings: async () => ({ base: 'http://m', active: 'Tiny-MLC' }),
      records: async () => [RECORD],
      caches,
      load: async () => {
        if (attempt++ === 0) throw new Error('Could not start the model Tiny-MLC: device lost');
        return new ScriptedModelClient([], 'Tiny-MLC');
      }
    });
    await expect(provide()).rejects.toThrow('device lost');
    expect((await provide())?.model).toBe('Tiny-MLC');
  });
});
