/**
 * The copilot behind interfaces, so the studio and the CLI do not care which mode answers: basic
 * (rules and templates, always there) now; the model-backed one (src/lib/ai/model-client.ts) plugs in
 * by implementing the same interfaces. Every answer says which mode produced it.
 */
import type { Recipe } from '../../recipe/schema';
import { draftBasic } from './draft-basic';
import type { CatalogEntry, DraftResult } from './draft-result';
import { explainBasic, type Explanation } from './explain';
import { adviseBasic, type FailureAdvice, type FailureFacts } from './failure-hints';

export interface DraftContext {
  catalog: CatalogEntry[];
  /** The workspace's recipes, which `call` steps may use. */
  existing: Array<{ id: string; name: string }>;
  signal?: AbortSignal;
}

/** Words in, a draft recipe out; throws `DraftRefused` (plain words) when it cannot draft. */
export interface Drafter {
  readonly mode: 'basic' | 'model';
  draft(words: string, context: DraftContext): Promise<DraftResult>;
}

export interface Explainer {
  readonly mode: 'basic' | 'model';
  explain(recipe: Recipe): Promise<Explanation>;
}

export interface FailureAdvisor {
  readonly mode: 'basic' | 'model';
  advise(facts: FailureFacts): Promise<FailureAdvice>;
}

export interface Copilot {
  drafter: Drafter;
  explainer: Explainer;
  advisor: FailureAdvisor;
}

export const basicDrafter: Drafter = {
  mode: 'basic',
  async draft(words, context) {
    return draftBasic(words, context.catalog, context.existing);
  }
};

/** A draft function in the shape `(words, catalog, existing, {signal})`, e.g. the model side's `modelOrBasicDrafter(...)`. */
export type DraftFunction = (
  words: string,
  catalog: CatalogEntry[],
  existing: Array<{ id: string; name: string }>,
  options?: { signal?: AbortSignal }
) => Promise<DraftResult> | DraftResult;

/** A Drafter over a draft function; each result still says which mode made it. */
export function drafterFrom(fn: DraftFunction, mode: 'basic' | 'model' = 'model'): Drafter {
  return { mode, draft: async (words, context) => fn(words, context.catalog, context.existing, { signal: context.signal }) };
}

export const basicExplainer: Explainer = { mode: 'basic', explain: async (recipe) => explainBasic(recipe) };
export const basicAdvisor: FailureAdvisor = { mode: 'basic', advise: async (facts) => adviseBasic(facts) };

export const basicCopilot: Copilot = { drafter: basicDrafter, explainer: basicExplainer, advisor: basicAdvisor };

/**
 * The copilot to use now: the model-backed parts where one is given (a loaded on-device model), else
 * basic. A model part that fails falls back to basic for that answer, which then says "basic".
 */
export function chooseCopilot(model?: Partial<Copilot>): Copilot {
  const drafter = model?.drafter;
  const explainer = model?.explainer;
  const advisor = model?.advisor;
  return {
    drafter: drafter
      ? { mode: drafter.mode, draft: (words, context) => fallBack(() => drafter.draft(words, context), () => basicDrafter.draft(words, context)) }
      : basicDrafter,
    explainer: explainer
      ? { mode: explainer.mode, explain: (recipe) => fallBack(() => explainer.explain(recipe), () => basicExplainer.explain(recipe)) }
      : basicExplainer,
    advisor: advisor
      ? { mode: advisor.mode, advise: (facts) => fallBack(() => advisor.advise(facts), () => basicAdvisor.advise(facts)) }
      : basicAdvisor
  };
}

async function fallBack<R>(primary: () => Promise<R>, fallback: () => Promise<R>): Promise<R> {
  try {
    return await primary();
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    return fallback();
  }
}

export { DraftRefused } from './draft-basic';
export type { Explanation } from './explain';
export type { FailureAdvice, FailureFacts } from './failure-hints';
