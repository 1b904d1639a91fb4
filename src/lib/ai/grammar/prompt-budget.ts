/**
 * Whether a draft prompt fits the model's context window with room for the answer, and the catalogue
 * trimmed to the request when it does not. Runs in the studio (tokens by estimateTokens, no tokenizer);
 * the tests count the same prompts with Qwen3's real tokenizer.
 *
 * Fit first: when the whole catalogue fits it is sent whole (a prompt without the action a request needs
 * cannot be right); when it does not (a workspace with many imported connectors), the prompt carries
 * what catalogueFor(words) finds for the request, then whole connectors in catalogue order while they fit.
 */
import { catalogueFor } from '../copilot/catalogue-search';
import type { CatalogEntry } from '../copilot/draft-result';
import { langOf } from '../copilot/lang';
import { draftSystemPrompt, type ExistingRecipe } from '../copilot/model-draft';
import type { ModelMessage } from '../model-client';
import { estimateTokens } from './estimate-tokens';

/** modelDraft's `max_tokens` (prompt-budget.test.ts fails when the two differ). */
export const DRAFT_MAX_TOKENS = 2048;

export interface PromptBudget {
  /** The model's `context_window_size` (WebLLM's record overrides; 4096 for every model offered). */
  contextWindow: number;
  /** Tokens kept for the answer. */
  maxTokens: number;
}

export type CountTokens = (text: string) => number;

/**
 * Tokens of a chat as WebLLM lays it out for ChatML models: per turn `<|im_start|>`, the role, a newline,
 * the text, `<|im_end|>` and a newline (5 besides the text), and 3 to open the answer.
 */
export function chatTokens(messages: ModelMessage[], count: CountTokens = estimateTokens): number {
  return messages.reduce((sum, m) => sum + 5 + count(m.content), 3);
}

export function draftMessages(words: string, catalog: CatalogEntry[], existing: ExistingRecipe[] = []): ModelMessage[] {
  return [
    { role: 'system', content: draftSystemPrompt(catalog, existing, langOf(words)) },
    { role: 'user', content: words }
  ];
}

export interface DraftCatalogue {
  catalog: CatalogEntry[];
  /** The prompt's tokens as counted (estimated in the studio). */
  promptTokens: number;
  trimmed: boolean;
  /** Whether even the trimmed prompt fits; false when the request alone is too long. */
  fits: boolean;
}

/** The catalogue a draft prompt for `words` should carry within `budget`. */
export function draftCatalogue(
  words: string,
  catalog: CatalogEntry[],
  budget: PromptBudget,
  existing: ExistingRecipe[] = [],
  count: CountTokens = estimateTokens
): DraftCatalogue {
  const tokensOf = (c: CatalogEntry[]) => chatTokens(draftMessages(words, c, existing), count);
  const room = budget.contextWindow - budget.maxTokens;
  const whole = tokensOf(catalog);
  if (whole <= room) return { catalog, promptTokens: whole, trimmed: false, fits: true };
  let chosen = catalogueFor(words, catalog);
  while (chosen.length > 0 && tokensOf(chosen) > room) chosen = chosen.slice(0, -1);
  for (const entry of catalog) {
    const at = chosen.findIndex((c) => c.connector === entry.connector);
    const wider = at >= 0 ? chosen.map((c, i) => (i === at ? entry : c)) : [...chosen, entry];
    if (tokensOf(wider) <= room) chosen = wider;
  }
  const promptTokens = tokensOf(chosen);
  return { catalog: chosen, promptTokens, trimmed: true, fits: promptTokens <= room };
}
