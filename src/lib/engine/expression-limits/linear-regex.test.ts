/** The linear regex engine gives what JSONata with native RegExp gives, and refuses by name what RE2 cannot run. */
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { StepFailure } from '../errors';
import { evaluateTemplate } from '../expressions';
import { LinearRegExp, unsupportedConstruct } from './linear-regex';

const text = 'Hello World\nhello again, café 😀 2024-01-31 and 1999-12-01.\nLast line';

/** JSONata with its default RegExp: the answer every case must match. */
async function native(expr: string): Promise<unknown> {
  return asJson(await jsonata(expr).evaluate({ text }));
}

/** Both answers as JSON would carry them (a group that took no part is undefined in one, null in JSON). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

describe('regex functions answer as with native RegExp', () => {
  const patterns = ['/hello/', '/hello/i', '/^h\\w+/m', '/^h\\w+/im', '/(\\d{4})-(\\d{2})-(\\d{2})/', '/l+/', '/[aeiou]{2}/i', '/(?:an|ag)(\\w)/', '/\\bline$/', '/line$/m', '/é|😀/', '/o(r)?/', '/(?<year>\\d{4})/', '/[^\\s]+\\./', '/\\s+/', '/a.a/'];
  const calls = patterns.flatMap((re) => [`$match(text, ${re})`, `$match(text, ${re}, 1)`, `$contains(text, ${re})`, `$split(text, ${re})`, `$split(text, ${re}, 2)`, `$replace(text, ${re}, "<$0|$1>")`, `$replace(text, ${re}, "#", 1)`, `$replace(text, ${re}, function($m){ $uppercase($m.match) })`]);
  it.each(calls)('%s', async (expr) => {
    const ours = await evaluateTemplate(`{{ ${expr} }}`, { text });
    expect(asJson(ours)).toEqual(await native(expr));
  });

  it('a regex that matches nothing, and one that matches empty text, behave the same', async () => {
    expect(await evaluateTemplate('{{ $match(text, /zzz/) }}', { text })).toEqual(await native('$match(text, /zzz/)') ?? undefined);
    await expect(evaluateTemplate('{{ $match(text, /x*/) }}', { text })).rejects.toThrow(/zero length/);
  });

  it('keeps exec, lastIndex and groups as RegExp has them', () => {
    const re = new LinearRegExp(/(a)(x)?(?<n>b)/g);
    const first = re.exec('..ab.ab')!;
    expect([...first]).toEqual(['ab', 'a', undefined, 'b']);
    expect([first.index, re.lastIndex, first.groups]).toEqual([2, 4, { n: 'b' }]);
    expect(re.exec('..ab.ab')!.index).toBe(5);
    expect(re.exec('..ab.ab')).toBeNull();
    expect(re.lastIndex).toBe(0);
  });
});

describe('patterns RE2 cannot run', () => {
  it.each([
    ['/a(?=b)/', 'look-ahead `(?=`'],
    ['/a(?!b)/', 'negative look-ahead `(?!`'],
    ['/(?<=a)b/', 'look-behind `(?<=`'],
    ['/(?<!a)b/', 'negative look-behind `(?<!`'],
    ['/(a)\\1/', 'a backreference like `\\1`'],
    ['/(?<x>a)\\k<x>/', 'a named backreference `\\k<…>`']
  ])('%s is refused by name when the expression is compiled', async (re, name) => {
    const err: unknown = await evaluateTemplate(`{{ $match("ab", ${re}) }}`, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailure);
    expect((err as Error).message).toContain(`is not valid: ${name} is not supported in Sous expressions`);
  });

  it('does not mistake escapes or character classes for them', () => {
    expect(unsupportedConstruct('\\(?=x')).toBeUndefined();
    expect(unsupportedConstruct('[(?=]')).toBeUndefined();
    expect(unsupportedConstruct('[\\]](?!x)')).toBe('negative look-ahead `(?!`');
    expect(unsupportedConstruct('\\\\1')).toBeUndefined();
  });

  it('names other unsupported syntax with RE2’s reason', async () => {
    await expect(evaluateTemplate('{{ $match("ab", /a{2,1001}/) }}', {})).rejects.toThrow(/the pattern \/a\{2,1001\}\/ is not supported in Sous expressions \(/);
  });
});
