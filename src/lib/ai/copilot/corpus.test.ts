/** The request corpus: basic mode must get at least a floor of it fully right, in each language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scoreCorpus } from './corpus';
import { NAMES_CATALOG } from './names-catalog';
import { CorpusRequestSchema } from './shape';

const load = (lang: string) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(`tests/fixtures/requests/${lang}.json`, 'utf8')));

describe('request corpus', () => {
  const en = load('en');
  const ko = load('ko');

  it('holds at least 32 requests, about half of them Korean', () => {
    expect(en.length + ko.length).toBeGreaterThanOrEqual(32);
    expect(ko.length).toBeGreaterThanOrEqual(16);
    expect(ko.every((r) => /[\uac00-\ud7a3]/.test(r.words))).toBe(true);
  });

  it.each(['en', 'ko', 'second-set'])('basic mode drafts at least 85%% of the %s requests fully right', (lang) => {
    const score = scoreCorpus(lang, load(lang), NAMES_CATALOG);
    // The misses are in the message, so a drop says which request broke and how.
    expect(score.right / score.total, JSON.stringify(score.misses, null, 2)).toBeGreaterThanOrEqual(0.85);
  });
});
