/** The request corpus: basic mode must get at least a floor of it fully right, in each language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seeded } from '../../engine/test-kit';
import { scoreCorpus, CORPUS_EXISTING } from './corpus';
import { draftBasic, DraftRefused } from './draft-basic';
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

  it.each(['en', 'ko', 'second-set', 'third-set', 'fourth-set', 'fifth-set', 'sixth-set', 'seventh-set', 'held-out-1'])('basic mode drafts at least 85%% of the %s requests fully right', (lang) => {
    const score = scoreCorpus(lang, load(lang), NAMES_CATALOG);
    // The misses are in the message, so a drop says which request broke and how.
    expect(score.right / score.total, JSON.stringify(score.misses, null, 2)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('any mix of the corpus phrases', () => {
  it('drafts a recipe the parser and lint accept, or refuses in words; never a broken draft', () => {
    const pieces = ['en', 'ko', 'second-set', 'third-set', 'fourth-set', 'seventh-set'].flatMap((lang) => load(lang).flatMap((r) => r.words.split(/,\s*|\s+and\s+|하고\s*/)));
    const catalogs = [NAMES_CATALOG, NAMES_CATALOG.filter((c) => ['http', 'chat'].includes(c.connector)), NAMES_CATALOG.filter((c) => c.connector !== 'ai')];
    const rand = seeded(11);
    const counts = { drafted: 0, refused: 0 };
    for (let i = 0; i < 600; i++) {
      const words = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pieces[Math.floor(rand() * pieces.length)]).join(rand() < 0.5 ? ', ' : ' and ');
      try {
        // draftBasic itself runs the parser and lint and throws a plain Error on any problem.
        draftBasic(words, catalogs[i % catalogs.length], CORPUS_EXISTING);
        counts.drafted++;
      } catch (err) {
        if (!(err instanceof DraftRefused)) throw new Error(`${JSON.stringify(words)}: ${(err as Error).message}`);
        counts.refused++;
      }
    }
    expect(counts.drafted).toBeGreaterThan(300);
  });
});
