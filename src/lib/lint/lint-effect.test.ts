/** Lint also says what a recipe does to the world, from the catalogue's declared effects and the recipes it calls. */
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { RecipeSchema, type Recipe } from '../recipe/schema';
import { lintEffect, lintRecipe, lintReport, type LintCatalog } from './lint';

const catalog = createCatalog();

function recipe(id: string, steps: unknown[]): Recipe {
  return RecipeSchema.parse({ format: 'sous.recipe/v1', id, name: id, trigger: { kind: 'manual' }, steps });
}
const search = { id: 'find', kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', input: { query: 'x' } };
const create = { id: 'add', kind: 'action', connector: 'sandbox.erp', action: 'vendors.create', input: { name: 'x' } };
const callB = { id: 'b', kind: 'call', recipe: 'b', input: {} };

describe('lintReport', () => {
  it.each<[string, unknown[], Recipe[], { effect: string; writes: string[] }]>([
    ['reads only', [search], [], { effect: 'read', writes: [] }],
    ['a write', [search, create], [], { effect: 'write', writes: ['sandbox.erp.vendors.create'] }],
    ['a called recipe that writes', [search, callB], [recipe('b', [create])], { effect: 'write', writes: ['b: sandbox.erp.vendors.create'] }],
    ['a called recipe that reads', [callB], [recipe('b', [search])], { effect: 'read', writes: [] }],
    ['a called recipe it cannot find', [callB], [], { effect: 'write', writes: ['b: unknown recipe'] }]
  ])('%s', (_name, steps, others, expected) => {
    const byId = new Map(others.map((r) => [r.id, r]));
    const r = recipe('a', steps);
    const options = { knownRecipes: ['a', ...byId.keys()], recipe: (id: string) => byId.get(id) };
    const report = lintReport(r, catalog, options);
    expect(report.effect).toMatchObject(expected);
    expect(report.problems).toEqual(lintRecipe(r, catalog, options));
  });

  it('keeps the problems as lintRecipe finds them', () => {
    const report = lintReport(recipe('a', [{ ...create, input: {} }]), catalog);
    expect(report.problems).toMatchObject([{ step: 'add', path: 'steps[0].input.name', message: 'the input "name" is required' }]);
    expect(report.effect.effect).toBe('write');
  });

  it('with a catalogue that cannot give actions, every action counts as a write', () => {
    const bare: LintCatalog = { hasConnector: (id) => catalog.hasConnector(id), inputSchema: (c, a) => catalog.inputSchema(c, a) };
    expect(lintEffect(recipe('a', [search]), bare)).toEqual({ effect: 'write', idempotent: false, writes: ['sandbox.erp.vendors.search'] });
    expect(lintEffect(recipe('a', [search]), catalog)).toEqual({ effect: 'read', idempotent: true, writes: [] });
  });
});
