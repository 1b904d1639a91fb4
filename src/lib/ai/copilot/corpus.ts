/**
 * Scoring basic mode against the request corpus (tests/fixtures/requests/*.json): how many requests
 * it drafts fully right (trigger, connector actions, control kinds), per language. Used by the test
 * (a floor) and by `npm run bench`.
 */
import { draftBasic } from './draft-basic';
import type { CatalogEntry } from './draft-result';
import { recipeShape, shapeDifferences, type CorpusRequest } from './shape';

export interface CorpusScore {
  language: string;
  total: number;
  right: number;
  misses: Array<{ words: string; differences: string[] }>;
}

/** The recipes the corpus's "run X" requests may call. */
export const CORPUS_EXISTING = [{ id: 'notify-finance', name: 'Notify finance' }];

export function scoreCorpus(language: string, requests: CorpusRequest[], catalog: CatalogEntry[]): CorpusScore {
  const misses: CorpusScore['misses'] = [];
  for (const request of requests) {
    let differences: string[];
    try {
      differences = shapeDifferences(request.expect, recipeShape(draftBasic(request.words, catalog, CORPUS_EXISTING).recipe));
    } catch (err) {
      differences = [`no draft: ${err instanceof Error ? err.message : String(err)}`];
    }
    if (differences.length) misses.push({ words: request.words, differences });
  }
  return { language, total: requests.length, right: requests.length - misses.length, misses };
}
