import { describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../recipe';
import { RECIPE_TEMPLATES } from '../templates';
import { diffRecipes } from '.';

function recipe(steps: unknown[], extra: Record<string, unknown> = {}): Recipe {
  const parsed = parseRecipe({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
}
const set = (id: string, value: unknown = 1) => ({ id, kind: 'set', values: { v: value } });
const post = (id: string, text = 'hi') => ({ id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text } });
const summary = (d: ReturnType<typeof diffRecipes>) => d.steps.map((s) => `${s.kind}:${s.id}${s.moved && s.kind !== 'moved' ? '+moved' : ''}`);

describe('comparing two versions of a recipe', () => {
  it('the same recipe: nothing changed, for every template', () => {
    for (const t of RECIPE_TEMPLATES) expect(diffRecipes(t.recipe, structuredClone(t.recipe)).same).toBe(true);
  });

  it('added, removed and changed steps, with the inputs that changed', () => {
    const a = recipe([set('a'), post('tell', 'Total {{ vars.total }}'), set('gone')]);
    const b = recipe([set('a'), post('tell', 'Sum {{ vars.total }}'), set('new')]);
    const d = diffRecipes(a, b);
    expect(summary(d)).toEqual(['changed:tell', 'added:new', 'removed:gone']);
    expect(d.steps[0].changes).toEqual([{ path: 'input.text', before: 'Total {{ vars.total }}', after: 'Sum {{ vars.total }}' }]);
  });

  it('moving one step marks that step only, not every step it passed', () => {
    const a = recipe([set('a'), set('b'), set('c'), set('d')]);
    const b = recipe([set('d'), set('a'), set('b'), set('c')]);
    expect(summary(diffRecipes(a, b))).toEqual(['moved:d']);
    const d = diffRecipes(a, b).steps[0];
    expect([d.before?.index, d.after?.index]).toEqual([3, 0]);
  });

  it('a step moved into a branch, and changed there', () => {
    const a = recipe([{ id: 'check', kind: 'if', condition: '{{ true }}', then: [set('x')] }, post('tell')]);
    const b = recipe([{ id: 'check', kind: 'if', condition: '{{ false }}', then: [set('x'), post('tell', 'bye')] }]);
    const d = diffRecipes(a, b);
    expect(summary(d)).toEqual(['changed:check', 'changed:tell+moved']);
    expect(d.steps[0].changes).toEqual([{ path: 'condition', before: '{{ true }}', after: '{{ false }}' }]);
    expect(d.steps[1].after).toEqual({ parent: 'check', branch: 'then', index: 1 });
  });

  it("the recipe's own fields and its trigger", () => {
    const a = recipe([set('a')]);
    const b = recipe([set('a')], { name: 'Renamed', trigger: { kind: 'schedule', cron: '0 9 * * 1' } });
    const d = diffRecipes(a, b);
    expect(d.recipe).toEqual([{ path: 'name', before: 'R', after: 'Renamed' }]);
    expect(d.trigger.map((c) => c.path).sort()).toEqual(['cron', 'kind']);
    expect(d.same).toBe(false);
  });

  it('a changed child is the child’s change, not its loop’s', () => {
    const a = recipe([{ id: 'each', kind: 'foreach', items: '{{ trigger.items }}', steps: [set('x', 1)] }]);
    const b = recipe([{ id: 'each', kind: 'foreach', items: '{{ trigger.items }}', steps: [set('x', 2)] }]);
    expect(summary(diffRecipes(a, b))).toEqual(['changed:x']);
  });
});
