/** What a run would refuse, found by lint: wrong input types, hyphenated step ids, connections not set up. */
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { RecipeSchema, type Recipe } from '../recipe/schema';
import { lintRecipe, type Bindings, type Problem } from './lint';

const catalog = createCatalog();

function recipe(fields: Record<string, unknown>): Recipe {
  return RecipeSchema.parse({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps: [], ...fields });
}
const post = (id: string, input: Record<string, unknown>) => ({ id, kind: 'action', connector: 'chat', action: 'post', input });
const get = (id: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'http', action: 'request', input: { url: 'https://x.test', ...input }, ...extra });
const search = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', input: { query: 'a' }, ...extra });
const set = (id: string, v: string) => ({ id, kind: 'set', values: { v } });

describe('lint: an input whose literal the action would refuse', () => {
  const cases: Array<{ name: string; steps: unknown[]; expected: Problem[] }> = [
    { name: 'text given as text', steps: [post('a', { channel: 'c', text: 'hi' })], expected: [] },
    {
      name: 'a number where text is wanted (`channel: 5`)',
      steps: [post('a', { channel: 5, text: 'hi' })],
      expected: [{ step: 'a', path: 'steps[0].input.channel', message: 'the input "channel" must be text, not the number 5' }]
    },
    {
      name: 'true where text is wanted',
      steps: [post('a', { channel: 'c', text: true })],
      expected: [{ step: 'a', path: 'steps[0].input.text', message: 'the input "text" must be text, not true' }]
    },
    { name: 'an expression counts as given, whatever it gives', steps: [post('a', { channel: '{{ trigger.n }}', text: '{{ 5 }}' })], expected: [] },
    {
      name: 'a value outside an enum',
      steps: [get('a', { method: 'FETCH' })],
      expected: [{ step: 'a', path: 'steps[0].input.method', message: 'the input "method" must be one of "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", not the text "FETCH"' }]
    },
    { name: 'a value of the enum', steps: [get('a', { method: 'POST' })], expected: [] },
    {
      name: 'text where a whole number is wanted, and a fraction',
      steps: [get('a', { timeout_ms: '500' }), get('b', { timeout_ms: 1.5 })],
      expected: [
        { step: 'a', path: 'steps[0].input.timeout_ms', message: 'the input "timeout_ms" must be a whole number, not the text "500"' },
        { step: 'b', path: 'steps[1].input.timeout_ms', message: 'the input "timeout_ms" must be a whole number, not the number 1.5' }
      ]
    },
    { name: 'a free value (body) takes anything', steps: [get('a', { body: 5 })], expected: [] },
    {
      name: 'inside a loop too',
      steps: [{ id: 'l', kind: 'foreach', items: '{{ trigger.list }}', steps: [post('p', { channel: 7, text: 'x' })] }],
      expected: [{ step: 'p', path: 'steps[0].steps[0].input.channel', message: 'the input "channel" must be text, not the number 7' }]
    }
  ];
  for (const c of cases) it(c.name, () => expect(lintRecipe(recipe({ steps: c.steps }), catalog)).toMatchObject(c.expected));
});

