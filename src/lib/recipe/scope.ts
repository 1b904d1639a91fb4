/**
 * What a step can see when it runs: the steps that run before it (and so may appear as `steps.ID` in its
 * expressions), the loops around it (`item`, `index`, an `as` name) and whether it is inside a `catch`
 * (`error`). The rules follow the engine: `if` and `try` share their parent's `steps`, so their inner steps
 * are seen after them; a `foreach` body is its own scope, seen only inside the loop.
 */
import type { ForeachStep, Recipe, Step } from './schema';

export interface StepScope {
  /** The steps that run (or may have run) before this one, in the order they finish. */
  before: Step[];
  /** The `foreach` loops around the step, outermost first. */
  loops: ForeachStep[];
  /** The containers around the step, outermost first. */
  ancestors: Step[];
  inCatch: boolean;
}

export interface ScopeVisit {
  step: Step;
  /** Where the step is in the file: `steps[2].then[0]`. */
  path: string;
  scope: StepScope;
  list: Step[];
  index: number;
}

const TOP: StepScope = { before: [], loops: [], ancestors: [], inCatch: false };

/** Visit every step, depth first in file order, with its scope. */
export function walkScopes(steps: Step[], visit: (v: ScopeVisit) => void): void {
  walkList(steps, 'steps', TOP, visit);
}

/** The scope of one step, or undefined when the recipe has no step with that id. */
export function scopeOf(recipe: Recipe, stepId: string): StepScope | undefined {
  let found: StepScope | undefined;
  walkScopes(recipe.steps, (v) => {
    if (!found && v.step.id === stepId) found = v.scope;
  });
  return found;
}

/** Walks a list; answers the steps it defines that later siblings of its container can see. */
function walkList(list: Step[], base: string, scope: StepScope, visit: (v: ScopeVisit) => void): Step[] {
  let before = scope.before;
  const defined: Step[] = [];
  list.forEach((step, index) => {
    const path = `${base}[${index}]`;
    const here = { ...scope, before };
    visit({ step, path, scope: here, list, index });
    const inner = walkChildren(step, path, { ...here, ancestors: [...here.ancestors, step] }, visit);
    const added = [...inner, step];
    before = [...before, ...added];
    defined.push(...added);
  });
  return defined;
}

function walkChildren(step: Step, path: string, scope: StepScope, visit: (v: ScopeVisit) => void): Step[] {
  switch (step.kind) {
    case 'if': {
      const then = walkList(step.then, `${path}.then`, scope, visit);
      const otherwise = walkList(step.else ?? [], `${path}.else`, scope, visit);
      return [...then, ...otherwise];
    }
    case 'foreach':
      walkList(step.steps, `${path}.steps`, { ...scope, loops: [...scope.loops, step] }, visit);
      return [];
    case 'try': {
      const body = walkList(step.steps, `${path}.steps`, scope, visit);
      const caught = walkList(step.catch, `${path}.catch`, { ...scope, before: [...scope.before, ...body], inCatch: true }, visit);
      return [...body, ...caught];
    }
    case 'action':
    case 'set':
    case 'approval':
    case 'call':
    case 'stop':
      return [];
    default: {
      const never: never = step;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}
