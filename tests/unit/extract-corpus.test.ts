/**
 * Basic-mode extraction over the whole invoice corpus must not get worse: recall and precision floors per
 * reader and per language, set a little under what was measured (npm run bench prints the figures).
 * Measured 2026-11-26 on 45 invoices (recall / precision): text 100% / 100%, pdf 100% / 100%, ocr 92.5% / 97.6%;
 * OCR's floor leaves room for tesseract reading a little differently on another machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeReaders } from '../../src/lib/ai/extract/read-document';
import { precision, recall } from '../../src/lib/ai/extract/score';
import { basicExtractor, corpusDocs, scoreCorpus, type CorpusScore } from '../../bench/extract-bench';

const FLOORS = {
  text: { recall: 0.98, precision: 0.98 },
  pdf: { recall: 0.98, precision: 0.98 },
  ocr: { recall: 0.88, precision: 0.93 }
} as const;

let score: CorpusScore;

beforeAll(async () => {
  score = await scoreCorpus(basicExtractor, corpusDocs());
}, 600_000);
afterAll(() => closeReaders());

describe('the invoice corpus', () => {
  it('has at least 45 invoices, from every reader and in both languages', () => {
    const docs = corpusDocs();
    expect(docs.length).toBeGreaterThanOrEqual(45);
    expect(new Set(docs.map((d) => d.lang))).toEqual(new Set(['en', 'ko']));
    expect(Object.keys(score.byReader).sort()).toEqual(['ocr', 'pdf', 'text']);
  });

  it.each(Object.entries(FLOORS))('%s: recall and precision stay above their floors', (reader, floor) => {
    const tally = score.byReader[reader];
    expect(recall(tally), JSON.stringify(tally)).toBeGreaterThanOrEqual(floor.recall);
    expect(precision(tally), JSON.stringify(tally)).toBeGreaterThanOrEqual(floor.precision);
  });

  it.each([
    ['en', 0.96],
    ['ko', 0.92]
  ])('%s: recall stays above its floor (%s)', (lang, floor) => {
    expect(recall(score.byLang[lang])).toBeGreaterThanOrEqual(floor);
  });

  it('every field of the invoice preset is found in most documents', () => {
    for (const [field, tally] of Object.entries(score.byField)) expect(recall(tally), field).toBeGreaterThanOrEqual(0.88);
  });
});
