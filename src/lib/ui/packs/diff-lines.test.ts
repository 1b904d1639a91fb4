import { describe, expect, it } from 'vitest';
import { diffRecipes } from '../../diff';
import { parseRecipe, type Recipe } from '../../recipe';
import { diffLines } from './diff-lines';

const make = (steps: unknown[], name = 'R'): Recipe => {
  const read = parseRecipe({ format: 'sous.recipe/v1', id: 'r', name, trigger: { kind: 'manual' }, steps });
  if (!read.ok) throw new Error(read.issues[0].message);
  return read.recipe;
};
const post = (id: string, text: string) => ({ id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'c', text } });

describe('diffLines', () => {
  it('says what changed, step by step, with the changed fields', () => {
    const before = make([post('a', 'hi'), post('b', 'x')]);
    const after = make([post('b', 'x'), post('a', 'hello'), post('c', 'new')], 'R2');
    expect(diffLines(diffRecipes(before, after))).toEqual([
      { key: 'packs:import.recipeFields', params: { fields: 'name' } },
      { key: 'packs:import.moved', params: { id: 'b' } },
      { key: 'packs:import.changed', params: { id: 'a', fields: 'input.text' } },
      { key: 'packs:import.added', params: { id: 'c' } }
    ]);
  });

  it('counts the rest past the limit', () => {
    const many = Array.from({ length: 12 }, (_, i) => post(`s${i}`, 't'));
    const lines = diffLines(diffRecipes(make([]), make(many)), 8);
    expect(lines).toHaveLength(8);
    expect(lines[7]).toEqual({ key: 'packs:import.more', params: { count: 5 } });
  });
});
