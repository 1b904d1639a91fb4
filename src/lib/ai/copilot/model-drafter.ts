/**
 * The copilot as the "New from words" dialog calls it: the model when one is loaded, else the basic
 * copilot (templates, another module's `draftBasic`, passed in). Either way the DraftResult says its mode.
 * A model failure is not hidden behind a basic draft: it is thrown, with its plain message.
 */
import type { ModelClient } from '../model-client';
import type { Recipe } from '../../recipe';
import type { CatalogEntry, DraftResult } from './draft-result';
import { modelDraft } from './model-draft';

export type DraftFn = (words: string, catalog: CatalogEntry[], existing: Recipe[], options?: { signal?: AbortSignal }) => Promise<DraftResult>;

export function modelOrBasicDrafter(
  model: () => Promise<ModelClient | undefined>,
  basic: (words: string, catalog: CatalogEntry[], existing: Recipe[]) => DraftResult | Promise<DraftResult>,
  maxRepairs = 2
): DraftFn {
  return async (words, catalog, existing, options = {}) => {
    const client = await model();
    if (!client) return basic(words, catalog, existing);
    return modelDraft(words, catalog, existing, client, { maxRepairs, signal: options.signal });
  };
}
