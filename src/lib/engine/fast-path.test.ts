import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsonata from 'jsonata';
import { compileFast, evaluateFast, FALLBACK } from './fast-path';

const context = {
  trigger: { amount: 120, name: 'Ada', zero: 0, no: null, yes: true, items: [1, 2], one: [5], nested: [[1, 2], [3]], empty: [], objs: [{ x: 1 }, { x: 2 }] },
  steps: { a: { b: 'c', n: 7, deep: { k: { m: 3 } }, list: [{ id: 1 }] }, post: { id: 'm-1' } },
  vars: { total: 132.00000000000003, label: 'big', flag: false },
  item: { x: 150, amount: 501, id: 'inv-1', text: '100' },
  str: 'text',
  now: '2026-01-01T00:00:00.000Z'
};

async function viaJsonata(source: string): Promise<{ value?: unknown; error?: string }> {
  try {
    return { value: await jsonata(source).evaluate(context) };
  } catch (err) {
    return { error: (err as { code?: string }).code ?? String(err) };
  }
}

// [source, whether the fast path must answer it itself]
const cases: Array<[string, boolean]> = [
  ['trigger.amount', true],
  ['steps.a.b', true],
  ['steps.a.deep.k.m', true],
  ['steps.a.deep.k', true],
  ['steps.post.id', true],
  ['item.x > 100', true],
  ['item.x > 200', true],
  ['item.amount >= 501', true],
  ['item.amount <= 500', true],
  ['trigger.amount * 1.1', true],
  ['vars.total > 100', true],
  ['trigger.amount + 1 - 2 * 3 / 4 % 5', true],
  ['(trigger.amount + 1) * 2', true],
  ['-trigger.amount', true],
  ['- 5 + 2', true],
  ['trigger.name = "Ada"', true],
  ["trigger.name != 'Bob'", true],
  ['trigger.name < "B"', true],
  ['trigger.no = null', true],
  ['trigger.yes = true', true],
  ['item.x > 100 and trigger.yes', true],
  ['vars.flag or item.x > 100', true],
  ['vars.flag and missing.thing', true],
  ['trigger.zero = 0', true],
  ['1 = "1"', true],
  ['1.5e2 > 100', true],
  ['missing', true],
  ['missing.deeper.still', true],
  ['str.length', true],
  ['trigger.no.x', true],
  ['trigger.items', true],
  ['trigger.one', true],
  ['trigger.nested', true],
  ['trigger.empty', true],
  ['constructor', true],
  ['steps.a.toString', true],
  ['trigger.__proto__', true],
  ['true', true],
  ['null', true],
  ['"literal"', true],
  // JSONata's alone: lists in paths, missing operands, mixed types, errors, anything outside the subset.
  ['trigger.objs.x', false],
  ['steps.a.list.id', false],
  ['trigger.one > 4', false],
  ['trigger.one * 2', false],
  ['-trigger.one', false],
  ['missing > 1', false],
  ['missing + 1', false],
  ['missing = missing', false],
  ['trigger.no + 1', false],
  ['trigger.name + 1', false],
  ['item.text > 99', false],
  ['steps.a = steps.a', false],
  ['1 / 0', false],
  ['trigger.amount and true', false],
  ['$sum(trigger.items)', false],
  ['trigger.items[0]', false],
  ['trigger.name & "!"', false],
  ['"a\\"b"', false],
  ['`trigger`.amount', false],
  ['trigger.amount /* note */', false],
  ['item.x > 100 ? "big" : "small"', false],
  ['trigger.amount in [1, 2]', false],
  ['1 < 2 < 3', false],
  ['(1).x', false],
  ['trigger.', false],
  ['', false]
];

describe('the expression fast path', () => {
  it.each(cases)('%s gives what JSONata gives', async (source, answersItself) => {
    const fast = evaluateFast(source, context);
    expect(fast !== FALLBACK).toBe(answersItself);
    if (fast === FALLBACK) return;
    const expected = await viaJsonata(source);
    expect(expected.error).toBeUndefined();
    expect(fast).toEqual(expected.value);
  });

  it('compiles each source once', () => {
    expect(compileFast('vars.total > 100')).toBe(compileFast('vars.total > 100'));
    expect(compileFast('$now()')).toBeNull();
  });

  it('agrees with JSONata on random expressions over random values', async () => {
    const value = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.constantFrom('a', 'b', '', '10', 'Ada'),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('x', 'y'), fc.integer(), { maxKeys: 2 })
    );
    const data = fc.record({ x: value, y: value, o: fc.record({ x: value, y: value }) });
    const leaf = fc.constantFrom('d.x', 'd.y', 'd.o.x', 'd.o.y', 'd.z', 'd.o', '1', '2.5', '"a"', 'true', 'null');
    const expr = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', ' and ', ' or '), tie('e')).map(([l, op, r]) => `${l} ${op} ${r}`),
        tie('e').map((e) => `(${e})`),
        tie('e').map((e) => `-${e}`)
      )
    })).e as fc.Arbitrary<string>;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(expr, data, async (source, d) => {
        const fast = evaluateFast(source, { d });
        if (fast === FALLBACK) return;
        answered++;
        let expected: unknown;
        try {
          expected = await jsonata(source).evaluate({ d });
        } catch (err) {
          throw new Error(`JSONata fails "${source}" (${(err as Error).message}) where the fast path gives ${JSON.stringify(fast)}`);
        }
        expect(fast).toEqual(expected);
      }),
      { numRuns: 3000 }
    );
    // The property means something only if the fast path answers a good share itself.
    expect(answered).toBeGreaterThan(500);
  });
});
