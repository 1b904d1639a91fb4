/** The copilot's basic mode against the request corpus: how many requests it drafts fully right, per language. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { scoreCorpus } from '../src/lib/ai/copilot/corpus';
import { NAMES_CATALOG } from '../src/lib/ai/copilot/names-catalog';
import { CorpusRequestSchema } from '../src/lib/ai/copilot/shape';
import type { Figure } from './engine-bench';

const CORPUS = new URL('../tests/fixtures/requests/', import.meta.url);

export async function copilotFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  let right = 0;
  let total = 0;
  const started = performance.now();
  // `second-set`, `third-set` and `fourth-set` (EN and KO) were written after the rules, and scored 4 of 12,
  // 6 of 10 and 3 of 10 on their first run, before the rules learnt their phrasings: the honest figure for
  // words never seen is well below the figures printed here.
  for (const lang of ['en', 'ko', 'second-set', 'third-set', 'fourth-set']) {
    const requests = z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(new URL(`${lang}.json`, CORPUS), 'utf8')));
    const score = scoreCorpus(lang, requests, NAMES_CATALOG);
    right += score.right;
    total += score.total;
    const missed = score.misses.map((m) => `"${m.words.slice(0, 40)}": ${m.differences.join('; ')}`).join(' | ');
    figures.push({ name: `basic draft fully right (${lang})`, value: score.right, unit: `of ${score.total}`, detail: missed || 'no misses' });
  }
  const ms = performance.now() - started;
  figures.unshift({ name: 'basic draft fully right (all)', value: right, unit: `of ${total}`, detail: `${Math.round((100 * right) / total)}%, trigger + actions + control kinds` });
  figures.push({ name: 'basic draft time per request', value: (ms / total) * 1000, unit: 'µs', detail: `${total} requests, parse and lint included` });
  return figures;
}
