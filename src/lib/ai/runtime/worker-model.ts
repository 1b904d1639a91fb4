/**
 * The model provider as the browser builds it, in the engine's worker or on a page (the copilot): settings
 * from IndexedDB (the Models page writes them), WebLLM's engine imported only when a chosen model is first
 * used, files from the Cache API. Each caller holds its own provider (one loaded model each).
 */
import type { ModelClient } from '../model-client';
import { getAiSetting, type SousDb } from '../../store';
import { createModelProvider } from './model-provider';
import { loadWebLlmModel } from './webllm-client';
import { PREBUILT_MODELS } from './prebuilt-models';

export function browserModelProvider(db: SousDb): () => Promise<ModelClient | undefined> {
  return createModelProvider({
    settings: async () => ({ base: await getAiSetting(db, 'base_url'), active: await getAiSetting(db, 'active_model') }),
    records: async () => PREBUILT_MODELS,
    caches: self.caches,
    load: (record) => loadWebLlmModel(record)
  });
}
