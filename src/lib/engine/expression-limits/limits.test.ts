/** The limits can be changed for the whole engine, and reach expressions already compiled and cached. */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../expressions';
import { elide, EXPRESSION_LIMITS, setExpressionLimits } from './limits';

const defaults = { ...EXPRESSION_LIMITS };
afterEach(() => setExpressionLimits(defaults));

describe('expression limits', () => {
  it('a shorter time limit stops a loop sooner, also in an expression compiled before', async () => {
    const loop = '{{ ($f := function($x){ $f($x) }; $f(1)) }}';
    await expect(evaluateTemplate(loop, {})).rejects.toThrow(/over its 2 s limit/);
    setExpressionLimits({ timeout: 300 });
    const start = Date.now();
    await expect(evaluateTemplate(loop, {})).rejects.toThrow(/ran for too long \(over its 0.3 s limit for one expression\)/);
    expect(Date.now() - start).toBeLessThan(1500);
  });

  it('a smaller text limit refuses smaller texts, and the message says the limit', async () => {
    setExpressionLimits({ maxText: 1000 });
    await expect(evaluateTemplate('{{ $pad("", 2000) }}', {})).rejects.toThrow(/\$pad would make a text longer than 1 KB, so it was stopped/);
    expect(await evaluateTemplate('{{ $length($pad("", 900)) }}', {})).toBe(900);
  });

  it('ignores values that are not positive numbers', () => {
    setExpressionLimits({ timeout: -1, maxText: Number.NaN });
    expect(EXPRESSION_LIMITS.timeout).toBe(defaults.timeout);
    expect(EXPRESSION_LIMITS.maxText).toBe(defaults.maxText);
  });

  it.each([
    ['  a   b\n c ', 'a b c'],
    ['x'.repeat(200), `${'x'.repeat(119)}…`]
  ])('elides %j for a message', (source, expected) => {
    expect(elide(source)).toBe(expected);
  });
});
