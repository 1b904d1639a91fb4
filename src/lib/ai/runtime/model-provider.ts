/**
 * Which model `ai` steps use: the one chosen on the Models page, once all its files are cached. It is
 * loaded on the first step that asks (not at start-up) and kept loaded; choosing another model, or none,
 * is seen at the next step. A model that is chosen but not downloaded means basic mode: a job never
 * starts a download of its own.
 */
import type { ModelClient } from '../model-client';
import { isModelCached, type CachesLike } from './model-files';
import { withBaseUrl } from './model-source';
import type { ModelRecordLike } from './models';

export interface ModelSettings {
  base: string;
  active: string;
}

export interface ProviderDeps {
  settings(): Promise<ModelSettings>;
  /** WebLLM's prebuilt records (imported lazily by the caller). */
  records(): Promise<ModelRecordLike[]>;
  caches: CachesLike;
  load(record: ModelRecordLike): Promise<ModelClient & { unload?(): Promise<void> }>;
}

export function createModelProvider(deps: ProviderDeps): () => Promise<ModelClient | undefined> {
  let current: { key: string; client: Promise<ModelClient & { unload?(): Promise<void> }> } | undefined;
  return async () => {
    const { base, active } = await deps.settings();
    if (!active) return undefined;
    const found = (await deps.records()).find((r) => r.model_id === active);
    if (!found) return undefined;
    const record = withBaseUrl(found, base);
    if (!(await isModelCached(record, deps.caches))) return undefined;
    const key = `${record.model_id} ${record.model}`;
    if (current?.key !== key) {
      const old = current;
      current = { key, client: deps.load(record) };
      old?.client.then((c) => c.unload?.()).catch(() => undefined);
      // A failed load is not kept: the next step tries again.
      const mine = current;
      mine.client.catch(() => {
        if (current === mine) current = undefined;
      });
    }
    return current.client;
  };
}
