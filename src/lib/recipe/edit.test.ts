import { describe, expect, it } from 'vitest';
import { RecipeSchema, STEP_KINDS, type Recipe } from './schema';
import { parseRecipe } from './parse';
import { allSteps } from './walk';
import {
  duplicateStep,
  findStep,
  insertStep,
  moveStep,
  moveStepDown,
  moveStepUp,
  newStep,
  removeStep,
  uniqueStepId,
  updateStep
} from './edit';

const base: Recipe = RecipeSchema.parse({
  format: 'sous.recipe/v1',
  id: 'big-invoices',
  name: 'Flag big invoices',
  trigger: { kind: 'manual' },
  steps: [
    { id: 'each', kind: 'foreach', items: '{{ trigger.invoices }}', steps: [
      { id: 'check', kind: 'if', condition: '{{ item.amount > 500 }}', then: [
        { id: 'flag', kind: 'set', values: { flagged: '{{ 1 }}' } }
      ] }
    ] },
    { id: 'guard', kind: 'try', steps: [{ id: 'post', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'a', text: 'b' } }], catch: [] },
    { id: 'done', kind: 'stop', outcome: 'success' }
  ]
});
const frozen = structuredClone(base);

/** Every answer must still be a valid recipe (unique ids included), and the input must be untouched. */
function valid(recipe: Recipe): Recipe {
  const parsed = parseRecipe(recipe);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  expect(base).toEqual(frozen);
  return recipe;
}
const ids = (r: Recipe) => [...allSteps(r.steps)].map((s) => s.id);

describe('findStep', () => {
  it.each([
    ['each', { parent: null, branch: 'steps', index: 0 }],
    ['flag', { parent: 'check', branch: 'then', index: 0 }],
    ['post', { parent: 'guard', branch: 'steps', index: 0 }],
    ['done', { parent: null, branch: 'steps', index: 2 }]
  ])('finds %s with its place', (id, location) => {
    expect(findStep(base, id)?.location).toEqual(location);
  });
  it('answers undefined for an unknown id', () => expect(findStep(base, 'nope')).toBeUndefined());
});

describe('insertStep', () => {
  it.each([
    [{ parent: null, branch: 'steps', index: 1 } as const, ['each', 'check', 'flag', 'n', 'guard', 'post', 'done']],
    [{ parent: 'check', branch: 'else', index: 0 } as const, ['each', 'check', 'flag', 'n', 'guard', 'post', 'done']],
    [{ parent: 'guard', branch: 'catch', index: 9 } as const, ['each', 'check', 'flag', 'guard', 'post', 'n', 'done']]
  ])('inserts at %j', (location, order) => {
    const next = valid(insertStep(base, location, newStep('set', { id: 'n' })));
    expect(ids(next)).toEqual(order);
    expect(findStep(next, 'n')?.location.branch).toBe(location.branch);
  });
  it('refuses a branch the parent does not have', () => {
    expect(() => insertStep(base, { parent: 'each', branch: 'catch', index: 0 }, newStep('set', { id: 'n' }))).toThrow(/no "catch"/);
    expect(() => insertStep(base, { parent: 'done', branch: 'steps', index: 0 }, newStep('set', { id: 'n' }))).toThrow();
  });
  it('shares the untouched parts of the tree', () => {
    const next = insertStep(base, { parent: 'check', branch: 'then', index: 1 }, newStep('stop', { id: 'n' }));
    expect(next.steps[1]).toBe(base.steps[1]);
    expect(next.steps[0]).not.toBe(base.steps[0]);
  });
});

describe('removeStep', () => {
  it('removes a step and everything inside it', () => {
    expect(ids(valid(removeStep(base, 'each')))).toEqual(['guard', 'post', 'done']);
    expect(ids(valid(removeStep(base, 'flag')))).toEqual(['each', 'check', 'guard', 'post', 'done']);
  });
  it('leaves the recipe as it is for an unknown id', () => expect(removeStep(base, 'nope')).toBe(base));
});

describe('moveStep', () => {
  it('moves into another branch', () => {
    const next = valid(moveStep(base, 'done', { parent: 'guard', branch: 'catch', index: 0 }));
    expect(findStep(next, 'done')?.location).toEqual({ parent: 'guard', branch: 'catch', index: 0 });
  });
  it('reads a later index in the same list as before the move', () => {
    const next = valid(moveStep(base, 'each', { parent: null, branch: 'steps', index: 2 }));
    expect(next.steps.map((s) => s.id)).toEqual(['guard', 'each', 'done']);
  });
  it('refuses to move a container inside itself', () => {
    expect(() => moveStep(base, 'each', { parent: 'check', branch: 'then', index: 0 })).toThrow(/inside itself/);
  });
  it('moves up and down within its list, and not past the ends', () => {
    expect(valid(moveStepDown(base, 'each')).steps.map((s) => s.id)).toEqual(['guard', 'each', 'done']);
    expect(valid(moveStepUp(base, 'done')).steps.map((s) => s.id)).toEqual(['each', 'done', 'guard']);
    expect(moveStepUp(base, 'each').steps.map((s) => s.id)).toEqual(['each', 'guard', 'done']);
    expect(moveStepDown(base, 'flag')).toEqual(base);
  });
});

describe('updateStep', () => {
  it('changes one nested step only', () => {
    const next = valid(updateStep(base, 'flag', (s) => ({ ...s, disabled: true })));
    expect(findStep(next, 'flag')?.step.disabled).toBe(true);
    expect(next.steps[1]).toBe(base.steps[1]);
  });
});

describe('duplicateStep', () => {
  it('copies a container with fresh ids for it and everything inside', () => {
    const result = duplicateStep(base, 'each');
    expect(result?.id).toBe('each-2');
    const next = valid(result!.recipe);
    expect(ids(next)).toEqual(['each', 'check', 'flag', 'each-2', 'check-2', 'flag-2', 'guard', 'post', 'done']);
  });
  it('numbers a second copy on from the first', () => {
    const once = duplicateStep(base, 'done')!;
    const twice = duplicateStep(once.recipe, once.id)!;
    expect(twice.id).toBe('done-3');
    valid(twice.recipe);
  });
});

describe('uniqueStepId', () => {
  it.each([
    ['report', 'report'],
    ['each', 'each-2'],
    ['Post to Chat!', 'post-to-chat'],
    ['', 'step'],
    ['x'.repeat(80), 'x'.repeat(64)]
  ])('%j → %j', (wanted, id) => expect(uniqueStepId(base, wanted)).toBe(id));
});

describe('newStep', () => {
  it.each(STEP_KINDS.map((k) => [k]))('makes a %s step that parses', (kind) => {
    const step = newStep(kind, { id: 'fresh', connector: 'http', action: 'request', input: { url: 'https://x' } });
    valid(insertStep(base, { parent: null, branch: 'steps', index: 0 }, step));
  });
  it('needs a connector and an action for an action step', () => {
    expect(() => newStep('action', { id: 'a' })).toThrow(/connector and an action/);
  });
});
