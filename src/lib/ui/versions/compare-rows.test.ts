import { describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../../recipe';
import { compareView, valueText } from './compare-rows';

function recipe(steps: unknown[], extra: Record<string, unknown> = {}): Recipe {
  const parsed = parseRecipe({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
}
const set = (id: string, value: unknown = 1) => ({ id, kind: 'set', values: { v: value } });
const post = (id: string, text = 'hi') => ({ id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text } });
const rowsOf = (a: Recipe, b: Recipe) => compareView(a, b).rows.map((r) => `${r.kind}:${r.id}${r.moved && r.kind !== 'moved' ? '+moved' : ''}`);

describe('the rows of a side-by-side comparison', () => {
  it('lists every step once, unchanged ones too, with a removed step where it stood', () => {
    const a = recipe([set('a'), set('gone'), post('tell', 'Total {{ vars.total }}'), set('z')]);
    const b = recipe([set('a'), post('tell', 'Sum {{ vars.total }}'), set('new'), set('z')]);
    expect(rowsOf(a, b)).toEqual(['same:a', 'removed:gone', 'changed:tell', 'added:new', 'same:z']);
    const view = compareView(a, b);
    expect(view.counts).toEqual({ added: 1, removed: 1, moved: 0, changed: 1 });
    expect(view.same).toBe(false);
    const tell = view.rows[2];
    expect(tell.before?.step.id).toBe('tell');
    expect(tell.fields).toEqual([
      { path: 'input.text', before: 'Total {{ vars.total }}', after: 'Sum {{ vars.total }}', words: [
        { op: 'removed', text: 'Total' }, { op: 'added', text: 'Sum' }, { op: 'same', text: ' {{ vars.total }}' }
      ] }
    ]);
    expect(view.rows[1].after).toBeUndefined();
    expect(view.rows[3].before).toBeUndefined();
  });

  it('a removed first step comes first; removed steps in a row keep their order', () => {
    const a = recipe([set('x'), set('y'), set('a'), set('p'), set('q')]);
    const b = recipe([set('a')]);
    expect(rowsOf(a, b)).toEqual(['removed:x', 'removed:y', 'same:a', 'removed:p', 'removed:q']);
  });

  it('a removed step that followed a branching step goes after its children; a removed first child right under its parent', () => {
    const a = recipe([{ id: 'check', kind: 'if', condition: '{{ true }}', then: [set('gone1'), set('kept')] }, set('gone2')]);
    const b = recipe([{ id: 'check', kind: 'if', condition: '{{ true }}', then: [set('kept'), set('added')] }]);
    expect(rowsOf(a, b)).toEqual(['same:check', 'removed:gone1', 'same:kept', 'added:added', 'removed:gone2']);
    const view = compareView(a, b);
    expect(view.rows.map((r) => (r.after ?? r.before)!.depth)).toEqual([0, 1, 1, 1, 0]);
  });

  it('a step moved into a branch is marked moved with both places', () => {
    const a = recipe([{ id: 'check', kind: 'if', condition: '{{ true }}', then: [set('x')] }, post('tell')]);
    const b = recipe([{ id: 'check', kind: 'if', condition: '{{ true }}', then: [set('x'), post('tell')] }]);
    const [, , tell] = compareView(a, b).rows;
    expect(tell).toMatchObject({ id: 'tell', kind: 'moved', moved: true, fields: [] });
    expect(tell.before?.place).toEqual({ parent: null, branch: 'steps', index: 1 });
    expect(tell.after?.place).toEqual({ parent: 'check', branch: 'then', index: 1 });
  });

  it("the recipe's and trigger's fields, values that are not text as JSON, an added field without a before", () => {
    const a = recipe([set('a')]);
    const b = recipe([set('a', { n: 2 })], { name: 'Renamed', description: 'New', trigger: { kind: 'schedule', cron: '0 9 * * 1' } });
    const view = compareView(a, b);
    expect(view.recipe).toEqual([
      { path: 'name', before: 'R', after: 'Renamed', words: [{ op: 'removed', text: 'R' }, { op: 'added', text: 'Renamed' }] },
      { path: 'description', after: 'New' }
    ]);
    expect(view.trigger.find((f) => f.path === 'cron')).toEqual({ path: 'cron', after: '0 9 * * 1' });
    expect(view.rows[0].fields).toMatchObject([{ path: 'values.v', before: '1', after: '{"n":2}' }]);
    expect([valueText(undefined), valueText(null), valueText(false), valueText([1, 'a'])]).toEqual([undefined, 'null', 'false', '[1,"a"]']);
  });

  it('the same recipe: no differences, every row the same', () => {
    const a = recipe([set('a'), post('b')]);
    const view = compareView(a, structuredClone(a));
    expect(view.same).toBe(true);
    expect(view.rows.every((r) => r.kind === 'same')).toBe(true);
    expect(view.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 0 });
  });
});
