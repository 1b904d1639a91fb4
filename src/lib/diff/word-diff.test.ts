import { describe, expect, it } from 'vitest';
import { MAX_WORD_UNITS, sideParts, wordDiff, wordUnits } from './word-diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
const show = (parts: { op: string; text: string }[]) => parts.map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');

describe('a word diff of two texts', () => {
  it.each([
    ['Total {{ vars.total }}', 'Sum {{ vars.total }}', '[-Total-]{+Sum+} {{ vars.total }}'],
    ['{{ vars.total }}', '{{ vars.sum }}', '{{ vars.[-total-]{+sum+} }}'],
    ['Pay the invoice today', 'Pay the big invoice today', 'Pay the {+big +}invoice today'],
    ['a b c', 'a c', 'a [-b -]c'],
    ['', 'new', '{+new+}'],
    ['gone', '', '[-gone-]'],
    ['same words', 'same words', 'same words'],
    ['송장 합계 {{ total }}', '송장 금액 {{ total }}', '송장 [-합계-]{+금액+} {{ total }}']
  ])('%j → %j', (before, after, expected) => {
    const parts = wordDiff(before, after);
    expect(show(parts)).toBe(expected);
    expect(join(sideParts(parts, 'before'))).toBe(before);
    expect(join(sideParts(parts, 'after'))).toBe(after);
  });

  it('splits into words, spaces and single marks, losing no character', () => {
    expect(wordUnits('a_b  c.d!')).toEqual(['a_b', '  ', 'c', '.', 'd', '!']);
    const text = 'line one\nline two\t{{ $sum(x) }} — ok';
    expect(wordUnits(text).join('')).toBe(text);
  });

  it('neighbouring parts never share an op, and a long middle is replaced whole', () => {
    const many = (w: string) => Array.from({ length: MAX_WORD_UNITS }, (_, i) => `${w}${i}`).join(' ');
    const parts = wordDiff(`start ${many('a')} end`, `start ${many('b')} end`);
    expect(parts.map((p) => p.op)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[0].text).toBe('start ');
    for (let i = 1; i < parts.length; i++) expect(parts[i].op).not.toBe(parts[i - 1].op);
  });
});
