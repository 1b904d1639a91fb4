import { describe, expect, it } from 'vitest';
import { RecipeSchema } from '../recipe';
import { renameInText, renameStepId } from './rename';

describe('renaming a step', () => {
  it.each([
    ['{{ steps.a.x }}', 'a', 'b', '{{ steps.b.x }}'],
    ['{{ steps.ab.x }} {{ steps.a }}', 'a', 'b', '{{ steps.ab.x }} {{ steps.b }}'],
    ['{{ steps.`a-1`.x }}', 'a-1', 'c', '{{ steps.c.x }}'],
    ['{{ steps.a.x }}', 'a', 'new-id', '{{ steps.`new-id`.x }}'],
    ['steps.a outside braces', 'a', 'b', 'steps.a outside braces'],
    ['{{ steps.a-b }}', 'a', 'z', '{{ steps.a-b }}']
  ])('%s: %s → %s', (text, from, to, out) => expect(renameInText(text, from, to)).toBe(out));

  it('renames the step and every reference, nested and in expr fields', () => {
    const recipe = RecipeSchema.parse({
      format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' },
      steps: [
        { id: 'a', kind: 'set', values: { v: '1' } },
        { id: 'c', kind: 'if', condition: 'steps.a.v > 0', then: [{ id: 'd', kind: 'set', values: { w: ['{{ steps.a.v }}'] } }] }
      ]
    });
    const next = renameStepId(recipe, 'a', 'first');
    expect(next.steps[0].id).toBe('first');
    expect(next.steps[1]).toMatchObject({ condition: 'steps.first.v > 0', then: [{ values: { w: ['{{ steps.first.v }}'] } }] });
    expect(recipe.steps[0].id).toBe('a');
  });
});
