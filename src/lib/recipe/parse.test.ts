/** Reading recipe files: every valid form accepted, every problem named by its place, limits kept. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_FILE_BYTES, parseRecipe, parseRecipeText } from './parse';
import { formatIssue } from './issues';
import { STEP_KINDS } from './schema';

const base = { format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps: [] as unknown[] };
const withSteps = (...steps: unknown[]) => ({ ...base, steps });
const set = (id: string) => ({ id, kind: 'set', values: { a: 1 } });

/** The problems of a file as `path: message` lines, or [] when it is valid. */
function problems(data: unknown): string[] {
  const result = parseRecipe(data);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('valid recipes', () => {
  it.each([
    { kind: 'manual' },
    { kind: 'manual', input: [{ name: 'n', type: 'number', required: true, description: 'how many', default: 1 }], sample: { n: 2 } },
    { kind: 'schedule', every: '15m' },
    { kind: 'schedule', every: '1d' },
    { kind: 'schedule', cron: '0 9 * * 1' },
    { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created', connection: 'erp', filter: '{{ trigger.total > 5 }}' },
    { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' },
    { kind: 'document' },
    { kind: 'document', accept: ['application/pdf', 'image/*'] },
    { kind: 'webhook', path: 'orders/new' },
    { kind: 'callable', input: [] },
    { kind: 'callable', input: [{ name: 'f', type: 'file' }], output: { type: 'object' } }
  ])('trigger %j', (trigger) => {
    expect(problems({ ...base, trigger })).toEqual([]);
  });

  const steps: Record<(typeof STEP_KINDS)[number], unknown[]> = {
    action: [
      { id: 'a', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://x.test/{{ trigger.id }}', headers: { accept: 'json' } } },
      { id: 'a', kind: 'action', name: 'Get', disabled: true, connector: 'sandbox.erp', action: 'vendors.get', connection: 'erp', input: {}, retry: { attempts: 3, backoff: 'exponential', initial_ms: 500, max_ms: 30000 } },
      { id: 'a', kind: 'action', connector: 'chat', action: 'post' }
    ],
    if: [
      { id: 'a', kind: 'if', condition: '{{ trigger.n > 1 }}', then: [set('b')] },
      { id: 'a', kind: 'if', condition: 'trigger.n > 1', then: [], else: [set('b')] }
    ],
    foreach: [
      { id: 'a', kind: 'foreach', items: '{{ trigger.list }}', steps: [set('b')] },
      { id: 'a', kind: 'foreach', items: 'trigger.list', as: 'inv_1', concurrency: 64, steps: [] }
    ],
    try: [{ id: 'a', kind: 'try', steps: [set('b')], catch: [set('c')] }],
    set: [{ id: 'a', kind: 'set', values: { n: '{{ 1 + 1 }}', deep: { list: [1, '{{ 2 }}'] } } }],
    approval: [
      { id: 'a', kind: 'approval', message: 'Pay {{ trigger.amount }}?' },
      { id: 'a', kind: 'approval', message: 'ok?', assignee: 'finance', choices: ['pay', 'hold', 'ask'], timeout: 'P1DT12H' }
    ],
    call: [
      { id: 'a', kind: 'call', recipe: 'double-it', input: { n: '{{ trigger.n }}' } },
      { id: 'a', kind: 'call', recipe: 'double-it' }
    ],
    stop: [
      { id: 'a', kind: 'stop', outcome: 'success' },
      { id: 'a', kind: 'stop', outcome: 'failure', message: 'no vendor {{ trigger.v }}' }
    ]
  };
  it.each(Object.entries(steps).flatMap(([kind, list]) => list.map((step, i) => [`${kind} #${i + 1}`, step] as const)))('step %s', (_name, step) => {
    expect(problems(withSteps(step))).toEqual([]);
  });

  it('covers every step kind', () => {
    expect(Object.keys(steps).sort()).toEqual([...STEP_KINDS].sort());
  });

  it('accepts step ids with "_", so expressions need no backticks (steps.search_vendors)', () => {
    const result = parseRecipe(withSteps({ id: 'search_vendors', kind: 'set', values: {} }));
    expect(result.ok).toBe(true);
  });

  it('accepts connections, description and meta', () => {
    expect(problems({ ...base, description: 'd', connections: { erp: { connector: 'sandbox.erp', label: 'ERP' }, mail: { connector: 'mail' } }, meta: { tags: ['x'], exported_at: '2025' } })).toEqual([]);
  });

  it('accepts the spec’s complete example, from its file', () => {
    const text = readFileSync(new URL('../../../tests/conformance/big-invoices.recipe.json', import.meta.url), 'utf8');
    const result = parseRecipeText(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.recipe.steps.map((s) => s.id)).toEqual(['each', 'report']);
  });

  it('fills in the defaults: an action’s empty input, a retry policy’s backoff', () => {
    const result = parseRecipe(withSteps({ id: 'a', kind: 'action', connector: 'c', action: 'x', retry: { attempts: 2 } }));
    expect(result.ok && result.recipe.steps[0]).toEqual({ id: 'a', kind: 'action', connector: 'c', action: 'x', input: {}, retry: { attempts: 2, backoff: 'exponential', initial_ms: 500, max_ms: 30000 } });
  });
});

describe('problems name their place', () => {
  it.each([
    ['a wrong type deep in a list', withSteps(set('a'), set('b'), { id: 'c', kind: 'action', connector: 'http', action: 'request', name: 5 }), 'steps[2].name: expected a string'],
    ['an input that is not an object', withSteps(set('a'), set('b'), { id: 'c', kind: 'action', connector: 'http', action: 'request', input: 'https://x' }), 'steps[2].input: expected an object'],
    ['a missing field', withSteps({ id: 'a', kind: 'action', action: 'request' }), 'steps[0].connector: is required (a string)'],
    ['an unknown step kind', withSteps({ id: 'a', kind: 'loop' }), 'steps[0].kind: expected one of action, if, foreach, try, set, approval, call, stop'],
    ['a step without kind', withSteps({ id: 'a' }), 'steps[0].kind: expected one of action, if, foreach, try, set, approval, call, stop'],
    ['a bad step id', withSteps({ id: 'Send Mail', kind: 'set', values: {} }), 'steps[0].id: expected a step id: lower-case letters, digits, "_" and "-", starting with a letter or digit, at most 64 characters'],
    ['a step id starting with "_"', withSteps({ id: '_a', kind: 'set', values: {} }), 'steps[0].id: expected a step id: lower-case letters, digits, "_" and "-", starting with a letter or digit, at most 64 characters'],
    ['an unknown key', withSteps({ id: 'a', kind: 'set', values: {}, valeus: {} }), 'steps[0]: unknown key "valeus"'],
    ['a problem deep inside containers', withSteps({ id: 'a', kind: 'if', condition: 'x', then: [set('b'), { id: 'c', kind: 'foreach', items: 'x', steps: [{ id: 'd', kind: 'set', values: [1] }] }] }), 'steps[0].then[1].steps[0].values: expected an object'],
    ['a problem in catch', withSteps({ id: 'a', kind: 'try', steps: [], catch: [{ id: 'b', kind: 'stop', outcome: 'maybe' }] }), 'steps[0].catch[0].outcome: expected one of "success", "failure"'],
    ['a try without catch', withSteps({ id: 'a', kind: 'try', steps: [] }), 'steps[0].catch: is required (a list)'],
    ['an empty condition', withSteps({ id: 'a', kind: 'if', condition: '', then: [] }), 'steps[0].condition: expected an expression'],
    ['a bad `as`', withSteps({ id: 'a', kind: 'foreach', items: 'x', as: 'my item', steps: [] }), 'steps[0].as: expected a name of letters, digits and "_"'],
    ['concurrency 0', withSteps({ id: 'a', kind: 'foreach', items: 'x', concurrency: 0, steps: [] }), 'steps[0].concurrency: must be at least 1'],
    ['concurrency 65', withSteps({ id: 'a', kind: 'foreach', items: 'x', concurrency: 65, steps: [] }), 'steps[0].concurrency: must be at most 64'],
    ['retry attempts 0', withSteps({ id: 'a', kind: 'action', connector: 'c', action: 'x', retry: { attempts: 0 } }), 'steps[0].retry.attempts: must be at least 1'],
    ['retry attempts 2.5', withSteps({ id: 'a', kind: 'action', connector: 'c', action: 'x', retry: { attempts: 2.5 } }), 'steps[0].retry.attempts: expected an int'],
    ['a bad backoff', withSteps({ id: 'a', kind: 'action', connector: 'c', action: 'x', retry: { attempts: 2, backoff: 'linear' } }), 'steps[0].retry.backoff: expected one of "exponential", "fixed"'],
    ['a timeout that is not ISO 8601', withSteps({ id: 'a', kind: 'approval', message: 'ok?', timeout: '30m' }), 'steps[0].timeout: expected an ISO 8601 duration such as PT30M or P1D'],
    ['empty choices', withSteps({ id: 'a', kind: 'approval', message: 'ok?', choices: [] }), 'steps[0].choices: must have at least one item'],
    ['an empty choice', withSteps({ id: 'a', kind: 'approval', message: 'ok?', choices: ['yes', ''] }), 'steps[0].choices[1]: must not be empty'],
    ['a call to a bad id', withSteps({ id: 'a', kind: 'call', recipe: 'Double It' }), 'steps[0].recipe: expected a slug: lower-case letters, digits and "-", starting with a letter or digit, at most 64 characters'],
    ['an unknown trigger kind', { ...base, trigger: { kind: 'cron' } }, 'trigger.kind: expected one of manual, schedule, event, document, webhook, callable'],
    ['a schedule with neither every nor cron', { ...base, trigger: { kind: 'schedule' } }, 'trigger: a schedule needs exactly one of "every" or "cron"'],
    ['a schedule with both', { ...base, trigger: { kind: 'schedule', every: '1h', cron: '* * * * *' } }, 'trigger: a schedule needs exactly one of "every" or "cron"'],
    ['a bad interval', { ...base, trigger: { kind: 'schedule', every: '15 minutes' } }, 'trigger.every: expected an interval such as 15m, 1h or 1d'],
    ['a 4-field cron', { ...base, trigger: { kind: 'schedule', cron: '0 9 * *' } }, 'trigger.cron: expected a 5-field cron expression such as "0 9 * * 1"'],
    ['an event without connector', { ...base, trigger: { kind: 'event', event: 'x' } }, 'trigger.connector: is required (a string)'],
    ['a webhook path with a space', { ...base, trigger: { kind: 'webhook', path: 'new order' } }, 'trigger.path: expected a URL path such as "orders/new"'],
    ['a callable without input', { ...base, trigger: { kind: 'callable' } }, 'trigger.input: is required (a list)'],
    ['a field of an unknown type', { ...base, trigger: { kind: 'manual', input: [{ name: 'n', type: 'integer' }] } }, 'trigger.input[0].type: expected one of "text", "number", "boolean", "date", "list", "object", "file"'],
    ['a field without name', { ...base, trigger: { kind: 'manual', input: [{ name: '', type: 'text' }] } }, 'trigger.input[0].name: must not be empty'],
    ['a connection with a secret in it', { ...base, connections: { erp: { connector: 'sandbox.erp', token: 'abc' } } }, 'connections.erp: unknown key "token"'],
    ['a connection without connector', { ...base, connections: { erp: { label: 'ERP' } } }, 'connections.erp.connector: is required (a string)'],
    ['a missing id', { ...base, id: undefined }, 'id: is required (a string)'],
    ['an empty name', { ...base, name: '' }, 'name: must not be empty'],
    ['steps that are not a list', { ...base, steps: {} }, 'steps: expected a list'],
    ['an unknown top-level key', { ...base, author: 'me' }, 'unknown key "author"']
  ])('%s', (_name, data, expected) => {
    expect(problems(data)).toContain(expected);
  });

  it('reports every problem, not only the first', () => {
    expect(problems(withSteps({ id: 'a', kind: 'action' }, { id: 'b', kind: 'set' }))).toEqual([
      'steps[0].connector: is required (a string)',
      'steps[0].action: is required (a string)',
      'steps[1].values: is required (an object)'
    ]);
  });
});

describe('duplicate step ids', () => {
  it.each([
    ['side by side', withSteps(set('a'), set('a')), 'steps[1].id: "a" is already the id of steps[0]; step ids must be unique'],
    ['in a branch', withSteps(set('a'), { id: 'b', kind: 'if', condition: 'x', then: [], else: [set('a')] }), 'steps[1].else[0].id: "a" is already the id of steps[0]; step ids must be unique'],
    ['inside and outside a loop', withSteps({ id: 'b', kind: 'foreach', items: 'x', steps: [set('a')] }, set('a')), 'steps[1].id: "a" is already the id of steps[0].steps[0]; step ids must be unique'],
    ['in try and catch', withSteps({ id: 'b', kind: 'try', steps: [set('a')], catch: [set('a')] }), 'steps[0].catch[0].id: "a" is already the id of steps[0].steps[0]; step ids must be unique'],
    ['a container and its child', withSteps({ id: 'a', kind: 'try', steps: [set('a')], catch: [] }), 'steps[0].steps[0].id: "a" is already the id of steps[0]; step ids must be unique']
  ])('%s', (_name, data, expected) => {
    expect(problems(data)).toEqual([expected]);
  });
});

describe('what is not a recipe at all', () => {
  it.each([
    ['a newer format', { ...base, format: 'sous.recipe/v2' }, 'format: unknown format "sous.recipe/v2"; this version of Sous reads "sous.recipe/v1" (the file may come from a newer Sous)'],
    ['another format', { ...base, format: 'n8n.workflow' }, 'format: unknown format "n8n.workflow"; this version of Sous reads "sous.recipe/v1"'],
    ['a format that is not text', { ...base, format: 1 }, 'format: unknown format 1; this version of Sous reads "sous.recipe/v1"'],
    ['no format', { ...base, format: undefined }, 'format: missing; a recipe file says "format": "sous.recipe/v1"'],
    ['a list', [base], 'not a recipe: expected a JSON object with "format": "sous.recipe/v1"'],
    ['a string', 'recipe', 'not a recipe: expected a JSON object with "format": "sous.recipe/v1"'],
    ['null', null, 'not a recipe: expected a JSON object with "format": "sous.recipe/v1"']
  ])('%s is refused clearly, before the schema', (_name, data, expected) => {
    expect(problems(data)).toEqual([expected]);
  });

  it.each([
    // JSON.parse's own words where it gives a position; where it gives none, the scanner's
    ['{"format": "sous.recipe/v1",\n  "id": }', 'not valid JSON: unexpected "}" at line 2, column 9'],
    ['{"a": 1,}', 'not valid JSON: Expected double-quoted property name at line 1, column 9'],
    ['{\n  "format": "sous.recipe/v1",\n  "id": "x",\n}', 'not valid JSON: Expected double-quoted property name at line 4, column 1'],
    ['{"a": 1', "not valid JSON: Expected ',' or '}' after property value at line 1, column 8"],
    ['', 'not valid JSON: the file is empty'],
    [' \n ', 'not valid JSON: the file is empty'],
    ['{"a": tru}', 'not valid JSON: unexpected "t" at line 1, column 7'],
    ['[1,\n2,,]', 'not valid JSON: unexpected "," at line 2, column 3'],
    ['{"a": 1}}', 'not valid JSON: Unexpected non-whitespace character after JSON at line 1, column 9'],
    ['{"a": "x\ny"}', 'not valid JSON: Bad control character in string literal at line 1, column 9']
  ])('bad JSON %j says where', (text, expected) => {
    const result = parseRecipeText(text);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([expected]);
  });
});

describe('limits', () => {
  const valid = JSON.stringify(base);

  it('a file of exactly 5 MB is read', () => {
    const text = valid + ' '.repeat(MAX_FILE_BYTES - valid.length);
    expect(parseRecipeText(text).ok).toBe(true);
  });

  it('a file over 5 MB is refused, counting bytes, not characters', () => {
    expect(problems0(valid + ' '.repeat(MAX_FILE_BYTES - valid.length + 1))).toEqual(['the file is 5.1 MB; a recipe file may be at most 5 MB']);
    // 2-byte characters: under 5 M characters but over 5 MB
    const wide = JSON.stringify({ ...base, description: 'é'.repeat(MAX_FILE_BYTES / 2 + 10) });
    expect(wide.length).toBeLessThan(MAX_FILE_BYTES);
    expect(problems0(wide)[0]).toMatch(/a recipe file may be at most 5 MB$/);
  });

  /** `levels` nested containers: the recipe object itself is the first. */
  function nested(levels: number, innermost: unknown): Record<string, unknown> {
    let value: unknown = innermost;
    for (let i = 0; i < levels - 2; i++) value = [value];
    return { ...base, meta: { deep: value } };
  }

  it.each([
    ['an empty list', []],
    ['a value', 1]
  ])(`${MAX_DEPTH} levels of nesting are read (innermost: %s)`, (_name, innermost) => {
    // counting the recipe object, meta and every list (an empty list is a level too)
    const levels = Array.isArray(innermost) ? MAX_DEPTH - 1 : MAX_DEPTH;
    expect(problems(nested(levels, innermost))).toEqual([]);
  });

  it.each([
    ['an empty list', []],
    ['a value', 1],
    ['an empty object', {}]
  ])(`${MAX_DEPTH + 1} levels are refused (innermost: %s)`, (_name, innermost) => {
    const levels = typeof innermost === 'object' ? MAX_DEPTH : MAX_DEPTH + 1;
    expect(problems(nested(levels, innermost))).toEqual([`nested deeper than ${MAX_DEPTH} levels; a recipe may nest at most ${MAX_DEPTH} levels`]);
  });

  it('very deep nesting in a file is refused without a stack overflow', () => {
    const depth = 200_000;
    const text = `{"format": "sous.recipe/v1", "id": "r", "name": "R", "trigger": {"kind": "manual"}, "steps": [], "meta": {"x": ${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(problems0(text)).toEqual([`nested deeper than ${MAX_DEPTH} levels; a recipe may nest at most ${MAX_DEPTH} levels`]);
    expect(problems0('['.repeat(depth))).toHaveLength(1);
  });

  it('deeply nested steps count too', () => {
    let steps: unknown[] = [set('leaf')];
    for (let i = 0; i < 40; i++) steps = [{ id: `if-${i}`, kind: 'if', condition: 'true', then: steps }];
    expect(problems(withSteps(...steps))).toEqual([`nested deeper than ${MAX_DEPTH} levels; a recipe may nest at most ${MAX_DEPTH} levels`]);
  });
});

function problems0(text: string): string[] {
  const result = parseRecipeText(text);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('every problem at once', () => {
  const cases: Array<{ name: string; data: unknown; expected: string[] }> = [
    {
      name: 'a wrong format, a bad id and an unknown step kind',
      data: { ...withSteps({ id: 'a', kind: 'teleport' }), format: 'sous/v1', id: 'Bad Id' },
      expected: [
        'format: unknown format "sous/v1"; this version of Sous reads "sous.recipe/v1"',
        expect.stringMatching(/^id: expected a slug/) as unknown as string,
        expect.stringMatching(/^steps\[0\]\.kind: expected one of/) as unknown as string
      ]
    },
    {
      name: 'a missing format is said alone (the file is likely no recipe at all)',
      data: { id: 'r', trigger: { kind: 'manual' }, steps: [] },
      expected: ['format: missing; a recipe file says "format": "sous.recipe/v1"']
    },
    {
      name: 'a schema problem and a step id used twice (found together)',
      data: withSteps(set('a'), { id: 'b', kind: 'if', condition: 'x', then: [set('a'), { id: 'c', kind: 'set', values: 3 }] }),
      expected: ['steps[1].then[1].values: expected an object', 'steps[1].then[0].id: "a" is already the id of steps[0]; step ids must be unique']
    },
    {
      name: 'a newer format is said alone (its schema may differ)',
      data: { ...withSteps({ id: 'a', kind: 'teleport' }), format: 'sous.recipe/v2' },
      expected: ['format: unknown format "sous.recipe/v2"; this version of Sous reads "sous.recipe/v1" (the file may come from a newer Sous)']
    }
  ];
  for (const c of cases) it(c.name, () => expect(problems(c.data)).toEqual(c.expected));
});
