/**
 * The model side without a model (none can run here): how fast the byte-counting download fills WebLLM's
 * cache layout from a local folder (a workshop's `--models`), how fast a recorded AI answer replays, and
 * the model path proven without weights (src/lib/ai/grammar): the draft and extraction prompts' tokens by
 * Qwen3's real tokenizer against the context window, and what the grammar engine costs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryReplayStore } from '../src/lib/ai/replay/replay-store';
import { ScriptedModelClient } from '../src/lib/ai/scripted-model-client';
import { MemoryCaches } from '../src/lib/ai/runtime/memory-caches';
import { downloadModel } from '../src/lib/ai/runtime/model-files';
import { createAiConnector } from '../src/lib/connectors/ai';
import type { Figure } from './engine-bench';
import { z } from 'zod';
import { CorpusRequestSchema } from '../src/lib/ai/copilot/shape';
import { INVOICE_FIELDS } from '../src/lib/ai/extract/fields';
import { extractWithModel } from '../src/lib/connectors/ai/model-actions';
import { PREBUILT_MODELS } from '../src/lib/ai/runtime/prebuilt-models';
import { MODEL_FAMILIES } from '../src/lib/ai/runtime/models';
import { constrainedAnswers, studioCatalogue } from '../src/lib/ai/grammar/answers';
import { chatTokens, draftMessages, DRAFT_MAX_TOKENS } from '../src/lib/ai/grammar/prompt-budget';
import { QWEN3_STOP_TOKENS, QWEN3_VOCAB_SIZE, qwen3Grammar, qwen3Tokenizer } from '../src/lib/ai/grammar/qwen3';
import { sentRequest } from '../src/lib/ai/grammar/stand-in';
import { fakeDecode } from '../src/lib/ai/grammar/fake-decoder';
import { loadXGrammar } from '../src/lib/ai/grammar/xgrammar-node';

const SHARD = 32 * 1024 * 1024;
const SHARDS = 4;

/** MB/s from a 127.0.0.1 server into in-memory caches: the downloader's own cost, not the network's. */
export async function localDownload(): Promise<Figure> {
  const shard = Buffer.alloc(SHARD, 7);
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.endsWith('mlc-chat-config.json')) return res.end(JSON.stringify({ tokenizer_files: ['tokenizer.json'] }));
    if (path.endsWith('tensor-cache.json')) return res.end(JSON.stringify({ records: Array.from({ length: SHARDS }, (_, i) => ({ dataPath: `s${i}.bin`, nbytes: SHARD })) }));
    if (path.endsWith('.bin')) return res.end(shard);
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  await downloadModel({ model: `${base}/m/resolve/main/`, model_id: 'm', model_lib: `${base}/libs/m.wasm` }, { caches: new MemoryCaches() });
  const seconds = (performance.now() - started) / 1000;
  server.close();
  return { name: 'model download into the cache (local server)', value: (SHARD * SHARDS) / 1024 / 1024 / seconds, unit: 'MB/s', detail: `${SHARDS} × 32 MB shards, counted byte by byte` };
}

/** Replayed ai.classify steps per second (a re-run of a job full of AI steps). */
export async function replays(): Promise<Figure> {
  const client = new ScriptedModelClient([{ label: 'invoice', confidence: 0.9 }]);
  const ai = createAiConnector({ extractBasic: () => { throw new Error('unused'); }, model: async () => client, replays: new MemoryReplayStore() });
  const ctx = { user: { id: 'b', name: 'b', roles: [] }, signal: new AbortController().signal, jobId: 'b', path: 'b' };
  const input = { text: 'Invoice INV-1 from ACME, total EUR 1,190.00. '.repeat(40), labels: ['invoice', 'receipt', 'complaint'] };
  await ai.actions.classify.execute(input, ctx);
  const n = 2000;
  const started = performance.now();
  for (let i = 0; i < n; i++) await ai.actions.classify.execute(input, ctx);
  const seconds = (performance.now() - started) / 1000;
  return { name: 'replayed ai.classify steps', value: n / seconds, unit: 'steps/s', detail: `${n} replays of a 2 KB input (sha-256 key), model asked once` };
}

