import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { lintRecipe, type Problem } from './lint';
import { RecipeSchema, type Recipe, type Step, type Trigger } from '../recipe/schema';

const catalog = createCatalog();

function recipe(steps: unknown[], trigger: unknown = { kind: 'manual' }): Recipe {
  return RecipeSchema.parse({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: trigger as Trigger, steps: steps as Step[] });
}
const post = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'c', text }, ...extra
});
const set = (id: string, value: string) => ({ id, kind: 'set', values: { v: value } });
const loop = (id: string, steps: unknown[], as?: string) => ({ id, kind: 'foreach', items: '{{ trigger.list }}', steps, ...(as ? { as } : {}) });

const lint = (steps: unknown[], opts: { trigger?: unknown; knownRecipes?: string[] } = {}): Problem[] =>
  lintRecipe(recipe(steps, opts.trigger), catalog, { knownRecipes: opts.knownRecipes });

describe('lintRecipe finds problems', () => {
  const cases: Array<{ name: string; steps: unknown[]; trigger?: unknown; knownRecipes?: string[]; expected: Problem[] }> = [
    {
      name: 'an unknown connector',
      steps: [{ id: 'a', kind: 'action', connector: 'nope', action: 'x', input: {} }],
      expected: [{ step: 'a', path: 'steps[0].connector', message: 'there is no connector "nope"' }]
    },
    {
      name: 'an unknown action',
      steps: [{ id: 'a', kind: 'action', connector: 'http', action: 'fetch', input: {} }],
      expected: [{ step: 'a', path: 'steps[0].action', message: 'the connector "http" has no action "fetch"' }]
    },
    {
      name: 'a missing required input (absent or empty)',
      steps: [
        { id: 'a', kind: 'action', connector: 'http', action: 'request', input: { method: 'GET' } },
        { id: 'b', kind: 'action', connector: 'chat', action: 'post', input: { channel: '', text: 'hi' } }
      ],
      expected: [
        { step: 'a', path: 'steps[0].input.url', message: 'the input "url" is required' },
        { step: 'b', path: 'steps[1].input.channel', message: 'the input "channel" is required' }
      ]
    },
    {
      name: 'an expression that does not compile',
      steps: [post('a', 'Hi {{ trigger.( }}')],
      expected: [{ step: 'a', path: 'steps[0].input.text', message: expect.stringContaining('is not valid') as unknown as string }]
    },
    {
      name: 'a condition (an expr field, no braces) that does not compile',
      steps: [{ id: 'c', kind: 'if', condition: 'trigger.x >', then: [] }],
      expected: [{ step: 'c', path: 'steps[0].condition', message: expect.stringContaining('is not valid') as unknown as string }]
    },
    {
      name: 'a reference to a step that does not exist',
      steps: [post('a', '{{ steps.ghost.id }}')],
      expected: [{ step: 'a', path: 'steps[0].input.text', message: 'steps.ghost: there is no step "ghost"' }]
    },
    {
      name: 'a reference to a later step',
      steps: [post('a', '{{ steps.b.id }}'), post('b', 'x')],
      expected: [{ step: 'a', path: 'steps[0].input.text', message: 'steps.b does not run before this step' }]
    },
    {
      name: 'a step reading its own output',
      steps: [set('a', '{{ steps.a.v }}')],
      expected: [{ step: 'a', path: 'steps[0].values.v', message: 'steps.a is not done yet when this runs' }]
    },
    {
      name: 'a loop body step read after the loop',
      steps: [loop('each', [set('inner', '1')]), set('after', '{{ steps.inner }}')],
      expected: [{ step: 'after', path: 'steps[1].values.v', message: 'steps.inner does not run before this step' }]
    },
    {
      name: 'a then-branch step read from the else branch',
      steps: [{ id: 'c', kind: 'if', condition: 'true', then: [set('t', '1')], else: [set('e', '{{ steps.t.v }}')] }],
      expected: [{ step: 'e', path: 'steps[0].else[0].values.v', message: 'steps.t does not run before this step' }]
    },
    {
      name: 'a disabled step read later',
      steps: [{ ...set('off', '1'), disabled: true }, set('b', '{{ steps.off.v }}')],
      expected: [{ step: 'b', path: 'steps[1].values.v', message: 'steps.off is disabled, so it has no output' }]
    },
    {
      name: '`item` outside a loop',
      steps: [set('a', '{{ item.x }}')],
      expected: [{ step: 'a', path: 'steps[0].values.v', message: '"item" is only set inside a foreach loop' }]
    },
    {
      name: '`item` in a loop that names its element',
      steps: [loop('each', [set('a', '{{ item.x }}')], 'inv')],
      expected: [{ step: 'a', path: 'steps[0].steps[0].values.v', message: '"item" is not set here: the loop around this step calls its element "inv"' }]
    },
    {
      name: "a loop's `as` name after the loop",
      steps: [loop('each', [], 'inv'), set('a', '{{ inv.id }}')],
      expected: [{ step: 'a', path: 'steps[1].values.v', message: '"inv" is only set inside a foreach loop' }]
    },
    {
      name: '`error` outside a catch',
      steps: [{ id: 't', kind: 'try', steps: [set('a', '{{ error.message }}')], catch: [] }],
      expected: [{ step: 'a', path: 'steps[0].steps[0].values.v', message: '"error" is only set inside a catch' }]
    },
    {
      name: 'duplicate ids, also nested',
      steps: [set('a', '1'), { id: 'c', kind: 'if', condition: 'true', then: [set('a', '2')] }],
      expected: [{ step: 'a', path: 'steps[1].then[0].id', message: 'the id "a" is used by another step too' }]
    },
    {
      name: 'a call to a recipe that does not exist',
      steps: [{ id: 'k', kind: 'call', recipe: 'missing', input: {} }],
      knownRecipes: ['other'],
      expected: [{ step: 'k', path: 'steps[0].recipe', message: 'there is no recipe "missing"' }]
    },
    {
      name: 'steps after a stop in the same list',
      steps: [{ id: 's', kind: 'stop', outcome: 'success' }, set('a', '1')],
      expected: [{ step: 'a', path: 'steps[1]', message: 'never runs: it comes after a stop' }]
    },
    {
      name: 'an empty condition and empty items',
      steps: [{ id: 'c', kind: 'if', condition: ' ', then: [] }, { id: 'e', kind: 'foreach', items: '  ', steps: [] }],
      expected: [
        { step: 'c', path: 'steps[0].condition', message: 'the condition is required' },
        { step: 'e', path: 'steps[1].items', message: 'the list to go through is required' }
      ]
    },
    {
      name: 'an event trigger on an unknown connector with a bad filter',
      steps: [],
      trigger: { kind: 'event', connector: 'nope', event: 'x', filter: 'a ==' },
      expected: [
        { step: null, path: 'trigger.connector', message: 'there is no connector "nope"' },
        { step: null, path: 'trigger.filter', message: expect.stringContaining('is not valid') as unknown as string }
      ]
    },
    {
      name: 'an event the connector does not raise (a recipe that would never run)',
      steps: [],
      trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.made' },
      expected: [{ step: null, path: 'trigger.event', message: expect.stringMatching(/^connector "sandbox\.erp" raises no event "vendor\.made"; it raises "vendor\.created"/) as unknown as string }]
    },
    {
      name: 'an event on a connector that raises none',
      steps: [],
      trigger: { kind: 'event', connector: 'http', event: 'changed' },
      expected: [{ step: null, path: 'trigger.event', message: 'connector "http" raises no event "changed"; it raises no events' }]
    },
    {
      name: 'a new event trigger with no app chosen yet',
      steps: [],
      trigger: { kind: 'event', connector: ' ', event: 'x' },
      expected: [{ step: null, path: 'trigger.connector', message: 'choose the app whose event starts this recipe' }]
    },
    { name: 'a known event: no problem', steps: [], trigger: { kind: 'event', connector: 'sandbox.erp', event: 'invoice.created' }, expected: [] }
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(lint(c.steps, { trigger: c.trigger, knownRecipes: c.knownRecipes })).toMatchObject(c.expected);
    });
  }
});

