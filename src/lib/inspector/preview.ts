/**
 * The formula preview: an expression evaluated against the last job as the selected step would have
 * seen it, with the engine's own evaluator (and its time and depth limits).
 */
import { evaluateTemplate } from '../engine/expressions';
import { t } from '../i18n';
import type { Job, Recipe } from '../recipe';
import { scopeOf } from '../recipe/scope';
import { recordOf } from './pills';

export type Preview = { ok: true; value: unknown } | { ok: false; error: string };

/** `trigger`, `steps`, `vars`, `user`, `now`, loop elements and `error`, taken from the last job. */
export function previewContext(recipe: Recipe, stepId: string | null, job: Job | undefined): Record<string, unknown> {
  const scope = stepId === null ? undefined : scopeOf(recipe, stepId);
  const steps: Record<string, unknown> = {};
  const vars: Record<string, unknown> = {};
  for (const step of scope?.before ?? []) {
    const record = recordOf(job, step.id);
    if (record?.output === undefined || step.disabled) continue;
    steps[step.id] = record.output;
    if (step.kind === 'set') Object.assign(vars, record.output);
  }
  const context: Record<string, unknown> = {
    trigger: job?.trigger ?? {},
    steps,
    vars,
    user: job?.user ?? { id: 'you', name: t('inspector:pills.you'), roles: [] },
    now: job?.started_at ?? new Date().toISOString()
  };
  for (const loop of scope?.loops ?? []) {
    const items = (recordOf(job, loop.id)?.input as { items?: unknown[] } | undefined)?.items;
    context[loop.as ?? 'item'] = items?.[0];
    context.index = 0;
  }
  if (scope?.inCatch) context.error = job?.error ?? { message: t('inspector:pills.exampleError'), step: null, code: 'error' };
  return context;
}

/** Evaluate a field's value (a template) for the preview; a compile or runtime error is answered, not thrown. */
export async function previewValue(text: string, context: object): Promise<Preview> {
  try {
    return { ok: true, value: await evaluateTemplate(text, context) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
