/** Writing a recipe file: canonical (stable key order, 2-space indent) and without secrets. */
import { describe, expect, it } from 'vitest';
import { exportRecipe } from './export';
import { parseRecipe, parseRecipeText } from './parse';
import type { Recipe } from './schema';

function parsed(data: unknown): Recipe {
  const result = parseRecipe(data);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.recipe;
}

const http = (input: Record<string, unknown>) => ({ id: 'call', kind: 'action', connector: 'http', action: 'request', input });
const minimal = (steps: unknown[], more: Record<string, unknown> = {}) => parsed({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps, ...more });

describe('canonical export', () => {
  it('orders keys as the schema declares them, keeps free objects in their own order, indents by 2', () => {
    const scrambled = {
      steps: [
        { then: [{ values: { z: 1, a: 2 }, kind: 'set', id: 'flag' }], condition: '{{ true }}', kind: 'if', id: 'check' },
        { input: { url: 'https://x.test', method: 'GET' }, retry: { max_ms: 100, attempts: 2 }, action: 'request', connector: 'http', kind: 'action', id: 'get' }
      ],
      trigger: { input: [{ type: 'number', name: 'n' }], kind: 'manual' },
      meta: { tags: ['b', 'a'], app: 'sous' },
      name: 'Order',
      id: 'order',
      format: 'sous.recipe/v1'
    };
    expect(exportRecipe(parsed(scrambled)).text).toBe(
      `{
  "format": "sous.recipe/v1",
  "id": "order",
  "name": "Order",
  "trigger": {
    "kind": "manual",
    "input": [
      {
        "name": "n",
        "type": "number"
      }
    ]
  },
  "steps": [
    {
      "id": "check",
      "kind": "if",
      "condition": "{{ true }}",
      "then": [
        {
          "id": "flag",
          "kind": "set",
          "values": {
            "z": 1,
            "a": 2
          }
        }
      ]
    },
    {
      "id": "get",
      "kind": "action",
      "connector": "http",
      "action": "request",
      "input": {
        "url": "https://x.test",
        "method": "GET"
      },
      "retry": {
        "attempts": 2,
        "backoff": "exponential",
        "initial_ms": 500,
        "max_ms": 100
      }
    }
  ],
  "meta": {
    "tags": [
      "b",
      "a"
    ],
    "app": "sous"
  }
}
`
    );
  });

  const everything = {
    format: 'sous.recipe/v1',
    id: 'everything',
    name: 'Every kind',
    description: 'one of each',
    trigger: { kind: 'callable', input: [{ name: 'n', type: 'number', required: true, default: 1, description: 'n' }], output: { type: 'object' } },
    steps: [
      { id: 'a', kind: 'action', name: 'A', connector: 'sandbox.erp', action: 'vendors.get', connection: 'erp', input: { id: '{{ trigger.n }}', deep: [{ x: null }] }, retry: { attempts: 3 } },
      { id: 'b', kind: 'if', condition: 'x', then: [{ id: 'c', kind: 'set', values: { v: 1 } }], else: [] },
      { id: 'd', kind: 'foreach', items: 'x', as: 'inv', concurrency: 4, steps: [{ id: 'e', kind: 'stop', outcome: 'success' }] },
      { id: 'f', kind: 'try', steps: [{ id: 'g', kind: 'call', recipe: 'other', input: {} }], catch: [{ id: 'h', kind: 'stop', outcome: 'failure', message: 'm' }] },
      { id: 'i', kind: 'approval', message: 'ok?', assignee: 'ana', choices: ['y', 'n'], timeout: 'PT1H', disabled: true }
    ],
    connections: { erp: { label: 'ERP', connector: 'sandbox.erp' } },
    meta: { exported_at: '2025-01-01' }
  };

  it.each([
    ['every kind', everything],
    ['schedule', { ...everything, trigger: { kind: 'schedule', cron: '0 9 * * 1' } }],
    ['event', { ...everything, trigger: { kind: 'event', connector: 'c', event: 'e', filter: 'x' } }],
    ['document', { ...everything, trigger: { kind: 'document', accept: ['application/pdf'] } }],
    ['webhook', { ...everything, trigger: { kind: 'webhook', path: 'a/b' } }],
    ['unicode and odd text', { ...everything, name: 'Ünïcødé “quotes” \\ \n new line 🍲' }]
  ])('round trips byte for byte: export(parse(export(x))) = export(x) (%s)', (_name, data) => {
    const once = exportRecipe(parsed(data)).text;
    const again = parseRecipeText(once);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(exportRecipe(again.recipe).text).toBe(once);
    expect(once.endsWith('}\n')).toBe(true);
    expect(again.recipe).toEqual(parsed(data));
  });
});

