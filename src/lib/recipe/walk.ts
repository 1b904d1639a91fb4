/** Walking the step tree: every container kind says here which step lists it holds. */
import type { Step } from './schema';

/** The step lists directly inside a step, with the key that holds each. */
export function childLists(step: Step): Array<[string, Step[]]> {
  switch (step.kind) {
    case 'if':
      return step.else ? [['then', step.then], ['else', step.else]] : [['then', step.then]];
    case 'foreach':
      return [['steps', step.steps]];
    case 'try':
      return [['steps', step.steps], ['catch', step.catch]];
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

/** Every step of a recipe, depth first, in file order. */
export function* allSteps(steps: Step[]): Generator<Step> {
  for (const step of steps) {
    yield step;
    for (const [, child] of childLists(step)) yield* allSteps(child);
  }
}
