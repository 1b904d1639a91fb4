/**
 * Constrained decoding over FAKE logits: a seeded random pick stands in for the model's weights (none can
 * run here). XGrammar's matcher masks the Qwen3 vocabulary at each step exactly as it does inside WebLLM,
 * so whatever the stand-in picks is something a real model could be made to say. The property: every
 * answer ends, is JSON, and the app's own function (its check and zod schema) accepts it, or refuses it
 * only for a gap the grammar is known to leave to that check (a dropped `pattern`, a catalogue action, a
 * blank string, an infinite number); for a draft, the recipe's shape never breaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledGrammar } from '@mlc-ai/web-xgrammar';
import { parseLoose } from '../ask-json';
import { NAMES_CATALOG } from '../copilot/names-catalog';
import { constrainedAnswers, studioCatalogue } from './answers';
import { fakeDecode } from './fake-decoder';
import { qwen3Grammar } from './qwen3';
import { draftShapeProblems } from './recipe-shape';
import { judge, sentRequest } from './stand-in';

/** Seeds per answer, a few seconds in all (a sweep of 400 per answer, in the README, found no other gap). */
const RUNS = 30;

const answers = constrainedAnswers();

describe('decoding over fake logits yields only answers of the schema', () => {
  it.each(answers.map((a) => [a.name]))('%s', async (name) => {
    const answer = answers.find((a) => a.name === name)!;
    const request = await sentRequest(answer);
    const grammar: CompiledGrammar = await (await qwen3Grammar()).compileSchema(request.schema);
    const catalog = name.includes('studio') ? studioCatalogue() : NAMES_CATALOG;
    const tally = { accepted: 0, gaps: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
        const out = await fakeDecode(grammar, { seed, maxTokens: request.max_tokens ?? 4096 });
        expect(out.ended, out.text).toBe(true);
        const json = parseLoose(out.text);
        expect(json.ok, out.text).toBe(true);
        if (!json.ok) return;
        if (name.startsWith('copilot draft')) expect(draftShapeProblems(json.value, catalog).breaks, out.text).toEqual([]);
        const verdict = await judge(answer, out.text);
        if (verdict.accepted) {
          expect(answer.result.safeParse(verdict.value).success, out.text).toBe(true);
          tally.accepted++;
        } else {
          expect(answer.knownGaps?.(json.value) ?? [], `refused: ${verdict.problems}\n${out.text}`).not.toEqual([]);
          tally.gaps++;
        }
      }),
      { numRuns: RUNS }
    );
    expect(tally.accepted + tally.gaps).toBe(RUNS);
  });
});
