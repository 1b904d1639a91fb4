import { describe, expect, it } from 'vitest';
import { findJsonError, lineAndColumn } from './json-error';
import { parseRecipeText } from './parse';

/** mulberry32, so a failing case can be replayed from its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const valid = JSON.stringify(
  {
    format: 'sous.recipe/v1',
    n: [0, -1.5e3, 2.25, true, false, null],
    s: 'quote " backslash \\ tab \t unicode é \u0001',
    nested: { a: [[], {}, [{ b: 'c' }]] }
  },
  null,
  2
);

describe('findJsonError', () => {
  it.each([
    ['{"a": 1,}', 8, 'unexpected "}"'],
    ['{"a" 1}', 5, 'unexpected "1"'],
    ['[01]', 2, 'unexpected "1"'],
    ['[1.]', 2, 'unexpected "."'],
    ['"\\x"', 1, 'a bad escape inside a string'],
    ['"\\u12g4"', 1, 'a bad escape inside a string'],
    ['{"a": "b', 8, 'unexpected end of the text'],
    ["{'a': 1}", 1, `unexpected "'"`],
    ['[1] [2]', 4, 'unexpected "["'],
    ['\u00a0{}', 0, 'unexpected "\u00a0"']
  ])('%j: at %i, %s', (text, offset, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonError(text)).toEqual({ offset, problem });
  });

  it('agrees with JSON.parse on what is JSON, over thousands of damaged texts', () => {
    const rand = seeded(3);
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '1', '-', 'e', '.', 't', 'x', 'u'];
    expect(findJsonError(valid)).toBeUndefined();
    for (let n = 0; n < 5000; n++) {
      const chars = [...valid];
      for (let edits = 1 + Math.floor(rand() * 3); edits > 0; edits--) {
        const at = Math.floor(rand() * chars.length);
        const what = rand();
        if (what < 0.4) chars.splice(at, 1);
        else if (what < 0.8) chars.splice(at, 0, alphabet[Math.floor(rand() * alphabet.length)]);
        else chars[at] = alphabet[Math.floor(rand() * alphabet.length)];
      }
      const text = chars.join('');
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const found = findJsonError(text);
      expect(found === undefined, `case ${n}: ${JSON.stringify(text)}`).toBe(parses);
    }
  });

  it('keeps its own stack, so deep nesting cannot overflow it', () => {
    expect(findJsonError('['.repeat(500_000))).toEqual({ offset: 500_000, problem: 'unexpected end of the text' });
  });
});

describe('lineAndColumn', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 2, 2, 1],
    ['a\nbc', 3, 2, 2],
    ['a\n\n\nb', 4, 4, 1],
    ['ab', 2, 1, 3]
  ])('%j at %i is line %i, column %i', (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });
});

describe('a file with a byte order mark', () => {
  it('is read like one without', () => {
    const text = '\ufeff' + JSON.stringify({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps: [] });
    expect(parseRecipeText(text).ok).toBe(true);
  });
});
