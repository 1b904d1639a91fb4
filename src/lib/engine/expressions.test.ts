/** `{{ }}` expressions: types kept or text made, runaway ones stopped fast, the host out of reach. */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { StepFailure } from './errors';
import { compileTemplate, evaluateExpr, evaluateTemplate, resolveDeep, truthy } from './expressions';
import { recipe, setup } from './test-kit';

const context = { trigger: { n: 2, name: 'Ana', list: [1, 2, 3], o: { k: 'v' } }, steps: {}, vars: { x: 1 }, user: { id: 'u' }, now: '2025-01-01T00:00:00.000Z' };

/** What an expression gives: its value, or the code and message of the failure it raises. */
async function outcome(text: string): Promise<{ value: unknown } | { code: string; message: string }> {
  try {
    return { value: await evaluateTemplate(text, context) };
  } catch (err) {
    if (err instanceof StepFailure) return { code: err.code, message: err.message };
    throw err;
  }
}

/** True when a value holds anything that is not plain data (a function, a class instance). */
function hasHostValue(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return true;
  return Object.values(value).some(hasHostValue);
}

describe('templates', () => {
  it.each([
    ['{{ trigger.n }}', 2],
    ['{{ trigger.n > 1 }}', true],
    ['{{ trigger.o }}', { k: 'v' }],
    ['{{ trigger.list[$ > 1] }}', [2, 3]],
    ['{{ trigger.list[0] }}', 1],
    ['{{ trigger.missing }}', undefined],
    ['{{ "text" }}', 'text'],
    ['\n {{ trigger.n }} \t', 2],
    ['Hello {{ trigger.name }}!', 'Hello Ana!'],
    ['{{ trigger.n }} + {{ trigger.n }}', '2 + 2'],
    ['{{ trigger.n }}{{ trigger.n }}', '22'],
    ['list: {{ trigger.list }}', 'list: [1,2,3]'],
    ['[{{ trigger.missing }}]', '[]'],
    ['no braces at all', 'no braces at all'],
    ['{{ {"a": {"b": trigger.n}} }}', { a: { b: 2 } }]
  ])('%j gives %j', async (text, expected) => {
    expect(await evaluateTemplate(text, context)).toEqual(expected);
  });

  it('a field marked expr may be written with or without braces', async () => {
    expect(await evaluateExpr('trigger.n * 3', context)).toBe(6);
    expect(await evaluateExpr('{{ trigger.n * 3 }}', context)).toBe(6);
  });

  it('resolves strings at every depth, keeps other values, and drops keys whose value is nothing', async () => {
    const out = await resolveDeep({ a: ['{{ trigger.n }}', 5, null, { b: '{{ vars.x }}', c: true }], gone: '{{ trigger.none }}' }, context);
    expect(out).toEqual({ a: [2, 5, null, { b: 1, c: true }] });
  });

  it('gives plain lists, not JSONata sequences', async () => {
    const value = (await evaluateTemplate('{{ trigger.list.($ * 2) }}', context)) as unknown[];
    expect(value).toEqual([2, 4, 6]);
    expect(Object.keys(value)).toEqual(['0', '1', '2']);
  });
});

describe('truthy, as an `if` condition reads its value', () => {
  it.each([[true], [false], [0], [1], [-1], [''], ['false'], ['0'], [null], [undefined], [{}], [{ a: 0 }], [[]], [[0]], [[0, 1]], [[{}]], [[[]]], [[null, '']], [['x']]])(
    '%j is what JSONata’s $boolean says',
    async (value) => {
      const expected = await jsonata('$boolean($v)').evaluate({}, { v: value });
      expect(truthy(value)).toBe(expected ?? false);
    }
  );

  it('an empty object (an empty API answer) takes the else branch', async () => {
    const { runner } = setup();
    const r = recipe([{ id: 'check', kind: 'if', condition: '{{ trigger.body }}', then: [{ id: 'yes', kind: 'set', values: { v: 'then' } }], else: [{ id: 'no', kind: 'set', values: { v: 'else' } }] }]);
    expect((await runner.start(r, { body: {} })).output).toEqual({ v: 'else' });
    expect((await runner.start(r, { body: { id: 1 } })).output).toEqual({ v: 'then' });
  });
});

