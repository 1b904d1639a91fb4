/**
 * WebLLM's home: its own module Web Worker, so a model's load and its answers never block the page or the
 * engine's worker. WebLLM (several MB) is bundled here only: the page and the engine worker talk to this
 * worker through Comlink with plain data (webllm-client.ts), so neither bundles a second copy of it.
 */
import * as Comlink from 'comlink';
import { CreateMLCEngine, type ChatCompletionRequestNonStreaming, type MLCEngine, type ModelRecord } from '@mlc-ai/web-llm';
import type { LoadProgress } from './webllm-client';

let engine: MLCEngine | undefined;

/** A plain Error, so whatever WebLLM or WebGPU throws crosses the worker boundary with its words. */
function plain(err: unknown): Error {
  return new Error(err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err));
}

const api = {
  async load(record: ModelRecord, onProgress?: (p: LoadProgress) => void): Promise<void> {
    try {
      engine = await CreateMLCEngine(record.model_id, {
        appConfig: { model_list: [record] },
        initProgressCallback: (report) => void onProgress?.({ progress: report.progress, text: report.text })
      });
    } catch (err) {
      throw plain(err);
    }
  },
  async complete(request: Record<string, unknown>) {
    if (!engine) throw new Error('no model is loaded');
    try {
      const reply = await engine.chat.completions.create(request as unknown as ChatCompletionRequestNonStreaming);
      return {
        choices: reply.choices.map((choice) => ({ message: { content: choice.message.content } })),
        ...(reply.usage ? { usage: { prompt_tokens: reply.usage.prompt_tokens, completion_tokens: reply.usage.completion_tokens } } : {})
      };
    } catch (err) {
      throw plain(err);
    }
  },
  interrupt(): void {
    engine?.interruptGenerate();
  },
  async unload(): Promise<void> {
    await engine?.unload();
    engine = undefined;
  }
};

export type WebLlmWorkerApi = typeof api;

Comlink.expose(api);
