/**
 * The Models page's state: what WebGPU can do, the models offered (under the chosen base URL), which are
 * downloaded, a download in progress (bytes, speed, time left), the active model and the storage used.
 * Settings are kept in IndexedDB, where the engine's worker reads them too.
 */
import { getAiSetting, setAiSetting, type SousDb } from '../../store';
import { cachedWeightBytes, deleteModelFiles, downloadModel, isModelCached, type DownloadProgress } from './model-files';
import { checkBaseUrl, withBaseUrl } from './model-source';
import { modelOptions, type ModelOption } from './models';
import { PREBUILT_MODELS } from './prebuilt-models';
import { detectWebGpu, type GpuStatus } from './webgpu';

export interface Download {
  id: string;
  progress: DownloadProgress | null;
  controller: AbortController;
}

/** A try of a downloaded model: WebLLM's own load progress (a fraction and its text), then one answer. */
export interface ModelTry {
  id: string;
  state: 'loading' | 'answering' | 'done' | 'failed';
  text: string;
  fraction: number;
}

export class ModelManager {
  gpu = $state<GpuStatus | null>(null);
  base = $state('');
  active = $state('');
  cached = $state<Record<string, boolean>>({});
  /** Bytes of each downloaded model's weights (its download size). */
  sizes = $state<Record<string, number>>({});
  download = $state<Download | null>(null);
  problem = $state<{ id: string; message: string } | null>(null);
  storage = $state<{ usage: number; quota: number } | null>(null);
  trial = $state<ModelTry | null>(null);

  constructor(private readonly db: SousDb) {}

  /** Every small model for this adapter's float support, each with its URLs under the base URL. */
  options: ModelOption[] = $derived.by(() => {
    if (!this.gpu) return [];
    const memory = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
    return modelOptions(PREBUILT_MODELS.map((r) => withBaseUrl(r, this.base)), this.gpu, memory ? memory * 1024 : undefined);
  });

  async init(): Promise<void> {
    [this.base, this.active] = await Promise.all([getAiSetting(this.db, 'base_url'), getAiSetting(this.db, 'active_model')]);
    this.gpu = await detectWebGpu();
    await Promise.all([this.refreshCached(), this.refreshStorage()]);
  }

  /** Set the base URL (empty: the models' own addresses); answers a problem in words, or null. */
  async setBase(text: string): Promise<string | null> {
    const checked = checkBaseUrl(text);
    if (!checked.ok) return checked.problem;
    this.base = checked.base;
    await setAiSetting(this.db, 'base_url', checked.base);
    await this.refreshCached();
    return null;
  }

  async start(id: string): Promise<void> {
    const option = this.options.find((o) => o.id === id);
    if (!option || this.download) return;
    const controller = new AbortController();
    this.problem = null;
    this.download = { id, progress: null, controller };
    try {
      await downloadModel(option.record, {
        caches: globalThis.caches,
        signal: controller.signal,
        onProgress: (p) => {
          if (this.download?.id === id) this.download = { ...this.download, progress: p };
        }
      });
      if (!this.active) await this.choose(id);
    } catch (err) {
      this.problem = { id, message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.download = null;
      await Promise.all([this.refreshCached(), this.refreshStorage()]);
    }
  }

  cancel(): void {
    this.download?.controller.abort();
  }

  async remove(id: string): Promise<void> {
    const option = this.options.find((o) => o.id === id);
    if (!option) return;
    await deleteModelFiles(option.record, globalThis.caches);
    if (this.active === id) await this.choose('');
    this.problem = null;
    await Promise.all([this.refreshCached(), this.refreshStorage()]);
  }

  /** The model `ai` steps and the copilot use ('' for none: basic mode). */
  async choose(id: string): Promise<void> {
    this.active = id;
    await setAiSetting(this.db, 'active_model', id);
  }

  /**
   * Load the model in WebLLM's worker (imported now, not before) and ask it one short question, so a person
   * sees it work, and how fast, before a recipe depends on it. The model is unloaded afterwards.
   */
  async tryModel(id: string): Promise<void> {
    const option = this.options.find((o) => o.id === id);
    if (!option || (this.trial && (this.trial.state === 'loading' || this.trial.state === 'answering'))) return;
    this.trial = { id, state: 'loading', text: 'Starting the model…', fraction: 0 };
    try {
      const { loadWebLlmModel } = await import('./webllm-client');
      const client = await loadWebLlmModel(option.record, (p) => {
        if (this.trial?.id === id) this.trial = { ...this.trial, text: p.text, fraction: p.progress };
      });
      this.trial = { id, state: 'answering', text: 'Asking it a short question…', fraction: 1 };
      const started = performance.now();
      const answer = await client.complete({ messages: [{ role: 'user', content: 'In one short sentence: what is an invoice?' }], max_tokens: 48 });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.trial = { id, state: 'done', text: `It answered in ${seconds} s: “${answer.content.trim()}”`, fraction: 1 };
      await client.unload();
    } catch (err) {
      this.trial = { id, state: 'failed', text: err instanceof Error ? err.message : String(err), fraction: 0 };
    }
  }

  async refreshCached(): Promise<void> {
    if (!globalThis.caches) return;
    const entries = await Promise.all(
      this.options.map(async (o) => [o.id, await isModelCached(o.record, globalThis.caches), await cachedWeightBytes(o.record, globalThis.caches)] as const)
    );
    this.cached = Object.fromEntries(entries.map(([id, cached]) => [id, cached]));
    this.sizes = Object.fromEntries(entries.filter(([, cached, size]) => cached && size !== null).map(([id, , size]) => [id, size as number]));
  }

  async refreshStorage(): Promise<void> {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    if (estimate) this.storage = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
  }
}

/** The sentence the copilot and the `ai` steps' UI show about the mode they work in. */
export function modeSentence(gpu: GpuStatus | null, active: string, cached: boolean): string {
  if (!gpu) return 'Checking what this browser can run…';
  if (!gpu.ok) return `Basic mode: ${gpu.message}`;
  if (!active) return 'Basic mode: no model is chosen. Download one on the Models page to let the model write recipes and read documents.';
  if (!cached) return `Basic mode: the model ${active} is not downloaded yet.`;
  return `Model mode: ${active} runs in this browser; nothing leaves this machine.`;
}
