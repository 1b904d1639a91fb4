/**
 * The studio's copilot: one path for New from words, Change with words, Explain and Why did this fail.
 * It asks the on-device model when one is chosen on the Models page and downloaded (the ai runtime's
 * provider, loaded in this page, once per database), else basic mode; a model that fails gives the basic
 * answer with the model's problem (copilot.ts). The studio's catalogue is what the copilot may draft with.
 */
import { copilotWith, type Copilot, type ModelProvider } from '../../ai/copilot/copilot';
import type { CatalogEntry } from '../../ai/copilot/draft-result';
import { browserModelProvider } from '../../ai/runtime/worker-model';
import { createCatalog } from '../../connectors/catalog';
import { catalogEntries } from '../../connectors/catalog-entries';
import type { SousDb } from '../../store';

const providers = new WeakMap<SousDb, ModelProvider>();

/** The copilot to ask now for this workspace (its provider keeps one loaded model for the page). */
export function studioCopilot(db: SousDb): Copilot {
  let provider = providers.get(db);
  // Without the Cache API (a page not served over https or localhost) no model can be downloaded: basic.
  if (!provider) providers.set(db, (provider = globalThis.caches ? browserModelProvider(db) : async () => undefined));
  return copilotWith(provider);
}

let catalog: CatalogEntry[] | undefined;

/** The connectors and actions the studio has, as the copilot's catalogue (computed once). */
export function studioCatalog(): CatalogEntry[] {
  catalog ??= catalogEntries(createCatalog());
  return catalog;
}

