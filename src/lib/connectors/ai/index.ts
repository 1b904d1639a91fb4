/**
 * The built-in `ai` connector: extract, classify, summarize, generate. With an on-device model loaded it
 * asks the model (through a ModelClient); without one it runs in basic mode (rules), and every output says
 * which `mode` made it. A model's answer is recorded in a ReplayStore, so running the same step again
 * replays it instead of asking the model again (and says `replayed: true`).
 */
import { ModelError } from '../../ai/ask-json';
import { INVOICE_FIELDS, type ExtractResult, type FieldSpec } from '../../ai/extract/fields';
import type { ModelClient } from '../../ai/model-client';
import { replayKey, type ReplayStore } from '../../ai/replay/replay-store';
import { connectorError, userError } from '../../engine/errors';
import { defineConnector } from '../sdk';
import { classifyBasic, summarizeBasic } from './basic';
import { classifyWithModel, extractWithModel, generateWithModel, summarizeWithModel } from './model-actions';
import {
  ClassifyInputSchema,
  ClassifyOutputSchema,
  ExtractInputSchema,
  ExtractOutputSchema,
  GenerateInputSchema,
  GenerateOutputSchema,
  SummarizeInputSchema,
  SummarizeOutputSchema,
  type DocumentInput
} from './schemas';

/** basic-extract's rules (another module), passed in so this connector does not depend on its internals. */
export type ExtractBasic = (text: string, fields: FieldSpec[]) => ExtractResult;

export interface AiDeps {
  extractBasic: ExtractBasic;
  /** The loaded on-device model, or undefined when none is (basic mode). Asked at each step. */
  model?: () => Promise<ModelClient | undefined>;
  replays?: ReplayStore;
  now?: () => Date;
}

export const GENERATE_NEEDS_MODEL =
  'Writing text needs an on-device model: open Models, download one and choose it (this browser needs WebGPU). Basic mode cannot write free text.';

export function createAiConnector(deps: AiDeps) {
  const now = deps.now ?? (() => new Date());

  /** Run `work` on the model, or replay its recorded answer for the same action, model and input. */
  async function withReplay<T extends object>(action: string, client: ModelClient, input: unknown, work: () => Promise<T>): Promise<T> {
    const key = deps.replays ? await replayKey(`ai.${action}`, client.model, input) : undefined;
    if (deps.replays && key) {
      const found = await deps.replays.get(key);
      if (found) return { ...(found.output as T), replayed: true };
    }
    let output: T;
    try {
      output = { ...(await work()), model: client.model };
    } catch (err) {
      throw asStepFailure(err);
    }
    if (deps.replays && key) await deps.replays.put({ key, action: `ai.${action}`, model: client.model, output, recorded_at: now().toISOString() });
    return { ...output, replayed: false };
  }

  return defineConnector({
    id: 'ai',
    label: 'AI',
    description: 'Extract, classify, summarise and write with the on-device model, or basic rules when none is loaded.',
    actions: {
      extract: {
        label: 'Extract fields from a document',
        // The model (or basic rules) only reads the text: no data changes anywhere.
        effect: 'read',
        idempotent: true,
        description: 'The values of the fields, with a confidence and the text that gave them.',
        input: ExtractInputSchema,
        output: ExtractOutputSchema,
        async execute(input, ctx) {
          const fields = input.fields ?? INVOICE_FIELDS;
          const { text, reader } = readDocument(input.document);
          const client = await deps.model?.();
          if (!client) return { ...deps.extractBasic(text, fields), mode: 'basic' as const, reader };
          return withReplay('extract', client, { text, fields }, async () => {
            const { value } = await extractWithModel(client, text, fields, ctx.signal);
            return { mode: 'model' as const, reader, fields: value };
          });
        }
      },
      classify: {
        label: 'Classify text',
        effect: 'read',
        idempotent: true,
        description: 'Choose the label that fits the text best.',
        input: ClassifyInputSchema,
        output: ClassifyOutputSchema,
        async execute(input, ctx) {
          const client = await deps.model?.();
          if (!client) return classifyBasic(input.text, input.labels);
          return withReplay('classify', client, input, () => classifyWithModel(client, input.text, input.labels, ctx.signal));
        }
      },
      summarize: {
        label: 'Summarise text',
        effect: 'read',
        idempotent: true,
        input: SummarizeInputSchema,
        output: SummarizeOutputSchema,
        async execute(input, ctx) {
          const maxWords = input.max_words ?? 60;
          const client = await deps.model?.();
          if (!client) return summarizeBasic(input.text, maxWords);
          return withReplay('summarize', client, input, () => summarizeWithModel(client, input.text, maxWords, ctx.signal));
        }
      },
      generate: {
        label: 'Write text',
        effect: 'read',
        idempotent: true,
        description: 'Needs an on-device model.',
        input: GenerateInputSchema,
        output: GenerateOutputSchema,
        async execute(input, ctx) {
          const client = await deps.model?.();
          if (!client) throw userError(GENERATE_NEEDS_MODEL, 'needs_model');
          return withReplay('generate', client, input, () => generateWithModel(client, input.prompt, ctx.signal));
        }
      }
    }
  });
}

function readDocument(document: DocumentInput): { text: string; reader: ExtractResult['reader'] } {
  if (typeof document === 'string') return { text: document, reader: 'text' };
  if (!document.text.trim() && document.problem) {
    throw userError(`There is no text to extract fields from: ${document.problem}`, 'unreadable_document');
  }
  const reader = document.reader ?? (document.type === 'application/pdf' ? 'pdf' : document.type?.startsWith('image/') ? 'ocr' : 'text');
  return { text: document.text, reader };
}

function asStepFailure(err: unknown) {
  if (err instanceof ModelError) {
    return connectorError(err.message, { code: err.code === 'cancelled' ? 'cancelled' : `model_${err.code === 'model_failed' ? 'failed' : 'invalid_answer'}`, retryable: false });
  }
  return err;
}
