import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../connectors/catalog';
import { RecipeSchema, type Recipe } from '../../recipe';
import { lintReasons, startProblems, type StartInputs } from './start-problems';

const catalog = createCatalog();
const ERP_EVENT = { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' };

function recipe(fields: Record<string, unknown>): Recipe {
  return RecipeSchema.parse({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: ERP_EVENT, steps: [], ...fields });
}
const post = (id: string, text = 'hi', extra: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'c', text }, ...extra });
const get = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'http', action: 'request', input: { url: 'https://api.example.com/x' }, ...extra });
const erpSearch = (id: string, connection: string) => ({ id, kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', connection, input: { query: 'a' } });

function problems(fields: Record<string, unknown>, more: Partial<Omit<StartInputs, 'recipe' | 'catalog'>> = {}): string[] {
  return startProblems({ recipe: recipe(fields), catalog, bindings: new Map(), startedWebhooks: [], ...more });
}

describe('startProblems', () => {
  const cases: Array<{ name: string; fields: Record<string, unknown>; more?: Partial<StartInputs>; expected: string[] }> = [
    { name: 'a clean event recipe can start', fields: { steps: [post('a')] }, expected: [] },
    { name: 'a document recipe can start (mail fires it)', fields: { trigger: { kind: 'document' }, steps: [post('a')] }, expected: [] },
    { name: 'a valid schedule can start', fields: { trigger: { kind: 'schedule', every: '5m' }, steps: [post('a')] }, expected: [] },
    {
      name: 'a manual recipe has nothing to start (and nothing else is said)',
      fields: { trigger: { kind: 'manual' }, steps: [post('a', '{{ steps.ghost.x }}')] },
      expected: ['this recipe runs when a person runs it; it has no trigger to start']
    },
    {
      name: 'a callable recipe has nothing to start',
      fields: { trigger: { kind: 'callable', input: [] } },
      expected: ['this recipe runs when another recipe or an agent calls it; it has no trigger to start']
    },
    {
      name: 'a lint problem, with its step and the count',
      fields: { steps: [post('a', '{{ steps.ghost.x }}')] },
      expected: ['problem 1 of 1, at step "a": steps.ghost: there is no step "ghost"']
    },
    {
      name: 'a lint problem in the trigger',
      fields: { trigger: { kind: 'event', connector: 'nope', event: 'x' } },
      expected: ['problem 1 of 1, in the trigger: there is no connector "nope"']
    },
    {
      name: 'an invalid cron',
      fields: { trigger: { kind: 'schedule', cron: '99 * * * *' }, steps: [post('a')] },
      expected: [expect.stringMatching(/^the schedule cannot run: .+/) as unknown as string]
    },
    {
      name: 'a webhook path another started recipe uses (edge slashes do not matter)',
      fields: { trigger: { kind: 'webhook', path: '/orders/new/' }, steps: [post('a')] },
      more: { startedWebhooks: [{ recipeId: 'other', name: 'Other', path: 'orders/new' }, { recipeId: 'third', name: 'Third', path: 'orders/old' }] },
      expected: ['webhook path "orders/new" is already used by the started recipe "Other" (other): stop that one or choose another path']
    },
    {
      name: 'its own started version does not count against its path',
      fields: { trigger: { kind: 'webhook', path: 'orders/new' }, steps: [post('a')] },
      more: { startedWebhooks: [{ recipeId: 'r', name: 'R', path: 'orders/new' }] },
      expected: []
    },
    {
      name: 'a step\'s connection with nothing bound, named by its label',
      fields: { connections: { api: { connector: 'http', label: 'Billing API' } }, steps: [get('a', { connection: 'api' })] },
      expected: ['connection "api" (Billing API) is not set up: choose one on the Connections page']
    },
    {
      name: 'a used connection of a connector with no fields still needs one bound (the run asks), named by the connector',
      fields: { connections: { erp: { connector: 'sandbox.erp' } }, steps: [erpSearch('a', 'erp')] },
      expected: ['connection "erp" (Sandbox ERP) is not set up: choose one on the Connections page']
    },
    {
      name: 'a connection bound to one of another connector is not set up',
      fields: { connections: { api: { connector: 'http' } }, steps: [get('a', { connection: 'api' })] },
      more: { bindings: new Map([['api', { connector: 'slack' }]]) },
      expected: ['connection "api" (HTTP) is not set up: choose one on the Connections page']
    },
    {
      name: 'a bound connection is fine',
      fields: { connections: { api: { connector: 'http' } }, steps: [get('a', { connection: 'api' })] },
      more: { bindings: new Map([['api', { connector: 'http' }]]) },
      expected: []
    },
    {
      name: 'an unused reference counts when its connector has connection fields',
      fields: { connections: { api: { connector: 'http', label: 'API' }, erp: { connector: 'sandbox.erp' } }, steps: [post('a')] },
      expected: ['connection "api" (API) is not set up: choose one on the Connections page']
    },
    {
      name: 'the event trigger\'s connection counts as used',
      fields: { trigger: { ...ERP_EVENT, connection: 'erp' }, connections: { erp: { connector: 'sandbox.erp' } } },
      expected: ['connection "erp" (Sandbox ERP) is not set up: choose one on the Connections page']
    },
    {
      name: 'a disabled step asks for no connection',
      fields: { connections: { erp: { connector: 'sandbox.erp' } }, steps: [{ ...erpSearch('a', 'erp'), disabled: true }] },
      expected: []
    },
    {
      name: 'a step names a connection the recipe does not declare',
      fields: { steps: [get('a', { connection: 'api' })] },
      expected: ['step "a" uses connection "api", which the recipe does not name under its connections']
    },
    {
      name: 'a step uses a connection declared for another connector',
      fields: { connections: { api: { connector: 'slack' } }, steps: [get('a', { connection: 'api' })] },
      more: { bindings: new Map([['api', { connector: 'slack' }]]) },
      expected: ['step "a" uses connection "api", which is for slack, not http']
    },
    {
      name: 'policy reasons (issue 15) are passed on as they are',
      fields: { steps: [post('a')] },
      more: { policyProblems: [{ message: 'the workspace policy allows no chat posts' }] },
      expected: ['the workspace policy allows no chat posts']
    },
    {
      name: 'every reason at once, in order: lint, trigger, connections',
      fields: { trigger: { kind: 'webhook', path: 'x' }, connections: { api: { connector: 'http' } }, steps: [get('a', { connection: 'api', input: {} })] },
      more: { startedWebhooks: [{ recipeId: 'o', name: 'O', path: 'x' }] },
      expected: [
        'problem 1 of 1, at step "a": the input "url" is required',
        'webhook path "x" is already used by the started recipe "O" (o): stop that one or choose another path',
        'connection "api" (HTTP) is not set up: choose one on the Connections page'
      ]
    }
  ];
  for (const c of cases) {
    it(c.name, () => expect(problems(c.fields, c.more)).toEqual(c.expected));
  }
});

describe('lintReasons', () => {
  const problem = (i: number) => ({ step: `s${i}`, path: `steps[${i}]`, message: `m${i}` });
  const cases: Array<{ count: number; expected: string[] }> = [
    { count: 0, expected: [] },
    { count: 3, expected: ['problem 1 of 3, at step "s0": m0', 'problem 2 of 3, at step "s1": m1', 'problem 3 of 3, at step "s2": m2'] },
    { count: 4, expected: ['problem 1 of 4, at step "s0": m0', 'problem 2 of 4, at step "s1": m1', 'problem 3 of 4, at step "s2": m2', "and 1 more problem: the editor's Problems list shows them all"] },
    { count: 9, expected: ['problem 1 of 9, at step "s0": m0', 'problem 2 of 9, at step "s1": m1', 'problem 3 of 9, at step "s2": m2', "and 6 more problems: the editor's Problems list shows them all"] }
  ];
  for (const c of cases) it(`${c.count} problems`, () => expect(lintReasons(Array.from({ length: c.count }, (_, i) => problem(i)))).toEqual(c.expected));
  it('a problem of the recipe itself', () => expect(lintReasons([{ step: null, path: 'connections', message: 'x' }])).toEqual(['problem 1 of 1, in the recipe: x']));
});