describe('no secrets in an export', () => {
  it('blanks literal credentials, keeps expressions, and says where', () => {
    const recipe = minimal([
      http({
        url: 'https://api.test/v1',
        headers: {
          Authorization: 'Bearer sk-live-123',
          'X-API-Key': 'k-123',
          'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
          Cookie: 'session=abc123',
          'X-Auth-Token': 'xa-1',
          'Content-Type': 'application/json',
          'X-Request-Id': 'abc'
        },
        query: { api_key: 'q-123', apiKey: 'q-456', page: 2 },
        body: { user: 'ana', password: 'hunter2', client_secret: 's-1', access_token: 't-1', nested: [{ token: 'deep-1' }] }
      }),
      {
        id: 'kept',
        kind: 'action',
        connector: 'http',
        action: 'request',
        input: { url: 'https://api.test', headers: { authorization: 'Bearer {{ vars.token }}', 'x-api-key': '{{ trigger.key }}', Token: '' } }
      }
    ]);
    const { text, removed } = exportRecipe(recipe);
    for (const secret of ['sk-live-123', 'abc123', 'xa-1', 'k-123', 'dXNlcjpwYXNz', 'q-123', 'q-456', 'hunter2', 's-1', 't-1', 'deep-1']) expect(text).not.toContain(secret);
    const out = JSON.parse(text);
    expect(out.steps[0].input.headers).toEqual({ Authorization: '', 'X-API-Key': '', 'Proxy-Authorization': '', Cookie: '', 'X-Auth-Token': '', 'Content-Type': 'application/json', 'X-Request-Id': 'abc' });
    expect(out.steps[0].input.query).toEqual({ api_key: '', apiKey: '', page: 2 });
    expect(out.steps[0].input.body).toEqual({ user: 'ana', password: '', client_secret: '', access_token: '', nested: [{ token: '' }] });
    expect(out.steps[1].input.headers).toEqual({ authorization: 'Bearer {{ vars.token }}', 'x-api-key': '{{ trigger.key }}', Token: '' });
    expect(removed).toEqual([
      'steps[0].input.headers.Authorization',
      'steps[0].input.headers.X-API-Key',
      'steps[0].input.headers.Proxy-Authorization',
      'steps[0].input.headers.Cookie',
      'steps[0].input.headers.X-Auth-Token',
      'steps[0].input.query.api_key',
      'steps[0].input.query.apiKey',
      'steps[0].input.body.password',
      'steps[0].input.body.client_secret',
      'steps[0].input.body.access_token',
      'steps[0].input.body.nested[0].token'
    ]);
  });

  it('blanks a password and credential query parameters written into a URL', () => {
    const recipe = minimal([http({ url: 'https://ana:hunter2@api.test/v1/items?api_key=q-123&page=2&access_token=t-1#top' })]);
    const { text, removed } = exportRecipe(recipe);
    expect(JSON.parse(text).steps[0].input.url).toBe('https://ana@api.test/v1/items?api_key=&page=2&access_token=#top');
    expect(text).not.toContain('hunter2');
    expect(removed).toEqual(['steps[0].input.url']);
  });

  it.each([
    'https://api.test/{{ trigger.path }}?api_key={{ vars.key }}',
    'https://api.test/v1?page=2&q=token',
    'not a url ?api_key=x',
    'mailto:ana@api.test'
  ])('leaves %j as it is', (url) => {
    const { text, removed } = exportRecipe(minimal([http({ url })]));
    expect(JSON.parse(text).steps[0].input.url).toBe(url);
    expect(removed).toEqual([]);
  });

  it('connections carry only connector and label, whatever the recipe object holds', () => {
    const recipe = minimal([]);
    // a connection as the studio may hold it, with the fields of the stored connection
    (recipe as { connections?: unknown }).connections = { erp: { connector: 'sandbox.erp', label: 'ERP', token: 'sk-1', password: 'p' }, mail: { connector: 'mail' } };
    const { text } = exportRecipe(recipe);
    expect(JSON.parse(text).connections).toEqual({ erp: { connector: 'sandbox.erp', label: 'ERP' }, mail: { connector: 'mail' } });
    expect(text).not.toContain('sk-1');
  });

  it('an export with blanked secrets is still a valid recipe', () => {
    const { text } = exportRecipe(minimal([http({ url: 'https://u:p@api.test', headers: { Authorization: 'Bearer x' } })]));
    expect(parseRecipeText(text).ok).toBe(true);
  });
});
