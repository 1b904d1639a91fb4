/**
 * DEV ONLY: constrained decoding with fake logits. No weights can run here, so a seeded random "model"
 * stands in for them: at each step XGrammar's GrammarMatcher fills the token bitmask exactly as it does
 * for WebLLM, and the stand-in picks one allowed token, preferring (more and more as the answer grows)
 * tokens that close a string, array or object, and the stop token once the grammar may end. Whatever it
 * picks, the grammar alone decides what is possible: if any allowed path led to text that is not JSON of
 * the schema's shape, enough seeds find it.
 */
import type { CompiledGrammar } from '@mlc-ai/web-xgrammar';
import { loadXGrammar } from './xgrammar-node';
import { QWEN3_STOP_TOKENS, qwen3Tokenizer } from './qwen3';
import { seeded } from '../../engine/test-kit';

export interface FakeDecodeOptions {
  seed: number;
  /** Give up after this many tokens (the answer's `max_tokens`); `ended` is then false. */
  maxTokens?: number;
}

export interface FakeDecodeResult {
  text: string;
  tokens: number;
  /** Whether the matcher accepted a stop token before `maxTokens`. */
  ended: boolean;
}

/** The engine tests' seeded generator (mulberry32): the same seed gives the same answer. */
export const seededRandom = seeded;

export async function fakeDecode(compiled: CompiledGrammar, options: FakeDecodeOptions): Promise<FakeDecodeResult> {
  const xg = await loadXGrammar();
  const tokenizer = qwen3Tokenizer();
  const { closers, blank } = tokenClasses();
  const random = seededRandom(options.seed);
  const maxTokens = options.maxTokens ?? 4096;
  const matcher = await xg.GrammarMatcher.createGrammarMatcher(compiled);
  const ids: number[] = [];
  try {
    for (let step = 0; step < maxTokens; step++) {
      const mask = await matcher.getNextTokenBitmask();
      const id = pick(mask, random, step, closers, blank, tokenizer.vocab.length);
      if (id === undefined) throw new Error(`no token is allowed after ${JSON.stringify(tokenizer.decode(ids))}`);
      if (!matcher.acceptToken(id)) throw new Error(`the matcher refused token ${id}, which its own bitmask allowed`);
      if (QWEN3_STOP_TOKENS.includes(id)) return { text: tokenizer.decode(ids), tokens: ids.length, ended: true };
      ids.push(id);
    }
    return { text: tokenizer.decode(ids), tokens: ids.length, ended: matcher.isTerminated() };
  } finally {
    matcher.dispose();
  }
}

const allowed = (mask: Int32Array, id: number) => ((mask[id >>> 5] >>> (id & 31)) & 1) === 1;

/** The fake logits: stop when allowed, else a closer with a chance that grows with length, else any token. */
function pick(mask: Int32Array, random: () => number, step: number, closers: number[], blank: Set<number>, vocab: number): number | undefined {
  const stops = QWEN3_STOP_TOKENS.filter((id) => allowed(mask, id));
  if (stops.length > 0 && random() < 0.9) return stops[0];
  const closing = closers.filter((id) => allowed(mask, id));
  if (closing.length > 0 && random() < Math.min(0.9, 0.2 + step / 800)) return closing[Math.floor(random() * closing.length)];
  // Inside a string nearly every token is allowed: a few random probes find one without a full scan.
  for (let probe = 0; probe < 32; probe++) {
    const id = Math.floor(random() * vocab);
    if (allowed(mask, id) && !blank.has(id)) return id;
  }
  const all: number[] = [];
  for (let word = 0; word < mask.length; word++) {
    let bits = mask[word];
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits & -bits);
      all.push(word * 32 + bit);
      bits &= bits - 1;
    }
  }
  if (all.length === 0) return stops[0];
  // Whitespace is allowed between any two JSON tokens: taken rarely, or answers would be mostly blanks.
  const solid = all.filter((id) => !blank.has(id));
  const from = solid.length > 0 && random() < 0.95 ? solid : all;
  return from[Math.floor(random() * from.length)];
}

let classes: { closers: number[]; blank: Set<number> } | undefined;

/** Tokens that only close (`"`, `]`, `}` runs) and tokens that are only whitespace, by their bytes. */
function tokenClasses(): { closers: number[]; blank: Set<number> } {
  if (classes) return classes;
  const closers: number[] = [];
  const blank = new Set<number>();
  qwen3Tokenizer().vocab.forEach((token, id) => {
    const text = byteLevelText(token);
    if (/^["\]}]+$/.test(text)) closers.push(id);
    else if (/^\s+$/.test(text)) blank.add(id);
  });
  classes = { closers, blank };
  return classes;
}

let byteOf: Map<string, number> | undefined;

/** A byte-level BPE token's text (GPT-2's byte-to-character table inverted); Latin-1 view of its bytes. */
function byteLevelText(token: string): string {
  if (!byteOf) {
    byteOf = new Map();
    let extra = 0;
    for (let b = 0; b < 256; b++) {
      const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      byteOf.set(String.fromCharCode(printable ? b : 256 + extra++), b);
    }
  }
  let out = '';
  for (const ch of token) {
    const b = byteOf.get(ch);
    if (b === undefined) return token; // a special token such as <|im_end|>
    out += String.fromCharCode(b);
  }
  return out;
}