describe('lintRecipe accepts what is fine', () => {
  const cases: Array<{ name: string; steps: unknown[]; trigger?: unknown; knownRecipes?: string[] }> = [
    { name: 'an expression given for a required input', steps: [{ id: 'a', kind: 'action', connector: 'http', action: 'request', input: { url: '{{ trigger.url }}' } }] },
    { name: 'an input with a default left out (http method)', steps: [{ id: 'a', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://x.test' } }] },
    { name: 'a reference to an earlier step', steps: [post('a', 'x'), post('b', '{{ steps.a.id }}')] },
    { name: "an enclosing container's earlier sibling", steps: [set('a', '1'), { id: 'c', kind: 'if', condition: '{{ steps.a.v }}', then: [set('b', '{{ steps.a.v }}')] }] },
    { name: 'a loop body step reading an earlier body step', steps: [loop('each', [set('a', '{{ item }}'), set('b', '{{ steps.a.v + index }}')])] },
    { name: 'an if branch step read after the if', steps: [{ id: 'c', kind: 'if', condition: 'true', then: [set('t', '1')] }, set('b', '{{ steps.t.v }}')] },
    { name: 'the `as` name and index inside a loop', steps: [loop('each', [set('a', '{{ inv.id & index }}')], 'inv')] },
    { name: '`error` and try body steps inside a catch', steps: [{ id: 't', kind: 'try', steps: [set('a', '1')], catch: [set('b', '{{ error.message & steps.a.v }}')] }] },
    { name: 'field names inside filters and after dots', steps: [set('a', '{{ trigger.items[item > 1].error.steps.nope }}')] },
    { name: 'names inside a predicate on a function result', steps: [set('a', '{{ $append([], trigger.list)[item > 1] }}')] },
    { name: 'a call to a known recipe', steps: [{ id: 'k', kind: 'call', recipe: 'other', input: {} }], knownRecipes: ['other'] },
    { name: 'a disabled stop does not hide what follows', steps: [{ id: 's', kind: 'stop', outcome: 'success', disabled: true }, set('a', '1')] },
    { name: 'context names: trigger, vars, user, now', steps: [set('a', '{{ trigger.x & vars.y & user.name & now }}')] },
    { name: 'a hyphenated step id in backticks', steps: [set('fetch-user', '1'), set('b', '{{ steps.`fetch-user`.v }}')] }
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(lint(c.steps, { trigger: c.trigger, knownRecipes: c.knownRecipes })).toEqual([]);
    });
  }
});