const REQUESTS = new URL('../tests/fixtures/requests/', import.meta.url);
const INVOICES = new URL('../tests/fixtures/invoices/', import.meta.url);

/** The longest draft and extraction prompts of the corpora, in Qwen3 tokens, against the smallest window. */
export async function promptTokenFigures(): Promise<Figure[]> {
  const counted = new Map<string, number>();
  const real = (text: string) => counted.get(text) ?? counted.set(text, qwen3Tokenizer().encode(text).length).get(text)!;
  const offered = PREBUILT_MODELS.filter((m) => MODEL_FAMILIES.some((f) => m.model_id.startsWith(f.prefix)));
  const window = Math.min(...offered.map((m) => Number(m.overrides?.context_window_size)));
  const catalog = studioCatalogue();
  const words = readdirSync(REQUESTS).flatMap((f) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(new URL(f, REQUESTS), 'utf8'))).map((r) => r.words));
  const draft = Math.max(...words.map((w) => chatTokens(draftMessages(w, catalog), real)));
  let extraction = 0;
  const docs = readdirSync(INVOICES).filter((f) => f.endsWith('.txt'));
  for (const file of docs) {
    const text = readFileSync(new URL(file, INVOICES), 'utf8');
    const request = await sentRequest({ name: file, ask: (c) => extractWithModel(c, text, INVOICE_FIELDS), result: z.unknown() });
    extraction = Math.max(extraction, chatTokens(request.messages, real));
  }
  const left = window - draft - DRAFT_MAX_TOKENS;
  return [
    { name: 'draft prompt, longest corpus request', value: draft, unit: 'tokens', detail: `Qwen3 tokenizer, ChatML layout, studio catalogue (${catalog.length} connectors), ${words.length} requests; window ${window}, answer ${DRAFT_MAX_TOKENS}` },
    { name: 'draft prompt: window left over', value: (100 * left) / window, unit: '%', detail: `${left} of ${window} tokens free after the longest prompt and the ${DRAFT_MAX_TOKENS}-token answer` },
    { name: 'extraction prompt, longest text invoice', value: extraction, unit: 'tokens', detail: `invoice preset, ${docs.length} text documents; window ${window} (extractWithModel sets no max_tokens)` }
  ];
}

/** What XGrammar costs as WebLLM uses it: the token table, the draft grammar, and the mask per token. */
export async function grammarFigures(): Promise<Figure[]> {
  const xg = await loadXGrammar();
  const vocab = [...qwen3Tokenizer().vocab];
  let started = performance.now();
  const info = await xg.TokenizerInfo.createTokenizerInfo(vocab, 'byte_level', false, QWEN3_VOCAB_SIZE, QWEN3_STOP_TOKENS);
  const infoMs = performance.now() - started;
  const compiler = await xg.GrammarCompiler.createGrammarCompiler(info, false);
  const schema = (await sentRequest(constrainedAnswers()[0])).schema;
  started = performance.now();
  const grammar = await compiler.compileJSONSchema(schema);
  const compileMs = performance.now() - started;
  compiler.dispose();
  info.dispose();
  const draft = await (await qwen3Grammar()).compileSchema(schema);
  let tokens = 0;
  started = performance.now();
  for (let seed = 1; seed <= 20; seed++) tokens += (await fakeDecode(draft, { seed })).tokens;
  const perToken = ((performance.now() - started) * 1000) / tokens;
  grammar.dispose();
  return [
    { name: 'grammar: Qwen3 token table', value: infoMs, unit: 'ms', detail: `${vocab.length} tokens, byte-level, once per model load` },
    { name: 'grammar: draft schema compile', value: compileMs, unit: 'ms', detail: `${schema.length} B JSON Schema, no cache, once per catalogue` },
    { name: 'grammar: constrained step, fake logits', value: perToken, unit: 'µs', detail: `bitmask + pick + accept over ${QWEN3_VOCAB_SIZE} logits, ${tokens} tokens of 20 draft answers` }
  ];
}
