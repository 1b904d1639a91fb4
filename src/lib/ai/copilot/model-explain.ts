/**
 * Model-backed "explain this recipe" and "why did this job fail, and how do I fix it". The recipe goes to
 * the model only through the export (which blanks secrets); for a job, only its error and the failed
 * step's id and kind go, never step inputs or outputs (they may hold personal data or tokens).
 */
import { askJson } from '../ask-json';
import type { ModelClient } from '../model-client';
import { exportRecipe, type Job, type Recipe } from '../../recipe';

export interface Explanation {
  mode: 'model';
  text: string;
}

export interface FailureAdvice {
  mode: 'model';
  cause: string;
  fix: string;
}

const PLAIN = 'Write for a person who does not program: short plain sentences, in the language of the recipe names.';

export async function explainRecipe(recipe: Recipe, client: ModelClient, options: { signal?: AbortSignal } = {}): Promise<Explanation> {
  const { value } = await askJson(client, {
    messages: [
      { role: 'system', content: `Explain what this Sous automation recipe does, step by step, in at most 8 sentences. Answer {"explanation": "..."}. ${PLAIN}` },
      { role: 'user', content: exportRecipe(recipe).text }
    ],
    schema: JSON.stringify({ type: 'object', properties: { explanation: { type: 'string' } }, required: ['explanation'] }),
    check: (data) =>
      isRecord(data) && typeof data.explanation === 'string' && data.explanation.trim() !== ''
        ? { ok: true, value: data.explanation.trim() }
        : { ok: false, problems: ['"explanation" must be a non-empty string'] },
    signal: options.signal
  });
  return { mode: 'model', text: value };
}

export async function explainFailure(job: Job, recipe: Recipe, client: ModelClient, options: { signal?: AbortSignal } = {}): Promise<FailureAdvice> {
  const failed = job.steps.find((s) => s.status === 'failed');
  const facts = {
    status: job.status,
    error: job.error ? { message: job.error.message, code: job.error.code, step: job.error.step } : null,
    failed_step: failed ? { id: failed.step_id, path: failed.path, kind: failed.kind, attempt: failed.attempt, error: failed.error?.message ?? null } : null
  };
  const { value } = await askJson(client, {
    messages: [
      {
        role: 'system',
        content: `A job of this Sous recipe failed. Say why in one or two sentences ("cause") and what the person should change ("fix"). Answer {"cause": "...", "fix": "..."}. ${PLAIN}`
      },
      { role: 'user', content: `Recipe:\n${exportRecipe(recipe).text}\nWhat happened:\n${JSON.stringify(facts, null, 2)}` }
    ],
    schema: JSON.stringify({ type: 'object', properties: { cause: { type: 'string' }, fix: { type: 'string' } }, required: ['cause', 'fix'] }),
    check: (data) =>
      isRecord(data) && typeof data.cause === 'string' && typeof data.fix === 'string' && data.cause.trim() && data.fix.trim()
        ? { ok: true, value: { cause: data.cause.trim(), fix: data.fix.trim() } }
        : { ok: false, problems: ['"cause" and "fix" must both be non-empty strings'] },
    signal: options.signal
  });
  return { mode: 'model', ...value };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
