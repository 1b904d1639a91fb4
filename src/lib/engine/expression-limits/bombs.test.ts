/**
 * Expression bombs: each must end well inside a wide bound (unguarded, most take from 10 s to for ever or
 * exhaust memory) with a clear error naming the limit, or, for regexes, with RE2's ordinary answer.
 */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { StepFailure } from '../errors';
import { evaluateTemplate } from '../expressions';

const BOUND_MS = 6000;
const a = (n: number) => 'a'.repeat(n);
const context = { trigger: { a30: a(30), a5000: a(5000), a5000x: `${a(5000)}!`, words: `${'word '.repeat(3000)}!` }, steps: {}, vars: {} };

async function timed(text: string): Promise<{ ms: number; value?: unknown; error?: StepFailure }> {
  const start = Date.now();
  try {
    const value = await evaluateTemplate(text, context);
    return { ms: Date.now() - start, value };
  } catch (err) {
    if (!(err instanceof StepFailure)) throw err;
    return { ms: Date.now() - start, error: err };
  }
}

const CATASTROPHIC = ['/(a+)+b/', '/(a|aa)+b/', '/(.*a){20}b/', '/(a*)*b/', '/^(a|a?)+$b/', '/((a+)+)+c/', '/(\\w+\\s?)*!x/'];
const INPUTS = ['trigger.a30', 'trigger.a5000', 'trigger.a5000x', 'trigger.words'];

describe('catastrophic regexes run in linear time', () => {
  const cases = CATASTROPHIC.flatMap((re) =>
    INPUTS.flatMap((input) => [
      [`$match(${input}, ${re})`, []],
      [`$contains(${input}, ${re})`, false],
      [`$split(${input}, ${re})`, 'same'],
      [`$replace(${input}, ${re}, "x")`, 'same']
    ])
  ) as Array<[string, unknown]>;
  it.each(cases)('%s ends at once with no match', async (expr, expected) => {
    const r = await timed(`{{ ${expr} }}`);
    expect(r.error).toBeUndefined();
    expect(r.ms).toBeLessThan(BOUND_MS);
    const input = (context.trigger as Record<string, string>)[expr.match(/trigger\.(\w+)/)![1]];
    if (expected === 'same') expect(r.value).toEqual(expr.startsWith('$split') ? [input] : input);
    else if (Array.isArray(expected)) expect(r.value ?? []).toEqual(expected);
    else expect(r.value).toBe(expected);
  });
});

const dag = (levels: number) => `$reduce([1..${levels}], function($acc, $i){ {"l": $acc, "r": $acc} }, {"k": "${'x'.repeat(50)}"})`;

