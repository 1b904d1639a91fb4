/**
 * The copilot, one path for the studio and the CLI: "new from words", "change with words", "explain" and
 * "why did this fail". Basic mode (rules and templates) always answers; when an on-device model is chosen
 * and downloaded (the model provider hands out a loaded ModelClient) the model answers instead. A model
 * that fails is never hidden: the answer is then basic mode's, labelled basic, with `modelProblem` saying
 * what went wrong with the model. Every answer says which mode produced it.
 */
import type { ModelClient } from '../model-client';
import type { Recipe } from '../../recipe/schema';
import { draftBasic } from './draft-basic';
import type { CatalogEntry, DraftResult } from './draft-result';
import { explainBasic, type Explanation } from './explain';
import { adviseBasic, type FailureAdvice, type FailureFacts } from './failure-hints';
import { modelDraft } from './model-draft';
import { draftCatalogue } from '../grammar/prompt-budget';
import { modelAdvise, modelExplain } from './model-explain';
import type { Lang } from './lang';

export interface DraftContext {
  catalog: CatalogEntry[];
  /** The workspace's recipes, which `call` steps may use. */
  existing: Array<{ id: string; name: string }>;
  signal?: AbortSignal;
  /** The studio's language: a draft answers in the request's, this only where the words have none. */
  lang?: Lang;
}

export interface AskOptions {
  signal?: AbortSignal;
  /** The language to answer in (the studio's); English when not given. */
  lang?: Lang;
}

/** An answer, and when the model was asked but failed, why (the answer is then basic mode's). */
export type Answered<T> = T & { modelProblem?: string };

/** Words in, a draft recipe out; throws `DraftRefused` (plain words) when it cannot draft. */
export interface Drafter {
  draft(words: string, context: DraftContext): Promise<Answered<DraftResult>>;
}

export interface Explainer {
  explain(recipe: Recipe, options?: AskOptions): Promise<Answered<Explanation>>;
}

export interface FailureAdvisor {
  /** `recipe` (the failed job's version) lets the model read the recipe, through its secret-free export. */
  advise(facts: FailureFacts, options?: AskOptions & { recipe?: Recipe }): Promise<Answered<FailureAdvice>>;
}

export interface Copilot {
  drafter: Drafter;
  explainer: Explainer;
  advisor: FailureAdvisor;
}

export const basicDrafter: Drafter = { draft: async (words, context) => draftBasic(words, context.catalog, context.existing, context.lang) };
export const basicExplainer: Explainer = { explain: async (recipe, options) => explainBasic(recipe, options?.lang) };
export const basicAdvisor: FailureAdvisor = { advise: async (facts, options) => adviseBasic(facts, options?.lang) };
export const basicCopilot: Copilot = { drafter: basicDrafter, explainer: basicExplainer, advisor: basicAdvisor };

/** Every model the studio offers has a 4,096-token window; a draft's answer keeps 2,048 of it (model-draft.ts). */
const DRAFT_BUDGET = { contextWindow: 4096, maxTokens: 2048 };

/** The model's parts over a loaded client; they throw (plain words) when the model fails. */
export function modelCopilot(client: ModelClient, maxRepairs = 2): Copilot {
  return {
    drafter: {
      // A workspace with many imported connectors would not fit the window: the prompt then carries the
      // entries the request needs (grammar/prompt-budget.ts, measured with the Qwen3 tokenizer in tests).
      draft: (words, c) => modelDraft(words, draftCatalogue(words, c.catalog, DRAFT_BUDGET, c.existing).catalog, c.existing, client, { maxRepairs, signal: c.signal })
    },
    explainer: { explain: (recipe, o) => modelExplain(recipe, client, o) },
    advisor: { advise: (facts, o) => modelAdvise(facts, o?.recipe, client, o) }
  };
}

/** The loaded model to use now, or `undefined` for basic mode (none chosen, or not downloaded). */
export type ModelProvider = () => Promise<ModelClient | undefined>;

/**
 * The copilot as the studio asks it: each answer asks `model` first (so choosing or downloading a model
 * on the Models page is seen at the next question), and falls back to basic mode, saying why, when the
 * model cannot start or cannot answer. Cancelling is not a model failure: it throws.
 */
export function copilotWith(model: ModelProvider): Copilot {
  return {
    drafter: {
      draft: (words, c) => answer(model, c.signal, (m) => m.drafter.draft(words, c), () => basicDrafter.draft(words, c))
    },
    explainer: {
      explain: (recipe, o) => answer(model, o?.signal, (m) => m.explainer.explain(recipe, o), () => basicExplainer.explain(recipe, o))
    },
    advisor: {
      advise: (facts, o) => answer(model, o?.signal, (m) => m.advisor.advise(facts, o), () => basicAdvisor.advise(facts, o))
    }
  };
}

async function answer<T extends object>(
  model: ModelProvider,
  signal: AbortSignal | undefined,
  ask: (copilot: Copilot) => Promise<T>,
  basic: () => Promise<T>
): Promise<Answered<T>> {
  let client: ModelClient | undefined;
  try {
    client = await model();
  } catch (err) {
    // The chosen model could not be loaded.
    if (isCancel(err, signal)) throw err;
    return fallBack(basic, message(err));
  }
  if (!client) return basic();
  try {
    return await ask(modelCopilot(client));
  } catch (err) {
    if (isCancel(err, signal)) throw err;
    return fallBack(basic, message(err));
  }
}

async function fallBack<T extends object>(basic: () => Promise<T>, problem: string): Promise<Answered<T>> {
  try {
    return { ...(await basic()), modelProblem: problem };
  } catch (err) {
    throw new Error(`${problem} Basic mode could not answer either: ${message(err)}`, { cause: err });
  }
}

function isCancel(err: unknown, signal?: AbortSignal): boolean {
  const e = err as { name?: string; code?: string } | undefined;
  return Boolean(signal?.aborted) || e?.name === 'AbortError' || e?.code === 'cancelled';
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export { DraftRefused } from './draft-basic';
export type { Explanation } from './explain';
export type { FailureAdvice, FailureFacts } from './failure-hints';
