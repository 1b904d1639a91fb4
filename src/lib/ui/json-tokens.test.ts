import { describe, expect, it } from 'vitest';
import { jsonTokens } from './json-tokens';

describe('jsonTokens', () => {
  it('tells keys, strings, numbers and literals apart, and loses no character', () => {
    const text = JSON.stringify({ a: 'x: "y"', 'b\\"': [1, -2.5e3, true, null] }, null, 2);
    const tokens = jsonTokens(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens.filter((t) => t.kind !== 'punct').map((t) => [t.kind, t.text])).toEqual([
      ['key', '"a"'],
      ['string', '"x: \\"y\\""'],
      ['key', '"b\\\\\\""'],
      ['number', '1'],
      ['number', '-2500'],
      ['literal', 'true'],
      ['literal', 'null']
    ]);
  });

  it('keeps text that is not JSON (a dash for nothing) as it is', () => {
    expect(jsonTokens('—')).toEqual([{ kind: 'punct', text: '—' }]);
  });
});
