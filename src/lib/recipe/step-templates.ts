/**
 * A new step of each kind, as the step picker adds it: the least a step needs to parse, with values a
 * person will recognise and change (a condition that reads as a question, an empty branch).
 */
import type { Step, StepKind } from './schema';

export type NewStepOptions = {
  /** The new step's id; the caller makes it unique (see `uniqueStepId`). Defaults to the kind. */
  id?: string;
  name?: string;
  /** Required for an `action` step. */
  connector?: string;
  action?: string;
  /** Starting input of an `action` or `call` step (e.g. the defaults of the action's schema). */
  input?: Record<string, unknown>;
  /** The recipe a `call` step calls. */
  recipe?: string;
};

export function newStep(kind: StepKind, options: NewStepOptions = {}): Step {
  const id = options.id ?? kind;
  const name = options.name === undefined ? {} : { name: options.name };
  switch (kind) {
    case 'action': {
      if (!options.connector || !options.action) throw new Error('a new action step needs a connector and an action');
      return { id, ...name, kind, connector: options.connector, action: options.action, input: { ...options.input } };
    }
    case 'if':
      return { id, ...name, kind, condition: '{{ true }}', then: [], else: [] };
    case 'foreach':
      return { id, ...name, kind, items: '{{ [] }}', steps: [] };
    case 'try':
      return { id, ...name, kind, steps: [], catch: [] };
    case 'set':
      return { id, ...name, kind, values: {} };
    case 'approval':
      return { id, ...name, kind, message: 'Please approve' };
    case 'call':
      return { id, ...name, kind, recipe: options.recipe ?? 'other-recipe', input: { ...options.input } };
    case 'stop':
      return { id, ...name, kind, outcome: 'success' };
    default: {
      const never: never = kind;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}

/** Words that make an id longer without saying more ("Create a vendor" → `create_vendor`). */
const FILLER = new Set(['a', 'an', 'the']);
const STEP_ID_MAX = 64;

/**
 * A new step's id from its name, its words joined by `_` ("Search vendors" → `search_vendors`), so an
 * expression reads `steps.search_vendors` with no backticks; `_2`, `_3`… when the recipe has it already.
 * A name with no Latin letter or digit (e.g. Korean) falls back to `fallback` (the action or kind).
 */
export function stepIdFromName(name: string, taken: Set<string>, fallback = 'step'): string {
  const base = idWords(name) || idWords(fallback) || 'step';
  if (!taken.has(base)) return base;
  const stem = base.slice(0, STEP_ID_MAX - 4).replace(/_+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function idWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const kept = words.filter((w) => !FILLER.has(w));
  return (kept.length > 0 ? kept : words).join('_').slice(0, STEP_ID_MAX).replace(/_+$/, '');
}