describe('a syntax error', () => {
  it.each([
    ['{{ 1 + }}', 'expression "1 +" is not valid: '],
    ['Total: {{ $sum(trigger.list }}', 'expression "$sum(trigger.list" is not valid: '],
    ['{{ trigger.( }}', 'expression "trigger.(" is not valid: ']
  ])('in %j names the expression', async (text, start) => {
    const got = await outcome(text);
    expect(got).toMatchObject({ code: 'expression' });
    expect((got as { message: string }).message.startsWith(start)).toBe(true);
  });

  it('fails the step with code "expression"', async () => {
    const { runner } = setup();
    const job = await runner.start(recipe([{ id: 'a', kind: 'action', connector: 't', action: 'echo', input: { v: '{{ 1 + }}' } }]), {});
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ step: 'a', code: 'expression' });
    expect(job.error!.message).toContain('"1 +"');
  });
});

describe('runaway expressions', () => {
  it.each([
    ['an infinitely recursive function', '{{ ($f := function($x){ 1 + $f($x) }; $f(1)) }}', 'recursed too deeply'],
    ['an infinite tail call', '{{ ($f := function($x){ $f($x) }; $f(1)) }}', 'ran for too long'],
    ['a huge range', '{{ [1..100000000] }}', 'must not exceed 1e7'],
    ['a long range', '{{ $count([1..5000000]) }}', 'made a list too long'],
    ['a long loop', '{{ $count($map([1..900000], function($v){ $reduce([1..5], function($a, $w){ $a & $string($w) }, $string($v)) })) }}', 'ran for too long'],
    ['a string doubled without end', '{{ ($f := function($s){ $f($s & $s) }; $f("x")) }}', 'failed'],
    ['a huge pad', '{{ $pad("x", 1000000000) }}', 'failed'],
    ['runaway code inside $eval', '{{ $eval("($f := function($x){ 1 + $f($x) }; $f(1))") }}', 'failed']
  ])('%s fails fast with code "expression"', async (_name, text, fragment) => {
    const started = Date.now();
    const got = await outcome(text);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(got).toMatchObject({ code: 'expression' });
    expect((got as { message: string }).message).toContain(fragment);
  });

  it('fails its step, and the job, fast', async () => {
    const { runner } = setup();
    const r = recipe([{ id: 'loop', kind: 'set', values: { x: '{{ ($f := function($x){ 1 + $f($x) }; $f(1)) }}' } }]);
    const job = await runner.start(r, {});
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ step: 'loop', code: 'expression' });
  });
});

describe('the host is out of reach', () => {
  it.each([
    '{{ process }}',
    '{{ globalThis }}',
    '{{ $process }}',
    '{{ require }}',
    '{{ $require("fs") }}',
    '{{ trigger.constructor }}',
    '{{ trigger.__proto__ }}',
    '{{ trigger.o.__proto__.constructor }}',
    '{{ $.constructor }}',
    '{{ "abc".constructor }}',
    '{{ trigger.n.constructor }}',
    '{{ trigger.constructor.constructor("return process")() }}',
    '{{ $lookup(trigger, "constructor") }}',
    '{{ $lookup($, "__proto__") }}',
    '{{ $keys(trigger.__proto__) }}',
    '{{ $string.constructor }}',
    '{{ $eval("process") }}',
    '{{ $eval("$$.constructor") }}',
    '{{ $eval("require(\'fs\')") }}',
    '{{ $eval("function(){ process }")() }}',
    // a function is not data: giving one back would hand out the host's code (and break the journal)
    '{{ $string }}',
    '{{ $eval }}',
    '{{ function($x){ $x } }}',
    '{{ {"f": $string} }}',
    '{{ [1, $eval] }}',
    'text {{ $string }}'
  ])('%s yields nothing from the host', async (text) => {
    const got = await outcome(text);
    if ('value' in got) {
      expect(got.value === undefined || got.value === null || got.value === 'text ').toBe(true);
    } else {
      expect(got.code).toBe('expression');
    }
    expect(hasHostValue('value' in got ? got.value : null)).toBe(false);
  });

  it('the whole context is plain data', async () => {
    const got = await evaluateTemplate('{{ $$ }}', context);
    expect(got).toEqual(context);
    expect(hasHostValue(got)).toBe(false);
  });
});

describe('JSONata compiled only when needed', () => {
  it('still reports an invalid expression when the template is compiled', () => {
    expect(() => compileTemplate('{{ amount > }}')).toThrow(/is not valid/);
  });

  it('hands an expression the fast path reads over to JSONata when only JSONata can answer', async () => {
    const text = '{{ order.lines.qty }}';
    const compiled = compileTemplate(text);
    // A path through a list is JSONata's (it maps over the list): the fast path reads the source, then hands over.
    expect(await evaluateTemplate(text, { order: { lines: [{ qty: 1 }, { qty: 2 }] } })).toEqual([1, 2]);
    expect(compiled.kind === 'single' && compiled.expr.ast().type).toBe('path');
  });
});
