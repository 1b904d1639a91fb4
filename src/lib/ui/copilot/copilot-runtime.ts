/**
 * Which copilot the studio uses, chosen at runtime: basic mode always; the on-device model's parts
 * (drafter, explainer, advisor) once the model engineer's code registers them after a model loads.
 * The studio's catalogue is what the copilot may draft with.
 */
import { chooseCopilot, type Copilot } from '../../ai/copilot/copilot';
import type { CatalogEntry } from '../../ai/copilot/draft-result';
import { createCatalog } from '../../connectors/catalog';
import { catalogEntries } from '../../connectors/catalog-entries';

let model: Partial<Copilot> | undefined;

/** Plug in model-backed parts (or `undefined` to go back to basic mode), e.g. after a model loads. */
export function useModelCopilot(parts: Partial<Copilot> | undefined): void {
  model = parts;
}

/** The copilot to ask now. */
export function studioCopilot(): Copilot {
  return chooseCopilot(model);
}

let catalog: CatalogEntry[] | undefined;

/** The connectors and actions the studio has, as the copilot's catalogue (computed once). */
export function studioCatalog(): CatalogEntry[] {
  catalog ??= catalogEntries(createCatalog());
  return catalog;
}

export const MODE_LABEL = { basic: 'Basic mode (no model)', model: 'On-device model' } as const;
