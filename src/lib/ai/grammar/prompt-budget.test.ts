/**
 * Prompt tokens counted with Qwen3's real tokenizer (WebLLM's ChatML layout): the draft prompt with the
 * studio's connector catalogue and the longest request of every corpus, and the extraction prompt with the
 * longest document, fit every offered model's context window with room for the answer; a workspace with
 * many imported connectors does not, until draftCatalogue trims it to what the request needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorpusRequestSchema } from '../copilot/shape';
import type { CatalogEntry } from '../copilot/draft-result';
import { INVOICE_FIELDS } from '../extract/fields';
import { extractWithModel } from '../../connectors/ai/model-actions';
import { PREBUILT_MODELS } from '../runtime/prebuilt-models';
import { MODEL_FAMILIES } from '../runtime/models';
import { constrainedAnswers, studioCatalogue } from './answers';
import { chatTokens, draftCatalogue, draftMessages, DRAFT_MAX_TOKENS } from './prompt-budget';
import { qwen3Tokenizer } from './qwen3';
import { sentRequest } from './stand-in';

const counted = new Map<string, number>();
/** Qwen3's count of a text (the catalogue's system prompt repeats for every request: counted once). */
const real = (text: string) => counted.get(text) ?? counted.set(text, qwen3Tokenizer().encode(text).length).get(text)!;
const offered = PREBUILT_MODELS.filter((m) => MODEL_FAMILIES.some((f) => m.model_id.startsWith(f.prefix)));
const windows = offered.map((m) => ({ id: m.model_id, window: Number(m.overrides?.context_window_size) }));
const smallest = Math.min(...windows.map((w) => w.window));

const REQUESTS = new URL('../../../../tests/fixtures/requests/', import.meta.url);
const INVOICES = new URL('../../../../tests/fixtures/invoices/', import.meta.url);
const requests = readdirSync(REQUESTS).flatMap((f) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(new URL(f, REQUESTS), 'utf8'))).map((r) => r.words));

/**
 * Tokens of a message list as Qwen3 cuts WebLLM's ChatML layout of it: the turns' texts counted apart,
 * which is exact because the tokenizer splits at the special tokens between turns (the first test checks).
 */
const realChat = (messages: { role: 'system' | 'user' | 'assistant'; content: string }[]) => chatTokens(messages, real);

/** An imported-connector-heavy workspace: 40 API connectors of 12 actions each, beside the studio's own. */
function bigWorkspace(): CatalogEntry[] {
  const verbs = ['list', 'get', 'create', 'update', 'delete', 'search'];
  const imported = Array.from({ length: 40 }, (_, i) => ({
    connector: `api.service${i}`,
    label: `Service ${i} API`,
    events: [],
    actions: ['contacts', 'tickets'].flatMap((thing) =>
      verbs.map((verb) => ({ name: `${thing}.${verb}`, label: `${verb} ${thing}`, inputs: ['id', 'query', 'page_size', 'include_archived', 'sort_order', 'fields'] }))
    )
  }));
  return [...studioCatalogue(), ...imported];
}

describe('prompt tokens against the models context windows', () => {
  it('every offered model has a context window, and chatTokens counts the layout as Qwen3 does', () => {
    expect(windows.length).toBeGreaterThanOrEqual(6);
    for (const w of windows) expect(w.window, w.id).toBeGreaterThan(0);
    const messages = draftMessages('tell #finance', studioCatalogue());
    expect(realChat(messages)).toBe(qwen3Tokenizer().encodeChat(messages).length);
    const korean = draftMessages('새 거래처가 등록되면 #재무 채널에 알려 주세요', studioCatalogue());
    expect(realChat(korean)).toBe(qwen3Tokenizer().encodeChat(korean).length);
  });

  it("DRAFT_MAX_TOKENS is what modelDraft asks for as the answer's max_tokens", async () => {
    expect((await sentRequest(constrainedAnswers()[0])).max_tokens).toBe(DRAFT_MAX_TOKENS);
  });

  it('the longest request of the corpora, with the whole studio catalogue, fits every window with the answer', () => {
    const drafts = requests.map((words) => ({ words, tokens: realChat(draftMessages(words, studioCatalogue())) }));
    const longest = drafts.reduce((a, b) => (b.tokens > a.tokens ? b : a));
    expect(requests.length).toBeGreaterThan(100);
    for (const w of windows) expect(longest.tokens + DRAFT_MAX_TOKENS, `${w.id}: ${longest.words}`).toBeLessThanOrEqual(w.window);
    // And the studio sends it whole: the estimate finds it fits too.
    expect(draftCatalogue(longest.words, studioCatalogue(), { contextWindow: smallest, maxTokens: DRAFT_MAX_TOKENS }).trimmed).toBe(false);
  });

  it('a workspace of many imported connectors overflows, and is trimmed to the request to fit', () => {
    const words = 'When a new vendor is created in the ERP, post its name to #finance';
    const big = bigWorkspace();
    expect(realChat(draftMessages(words, big)) + DRAFT_MAX_TOKENS).toBeGreaterThan(smallest);
    const fit = draftCatalogue(words, big, { contextWindow: smallest, maxTokens: DRAFT_MAX_TOKENS });
    expect(fit.trimmed && fit.fits).toBe(true);
    expect(realChat(draftMessages(words, fit.catalog)) + DRAFT_MAX_TOKENS).toBeLessThanOrEqual(smallest);
    const kept = fit.catalog.flatMap((c) => [...c.actions.map((a) => `${c.connector}:${a.name}`), ...c.events.map((e) => `${c.connector}:${e}`)]);
    expect(kept).toEqual(expect.arrayContaining(['sandbox.erp:vendor.created', 'chat:post']));
  });

  it('the longest text document of the invoice corpus, in the extraction prompt, fits with a 1,024-token answer', async () => {
    const docs = readdirSync(INVOICES).filter((f) => f.endsWith('.txt'));
    let longest = 0;
    for (const file of docs) {
      const text = readFileSync(new URL(file, INVOICES), 'utf8');
      const request = await sentRequest({ name: file, ask: (c) => extractWithModel(c, text, INVOICE_FIELDS), result: z.unknown() });
      longest = Math.max(longest, realChat(request.messages));
    }
    expect(longest + 1024).toBeLessThanOrEqual(smallest);
  });
});

describe('estimateTokens, the studio budget count', () => {
  it('errs high but within 20% of the real count on every draft prompt of the corpora (EN and KO) and extraction prompt', async () => {
    const prompts = requests.map((words) => draftMessages(words, studioCatalogue()));
    for (const file of readdirSync(INVOICES).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(new URL(file, INVOICES), 'utf8');
      prompts.push((await sentRequest({ name: file, ask: (c) => extractWithModel(c, text, INVOICE_FIELDS), result: z.unknown() })).messages);
    }
    const ratios = prompts.map((p) => chatTokens(p) / realChat(p));
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1.2);
  });
});