describe('lint: a hyphenated step id read without backticks', () => {
  const fix = 'steps.vendors-search reads as steps.vendors minus search: write steps.`vendors-search` or rename the step to vendors_search';
  const cases: Array<{ name: string; steps: unknown[]; expected: Problem[] }> = [
    {
      name: 'in a text field: the fix, and not "there is no step vendors"',
      steps: [search('vendors-search'), set('b', 'found {{ $count(steps.vendors-search.vendors) }}')],
      expected: [{ step: 'b', path: 'steps[1].values.v', message: fix }]
    },
    {
      name: 'in a condition (no braces)',
      steps: [search('vendors-search'), { id: 'c', kind: 'if', condition: '$count(steps.vendors-search.vendors) = 0', then: [] }],
      expected: [{ step: 'c', path: 'steps[1].condition', message: fix }]
    },
    { name: 'with backticks it is fine', steps: [search('vendors-search'), set('b', '{{ steps.`vendors-search`.vendors }}')], expected: [] },
    { name: 'an id with "_" needs none', steps: [search('vendors_search'), set('b', '{{ steps.vendors_search.vendors }}')], expected: [] },
    { name: 'quoted text is not read', steps: [search('vendors-search'), set('b', '{{ "steps.vendors-search" }}')], expected: [] },
    { name: 'text outside {{ }} is not read', steps: [search('vendors-search'), set('b', 'see steps.vendors-search')], expected: [] },
    {
      name: 'a real subtraction of a step that exists is left alone',
      steps: [set('total', '1'), set('b', '{{ steps.total.v-1 }}')],
      expected: []
    },
    {
      name: 'the longest id that exists is named',
      steps: [set('a-b-c', '1'), set('b', '{{ steps.a-b-c.v }}')],
      expected: [{ step: 'b', path: 'steps[1].values.v', message: 'steps.a-b-c reads as steps.a minus b minus c: write steps.`a-b-c` or rename the step to a_b_c' }]
    }
  ];
  for (const c of cases) it(c.name, () => expect(lintRecipe(recipe({ steps: c.steps }), catalog)).toMatchObject(c.expected));
});

describe('lint with this machine\'s bindings: every connection a run would refuse', () => {
  const erp = { erp: { connector: 'sandbox.erp' } };
  const cases: Array<{ name: string; fields: Record<string, unknown>; bindings?: Bindings; expected: Problem[] }> = [
    {
      name: 'a connection not set up here (the copilot draft that failed with `connection "erp" is not set up`)',
      fields: { connections: erp, steps: [search('find', { connection: 'erp' })] },
      expected: [{ step: 'find', path: 'connections.erp', message: 'connection "erp" (Sandbox ERP) is not set up: choose one on the Connections page' }]
    },
    { name: 'bound here: no problem', fields: { connections: erp, steps: [search('find', { connection: 'erp' })] }, bindings: new Map([['erp', { connector: 'sandbox.erp' }]]), expected: [] },
    {
      name: 'bound to a connection of another connector',
      fields: { connections: erp, steps: [search('find', { connection: 'erp' })] },
      bindings: new Map([['erp', { connector: 'http' }]]),
      expected: [{ step: 'find', path: 'connections.erp', message: 'connection "erp" (Sandbox ERP) is not set up: choose one on the Connections page' }]
    },
    {
      name: 'a connection the recipe does not name',
      fields: { steps: [search('find', { connection: 'erp' })] },
      expected: [{ step: 'find', path: 'connections', message: 'step "find" uses connection "erp", which the recipe does not name under its connections' }]
    },
    {
      name: 'a connection named for another connector',
      fields: { connections: { api: { connector: 'http' } }, steps: [search('find', { connection: 'api' })] },
      bindings: new Map([['api', { connector: 'http' }]]),
      expected: [{ step: 'find', path: 'connections', message: 'step "find" uses connection "api", which is for http, not sandbox.erp' }]
    },
    {
      name: 'the trigger\'s connection (no step to point at)',
      fields: { trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created', connection: 'erp' }, connections: erp },
      expected: [{ step: null, path: 'connections.erp', message: 'connection "erp" (Sandbox ERP) is not set up: choose one on the Connections page' }]
    },
    { name: 'a disabled step asks for none', fields: { connections: erp, steps: [search('find', { connection: 'erp', disabled: true })] }, expected: [] },
    {
      name: 'an unused reference of a connector with fields still needs setting up',
      fields: { connections: { api: { connector: 'http', label: 'Billing API' } }, steps: [get('g', {})] },
      expected: [{ step: null, path: 'connections.api', message: 'connection "api" (Billing API) is not set up: choose one on the Connections page' }]
    }
  ];
  for (const c of cases) {
    it(c.name, () => expect(lintRecipe(recipe(c.fields), catalog, { bindings: c.bindings ?? new Map() })).toMatchObject(c.expected));
  }
  it('without bindings (a file, the command line) connections are not checked', () => {
    expect(lintRecipe(recipe({ steps: [search('find', { connection: 'erp' })] }), catalog)).toEqual([]);
  });
});
