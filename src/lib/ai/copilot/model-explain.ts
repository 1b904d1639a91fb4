/**
 * Model-backed "explain this recipe" and "why did this job fail, and how do I fix it", in the same shapes
 * basic mode answers (explain.ts, failure-hints.ts). The recipe goes to the model only through the export
 * (which blanks secrets); for a failed job, only its error (step id, code, message) goes, never step
 * inputs or outputs (they may hold personal data or tokens).
 */
import { askJson } from '../ask-json';
import type { ModelClient } from '../model-client';
import { exportRecipe, scrubSecrets, type Recipe } from '../../recipe';
import { redactText } from '../../engine/redact';
import type { Explanation } from './explain';
import type { FailureAdvice, FailureFacts } from './failure-hints';
import type { Lang } from './lang';

/** How to write, in the studio's language when it is known (else the recipe names'). */
export function plainWords(lang?: Lang): string {
  const language = lang === 'ko' ? 'in Korean (한국어)' : lang === 'en' ? 'in English' : 'in the language of the recipe names';
  return `Write for a person who does not program: short plain sentences, ${language}.`;
}

export async function modelExplain(recipe: Recipe, client: ModelClient, options: { signal?: AbortSignal; lang?: Lang } = {}): Promise<Explanation> {
  const { value } = await askJson(client, {
    messages: [
      { role: 'system', content: `Explain what this Sous automation recipe does, step by step, in at most 8 sentences. Answer {"explanation": "..."}. ${plainWords(options.lang)}` },
      { role: 'user', content: exportRecipe(recipe).text }
    ],
    schema: JSON.stringify({ type: 'object', properties: { explanation: { type: 'string' } }, required: ['explanation'] }),
    check: (data) =>
      isRecord(data) && typeof data.explanation === 'string' && data.explanation.trim() !== ''
        ? { ok: true, value: data.explanation.trim() }
        : { ok: false, problems: ['"explanation" must be a non-empty string'] },
    signal: options.signal
  });
  return { mode: 'model', summary: value, lines: [] };
}

export async function modelAdvise(
  facts: FailureFacts,
  recipe: Recipe | undefined,
  client: ModelClient,
  options: { signal?: AbortSignal; lang?: Lang } = {}
): Promise<FailureAdvice> {
  // An older job's error may echo a secret the recipe holds as literal text: blank it (as the export does).
  const literal = recipe ? scrubSecrets(recipe).secrets : [];
  const error = redactText(facts.message, Object.fromEntries(literal.map((v, i) => [String(i), v])));
  const happened = { step: facts.step, connector: facts.connector, action: facts.action, code: facts.code, error };
  const { value } = await askJson(client, {
    messages: [
      {
        role: 'system',
        content: `A job of this Sous recipe failed. Say why in one or two sentences ("cause") and what the person should change ("fix"). Answer {"cause": "...", "fix": "..."}. ${plainWords(options.lang)}`
      },
      { role: 'user', content: `${recipe ? `Recipe:\n${exportRecipe(recipe).text}\n` : ''}What happened:\n${JSON.stringify(happened, null, 2)}` }
    ],
    schema: JSON.stringify({ type: 'object', properties: { cause: { type: 'string' }, fix: { type: 'string' } }, required: ['cause', 'fix'] }),
    check: (data) =>
      isRecord(data) && typeof data.cause === 'string' && typeof data.fix === 'string' && data.cause.trim() && data.fix.trim()
        ? { ok: true, value: { cause: data.cause.trim(), fix: data.fix.trim() } }
        : { ok: false, problems: ['"cause" and "fix" must both be non-empty strings'] },
    signal: options.signal
  });
  return { mode: 'model', cause: value.cause, fixes: [value.fix] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
