/**
 * Every JSON Schema the app constrains a model's answer to compiles into a grammar with XGrammar (the
 * engine WebLLM 0.2.86 bundles, 0.1.27) and a real Qwen3 tokenizer, as WebLLM compiles it; and the
 * grammar does not refuse answers the app accepts: basic mode's drafts and extractions of the corpora,
 * fed token by token, pass the matcher. No weights are involved (none can be downloaded in a test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CompiledGrammar } from '@mlc-ai/web-xgrammar';
import { draftBasic } from '../copilot/draft-basic';
import { CORPUS_EXISTING } from '../copilot/corpus';
import { CorpusRequestSchema } from '../copilot/shape';
import { extractBasic } from '../extract/basic-extract';
import { INVOICE_FIELDS } from '../extract/fields';
import { constrainedAnswers, studioCatalogue } from './answers';
import { QWEN3_STOP_TOKENS, qwen3Grammar, qwen3Tokenizer } from './qwen3';
import { sentRequest } from './stand-in';
import { loadXGrammar } from './xgrammar-node';

const answers = constrainedAnswers();
const compiled = new Map<string, Promise<CompiledGrammar>>();
const grammarOf = (name: string) => {
  const answer = answers.find((a) => a.name === name)!;
  if (!compiled.has(name)) compiled.set(name, sentRequest(answer).then(async (r) => (await qwen3Grammar()).compileSchema(r.schema)));
  return compiled.get(name)!;
};

/** Whether the grammar takes `text` token by token (as the tokenizer cuts it) and then the stop token. */
async function grammarTakes(grammar: CompiledGrammar, text: string): Promise<boolean> {
  const xg = await loadXGrammar();
  const matcher = await xg.GrammarMatcher.createGrammarMatcher(grammar);
  try {
    return qwen3Tokenizer().encode(text).every((id) => matcher.acceptToken(id)) && matcher.acceptToken(QWEN3_STOP_TOKENS[1]) && matcher.isTerminated();
  } finally {
    matcher.dispose();
  }
}

describe('every constrained answer compiles into a grammar', () => {
  it('the Qwen3 tokenizer info is byte-level, padded to the model vocab size, with ChatML stop tokens', async () => {
    const { info } = await qwen3Grammar();
    expect(info.getVocabSize()).toBe(151_936);
    expect(qwen3Tokenizer().vocab.length).toBe(151_669);
    expect(QWEN3_STOP_TOKENS.map((id) => qwen3Tokenizer().vocab[id])).toEqual(['<|endoftext|>', '<|im_end|>']);
  });

  it.each(answers.map((a) => [a.name]))('%s', async (name) => {
    const request = await sentRequest(answers.find((a) => a.name === name)!);
    expect(request.response_format?.type).toBe('json_object');
    const grammar = await grammarOf(name);
    expect(grammar.grammar().toString()).toContain('root ::=');
  });

  it('length-bounded strings stay out of the draft grammar: XGrammar 0.1.27 lets a raw tab into them (mlc-ai/xgrammar#800)', async () => {
    const xg = await loadXGrammar();
    const bounded = await xg.Grammar.fromJSONSchema(JSON.stringify({ type: 'string', minLength: 1 }));
    const plain = await xg.Grammar.fromJSONSchema(JSON.stringify({ type: 'string' }));
    // When this fails, XGrammar was fixed: model-schema.ts may keep minLength/maxLength again.
    expect(await xg.Testings.isGrammarAcceptString(bounded, '"a\tb"')).toBe(true);
    expect(await xg.Testings.isGrammarAcceptString(plain, '"a\tb"')).toBe(false);
    const request = await sentRequest(answers[0]);
    expect(request.schema).not.toMatch(/"(minLength|maxLength)"/);
  });

  it('a schema XGrammar cannot take fails loudly (so a pass above means something)', async () => {
    const { compileSchema } = await qwen3Grammar();
    await expect(compileSchema(JSON.stringify({ type: 'string', pattern: '^(?!x)' }))).rejects.toThrow();
  });
});

const REQUESTS = new URL('../../../../tests/fixtures/requests/', import.meta.url);
const INVOICES = new URL('../../../../tests/fixtures/invoices/', import.meta.url);

describe('the grammars take the answers the app accepts', () => {
  it('every basic-mode draft of the request corpora, as the answer {recipe, assumptions}', async () => {
    const grammar = await grammarOf('copilot draft (studio catalogue)');
    const catalog = studioCatalogue();
    const requests = readdirSync(REQUESTS).flatMap((f) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(new URL(f, REQUESTS), 'utf8'))));
    const refused: string[] = [];
    let drafts = 0;
    for (const { words } of requests) {
      let answer: string;
      try {
        const draft = draftBasic(words, catalog, CORPUS_EXISTING);
        // XGrammar spells the "format" const "sous.recipe\/v1" (it escapes "/"), the same JSON value.
        answer = JSON.stringify({ recipe: draft.recipe, assumptions: draft.assumptions }).replaceAll('/', '\\/');
      } catch {
        continue; // no basic draft for these words: nothing to feed
      }
      drafts++;
      if (!(await grammarTakes(grammar, answer))) refused.push(words);
    }
    expect(drafts).toBeGreaterThan(100);
    expect(refused).toEqual([]);
  });

  it('every basic-mode invoice extraction of the text corpus, as the model would answer it', async () => {
    const grammar = await grammarOf('extract: invoice preset');
    const texts = readdirSync(INVOICES).filter((f) => f.endsWith('.txt'));
    expect(texts.length).toBeGreaterThan(5);
    for (const file of texts) {
      const { fields } = extractBasic(readFileSync(new URL(file, INVOICES), 'utf8'), INVOICE_FIELDS);
      // The grammar holds the keys in the schema's order (value, confidence, source), as XGrammar does.
      const answer = JSON.stringify(Object.fromEntries(INVOICE_FIELDS.map((f) => [f.name, { value: fields[f.name]?.value ?? null, confidence: fields[f.name]?.confidence ?? 0, source: fields[f.name]?.source ?? null }])));
      expect(await grammarTakes(grammar, answer), file).toBe(true);
    }
  });
});