describe('bombs fail their step fast with a clear error', () => {
  it.each([
    ['$pad of 100 million', '$pad("", 1e8)', /\$pad would make a text longer than 10 MB/],
    ['$pad with a long padding text', '$pad("", 1e6, $pad("", 1000, "ab"))', /\$pad would make a text longer than 10 MB/],
    ['$join of many big texts', '$join($map([1..200], function($i){ $pad("", 100000, "x") }))', /\$join would make a text longer than 10 MB/],
    ['$replace with a long replacement (text)', '$replace($pad("", 100000, "a"), "a", $pad("", 1000, "b"))', /\$replace would make a text longer than 10 MB/],
    ['$replace with a long replacement (regex)', '$replace($pad("", 100000, "a"), /a/, $pad("", 1000, "b"))', /\$replace would make a text longer than 10 MB/],
    ['doubling text with &', '$reduce([1..40], function($acc, $i){ $acc & $acc }, "ab")', /`&` would make a text longer than 10 MB/],
    ['a value with shared parts doubled 40 times', dag(40), /the expression made a value too large \(over 64 MB\)/],
    ['the same, built with variables', '($a := {"k": [1..100]}; $b := {"l": $a, "r": $a}; $c := {"l": $b, "r": $b}; $d := {"l": $c, "r": $c}; $e := {"l": $d, "r": $d}; $f := {"l": $e, "r": $e}; $g := {"l": $f, "r": $f}; $h := {"l": $g, "r": $g}; $i := {"l": $h, "r": $h}; $j := {"l": $i, "r": $i}; $k := {"l": $j, "r": $j}; $l := {"l": $k, "r": $k}; $m := {"l": $l, "r": $l}; $n := {"l": $m, "r": $m}; $o := {"l": $n, "r": $n}; $p := {"l": $o, "r": $o}; $q := {"l": $p, "r": $p}; $r := {"l": $q, "r": $q}; $s := {"l": $r, "r": $r}; $t := {"l": $s, "r": $s}; $u := {"l": $t, "r": $t}; [$u, $u])', /value too large/],
    ['$string of it', `$string(${dag(40)})`, /\$string would make a text longer than 10 MB/],
    ['& of it', `"x" & ${dag(40)}`, /`&` would make a text longer than 10 MB/],
    ['& inside $eval on a value it is given', `$eval('"x" & $', ${dag(40)})`, /`&` would make a text longer than 10 MB/],
    ['$distinct of two such values', `$count($distinct([${dag(40)}, ${dag(40)}]))`, /\$distinct was given a value too large to compare/],
    ['= between two such values', `${dag(40)} = ${dag(40)}`, /`=` was given a value too large to compare/],
    ['!= between two such values', `${dag(40)} != ${dag(40)}`, /`=` was given a value too large to compare/],
    ['= inside a $sort comparator', `$count($sort([${dag(40)}, ${dag(40)}], function($a, $b){ $a = $b }))`, /`=` was given a value too large to compare/],
    ['= inside a filter', `$count([${dag(40)}, ${dag(40)}][$ = ${dag(40)}])`, /`=` was given a value too large to compare/],
    ['a transform copying such a value', `${dag(40)} ~> | $ | {"x": 1} |`, /a transform \(`~> \| … \|`\) would make a text longer than 10 MB/],
    ['$string, indented, of a deeply nested value', '$string($reduce([1..9000], function($acc, $i){ {"a": $acc} }, {}), true)', /\$string would make a text longer than 10 MB/],
    ['deep recursion', '($f := function($x){ 1 + $f($x) }; $f(1))', /recursed too deeply/],
    ['an endless tail call', '($f := function($x){ $f($x) }; $f(1))', /ran for too long \(over its 2 s limit/],
    ['a huge range', '[1..1e7]', /made a list too long/],
    ['a huge range counted', '$count([1..10000000])', /made a list too long/],
    ['a long $reduce loop', '$reduce([1..1000000], function($a, $v){ $reduce([1..10], function($b, $w){ $b + $w }, $a) })', /ran for too long/],
    ['nested loops', '$sum([1..1000].($x := $; [1..1000].($ * $x)))', /ran for too long|list too long/]
  ])('%s', async (_name, expr, message) => {
    const r = await timed(`{{ ${expr} }}`);
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.error?.code).toBe('expression');
    expect(r.error?.message).toMatch(message);
    expect(r.error!.message.length).toBeLessThan(600);
  });

  it('names a long expression by its first 120 characters or so', async () => {
    const r = await timed(`{{ ($pad("", 1e8) & "${'y'.repeat(500)}") }}`);
    expect(r.error?.message).toMatch(/^expression "\(\$pad\(""\, 1e8\) & "y+…" failed: /);
    expect(r.error!.message.indexOf('" failed')).toBeLessThanOrEqual(140);
  });

  it('leaves ordinary text builders alone', async () => {
    expect(await evaluateTemplate('{{ $pad("7", -3, "0") & $join(["a", "b"], "-") & $replace("aXb", "X", "--") }}', context)).toBe('007a-ba--b');
    expect(await evaluateTemplate('{{ $string({"a": [1, 2.5, "x"]}) }}', context)).toBe('{"a":[1,2.5,"x"]}');
    expect(await evaluateTemplate('{{ "n=" & 3 & [1] & {"k": true} & undefinedThing }}', context)).toBe('n=3[1]{"k":true}');
    expect(await evaluateTemplate('{{ $count($distinct([1, 1, {"a": 1}, {"a": 1}])) }}', context)).toBe(2);
    expect((await evaluateTemplate('{{ $pad("", 1000000) }}', context) as string).length).toBe(1_000_000);
  });
});

describe('= and != between values that are not literals', () => {
  // JSONata's own operator, for comparison: the rewrite must answer as it does.
  it.each([
    ['{"a": 1, "b": [1, {"c": 2}]} = {"b": [1, {"c": 2}], "a": 1}', true],
    ['{"a": 1} = {"a": 1, "b": 2}', false],
    ['[1, 2] = [2, 1]', false],
    ['[1, [2, 3]] = [1, [2, 3]]', true],
    ['$x := {"a": 1}; $x = $x', true],
    ['trigger.a30 = trigger.a30', true],
    ['trigger.nothing = trigger.nothing', false],
    ['trigger.nothing != trigger.nothing', false],
    ['trigger.nothing != trigger.a30', false],
    ['{"a": 1} != {"a": 2}', true],
    ['[{"a": 1}, {"a": 1}] != [{"a": 1}, {"a": 1}]', false],
    ['1 + 1 = 4 / 2', true],
    ['$count([1, 2, 3][$ = $count([1])])', 1]
  ])('%s → %j', async (expr, expected) => {
    const wrapped = expr.includes(':=') ? `(${expr})` : expr;
    expect(await evaluateTemplate(`{{ ${wrapped} }}`, context)).toEqual(expected);
    expect(await jsonata(wrapped).evaluate(context)).toEqual(expected);
  });
});

describe('$eval', () => {
  it('still evaluates text, against the value given or the current one', async () => {
    expect(await evaluateTemplate('{{ $eval("1 + 2") }}', context)).toBe(3);
    expect(await evaluateTemplate('{{ $eval("a & \'!\'", {"a": "hi"}) }}', context)).toBe('hi!');
    expect(await evaluateTemplate('{{ trigger.$eval("$length(a30)") }}', context)).toBe(30);
  });
});
