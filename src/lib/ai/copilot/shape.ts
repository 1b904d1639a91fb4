/**
 * The shape of a recipe that a request in words should give: its trigger, the set of connector actions,
 * the set of control step kinds. The request corpus states it for each request; the test and the bench
 * compare drafts by it.
 */
import { z } from 'zod';
import type { Recipe } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';

const CONTROL_KINDS = ['if', 'foreach', 'approval', 'try', 'call'] as const;

export const RecipeShapeSchema = z.object({
  trigger: z.object({ kind: z.string(), connector: z.string().optional(), event: z.string().optional() }),
  /** "connector:action", e.g. "sandbox.erp:vendors.search". */
  actions: z.array(z.string()),
  control: z.array(z.enum(CONTROL_KINDS))
});
export type RecipeShape = z.infer<typeof RecipeShapeSchema>;

export const CorpusRequestSchema = z.object({ words: z.string().min(1), expect: RecipeShapeSchema });
export type CorpusRequest = z.infer<typeof CorpusRequestSchema>;

export function recipeShape(recipe: Recipe): RecipeShape {
  const steps = [...allSteps(recipe.steps)];
  const t = recipe.trigger;
  return {
    trigger: t.kind === 'event' ? { kind: t.kind, connector: t.connector, event: t.event } : { kind: t.kind },
    actions: [...new Set(steps.flatMap((s) => (s.kind === 'action' ? [`${s.connector}:${s.action}`] : [])))].sort(),
    control: [...new Set(steps.flatMap((s) => ((CONTROL_KINDS as readonly string[]).includes(s.kind) ? [s.kind as RecipeShape['control'][number]] : [])))].sort()
  };
}

/** What differs between the expected shape and a draft's, in words; empty when it is fully right. */
export function shapeDifferences(expected: RecipeShape, got: RecipeShape): string[] {
  const out: string[] = [];
  const e = expected.trigger;
  if (e.kind !== got.trigger.kind || (e.event && e.event !== got.trigger.event) || (e.connector && e.connector !== got.trigger.connector)) {
    out.push(`trigger: expected ${JSON.stringify(e)}, got ${JSON.stringify(got.trigger)}`);
  }
  const diff = (name: string, want: string[], have: string[]) => {
    const missing = want.filter((x) => !have.includes(x));
    const extra = have.filter((x) => !want.includes(x));
    if (missing.length) out.push(`${name} missing: ${missing.join(', ')}`);
    if (extra.length) out.push(`${name} extra: ${extra.join(', ')}`);
  };
  diff('actions', expected.actions, got.actions);
  diff('control', expected.control, got.control);
  return out;
}
