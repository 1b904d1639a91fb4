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
