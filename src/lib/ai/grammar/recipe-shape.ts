/**
 * What the draft grammar promises and what it leaves to the recipe parser. model-schema.ts drops the
 * keywords XGrammar cannot take (regex `pattern`s, `propertyNames`, `format`, string lengths) and the
 * schema cannot say "a connector's own actions" or a `refine`; so a grammar-valid recipe may still fail
 * those checks (then the app sends the problems back for repair). Anything else failing is a broken
 * grammar: a wrong type, a missing or unknown key, a step kind that does not exist.
 */
import type { z } from 'zod';
import { RecipeSchema } from '../../recipe';
import type { CatalogEntry } from '../copilot/draft-result';

type Issue = z.core.$ZodIssue;

export interface DraftShape {
  /** Problems the grammar is known to leave to the parser and the catalogue check. */
  gaps: string[];
  /** Problems the grammar should have made impossible. */
  breaks: string[];
}

export function draftShapeProblems(data: unknown, catalog: CatalogEntry[]): DraftShape {
  const gaps: string[] = [];
  const breaks: string[] = [];
  const answer = data as { recipe?: unknown; assumptions?: unknown };
  if (typeof data !== 'object' || data === null || !Array.isArray(answer.assumptions)) return { gaps, breaks: ['not {"recipe", "assumptions": [...]}'] };
  const parsed = RecipeSchema.safeParse(answer.recipe);
  for (const issue of parsed.success ? [] : parsed.error.issues) (leftToParser(issue) ? gaps : breaks).push(describe(issue));
  if (parsed.success) {
    gaps.push(...catalogueGaps(parsed.data, catalog));
    // The schema's one catalogue limit: an action step's connector is one of the catalogue's ids.
    const ids = new Set(catalog.map((c) => c.connector));
    visitSteps(parsed.data.steps, (step) => {
      if (step.kind === 'action' && !ids.has(String(step.connector))) breaks.push(`step "${String(step.id)}": connector "${String(step.connector)}" is not in the catalogue`);
    });
  }
  return { gaps, breaks };
}

/** Whether a zod issue comes from a check the grammar was told to leave out (or has no keyword for). */
function leftToParser(issue: Issue): boolean {
  switch (issue.code) {
    case 'invalid_format':
    case 'custom':
      return true;
    case 'too_small':
    case 'too_big':
      return issue.origin === 'string';
    case 'invalid_union':
      // A plain union passes when one branch would: the issue is a gap when some branch fails only by gaps.
      return issue.errors.length > 0 && issue.errors.some((branch) => branch.every(leftToParser));
    default:
      return false;
  }
}

function describe(issue: Issue): string {
  return `${issue.path.join('.') || '(recipe)'}: ${issue.code}: ${issue.message}`;
}

/**
 * The catalogue checks checkDraft makes that the schema cannot: an action of that very connector, an
 * event the connector has, a step id without "-". (The schema limits only `connector` to the catalogue.)
 */
function catalogueGaps(recipe: z.infer<typeof RecipeSchema>, catalog: CatalogEntry[]): string[] {
  const byId = new Map(catalog.map((c) => [c.connector, c]));
  const out: string[] = [];
  visitSteps(recipe.steps, (step) => {
    if (typeof step.id === 'string' && step.id.includes('-')) out.push(`step "${step.id}": an id with "-"`);
    if (step.kind === 'action' && !byId.get(String(step.connector))?.actions.some((a) => a.name === step.action)) {
      out.push(`step "${step.id}": ${String(step.connector)} has no action "${String(step.action)}"`);
    }
  });
  const trigger = recipe.trigger;
  if (trigger.kind === 'event' && !byId.get(trigger.connector)?.events.includes(trigger.event)) out.push(`trigger: no event "${trigger.event}"`);
  return out;
}

/** Every step object at any depth (then/else/steps/catch lists), without knowing each kind's lists. */
function visitSteps(node: unknown, visit: (step: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => visitSteps(n, visit));
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.kind === 'string' && typeof obj.id === 'string') visit(obj);
  for (const value of Object.values(obj)) if (Array.isArray(value)) visitSteps(value, visit);
}
