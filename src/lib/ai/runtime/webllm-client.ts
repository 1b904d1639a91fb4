/**
 * A ModelClient over WebLLM in its own worker. WebLLM (several MB) lives in that worker only
 * (webllm.worker.ts), started when a model is first loaded: pages that never use a model never download
 * it, and the page and the engine worker, which both use models, do not each bundle a copy. The model's
 * files should be in the cache already (model-files.ts downloads them with real byte progress); WebLLM
 * reads them there.
 */
import * as Comlink from 'comlink';
import type { ModelAnswer, ModelClient, ModelRequest } from '../model-client';
import type { ModelRecordLike } from './models';
import type { WebLlmWorkerApi } from './webllm.worker';

/** WebLLM's load progress: a fraction and its own text (no bytes). */
export interface LoadProgress {
  progress: number;
  text: string;
}

/** The part of WebLLM's engine this uses, so the client can be tested with a stand-in engine. */
export interface ChatEngine {
  chat: { completions: { create(request: Record<string, unknown>): Promise<{ choices: { message: { content: string | null } }[]; usage?: { prompt_tokens: number; completion_tokens: number } }> } };
  interruptGenerate(): void;
  unload(): Promise<void>;
}

export class WebLlmModelClient implements ModelClient {
  /** One answer at a time: WebLLM's engine serves one request at once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly model: string,
    private readonly engine: ChatEngine
  ) {}

  complete(request: ModelRequest): Promise<ModelAnswer> {
    const run = async (): Promise<ModelAnswer> => {
      if (request.signal?.aborted) throw new Error('cancelled');
      const stop = () => this.engine.interruptGenerate();
      request.signal?.addEventListener('abort', stop, { once: true });
      try {
        const reply = await this.engine.chat.completions.create({
          messages: request.messages,
          ...(request.response_format ? { response_format: request.response_format } : {}),
          temperature: request.temperature ?? 0,
          ...(request.max_tokens ? { max_tokens: request.max_tokens } : {}),
          stream: false,
          // Qwen3 would think aloud first; the answers here are JSON.
          ...(/qwen3/i.test(this.model) ? { extra_body: { enable_thinking: false } } : {})
        });
        if (request.signal?.aborted) throw new Error('cancelled');
        return { content: reply.choices[0]?.message.content ?? '', usage: reply.usage && { prompt_tokens: reply.usage.prompt_tokens, completion_tokens: reply.usage.completion_tokens } };
      } finally {
        request.signal?.removeEventListener('abort', stop);
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  unload(): Promise<void> {
    return this.engine.unload();
  }
}

/**
 * Start WebLLM's worker and load `record` (from the cache, or from its URLs). `onProgress` gets WebLLM's
 * own fraction and text. Throws with a plain message when loading fails.
 */
export async function loadWebLlmModel(record: ModelRecordLike, onProgress?: (p: LoadProgress) => void): Promise<WebLlmModelClient> {
  const worker = new Worker(new URL('./webllm.worker.ts', import.meta.url), { type: 'module', name: 'webllm' });
  // A worker that dies (its script fails, memory runs out) would leave WebLLM's promise waiting for ever.
  const died = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the model worker stopped')), { once: true })
  );
  died.catch(() => undefined); // raced below; nobody may be waiting when the worker stops
  const remote = Comlink.wrap<WebLlmWorkerApi>(worker);
  try {
    const progress = Comlink.proxy((p: LoadProgress) => onProgress?.(p));
    await Promise.race([remote.load(record as unknown as Parameters<WebLlmWorkerApi['load']>[0], progress), died]);
    const engine: ChatEngine = {
      chat: { completions: { create: (request) => Promise.race([remote.complete(request), died]) } },
      interruptGenerate: () => void remote.interrupt(),
      async unload() {
        await remote.unload().catch(() => undefined);
        worker.terminate();
      }
    };
    return new WebLlmModelClient(record.model_id, engine);
  } catch (err) {
    worker.terminate();
    throw new Error(`Could not start the model ${record.model_id}: ${plainLoadError(err)}`);
  }
}

/** WebLLM's and WebGPU's errors, with a sentence a person can act on in front of the common ones. */
export function plainLoadError(err: unknown): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err);
  if (/out of memory|OOM|allocation/i.test(raw)) return `the graphics card ran out of memory; choose a smaller model or close other tabs (${raw})`;
  if (/device (was )?lost|DeviceLost/i.test(raw)) return `the graphics card stopped (device lost); reload the page and try again (${raw})`;
  if (/WebGPU|navigator\.gpu|adapter/i.test(raw)) return `this browser's WebGPU cannot run it (${raw})`;
  if (/wasm|WebAssembly|CompileError|magic/i.test(raw)) return `its library file (.wasm) is broken or missing at the model base URL (${raw})`;
  return raw;
}
