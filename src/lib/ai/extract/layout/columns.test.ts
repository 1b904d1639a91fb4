import { describe, expect, it } from 'vitest';
import { placeRows, type PlacedWord } from './columns';

/** Words of a row from "text@x" (each letter 5 units wide). */
const row = (...words: string[]): PlacedWord[] =>
  words.map((w) => {
    const [str, x] = w.split('@');
    return { str, x: Number(x), width: str.length * 5 };
  });

describe('placeRows keeps the page\'s columns', () => {
  it('a label row over a value row: each value starts under its label', () => {
    const lines = placeRows([row('Invoice@0', 'No.@40', 'Date@200'), row('INV-7@0', '2026-03-01@200')]);
    expect(lines).toEqual(['Invoice No.                             Date', 'INV-7                                   2026-03-01']);
    expect(lines[0].indexOf('Date')).toBe(lines[1].indexOf('2026'));
  });

  it('a word space stays one space, text glued stays glued, a wide gap is two spaces or more', () => {
    expect(placeRows([row('Total@0', 'due@28', '$10@100', '.00@115')])).toEqual(['Total due           $10.00']);
  });

  it('a row that starts to the right is indented to its column', () => {
    expect(placeRows([row('Left@0'), row('Right@100')])).toEqual(['Left', '                    Right']);
  });

  it('OCR words known to be glued (Korean syllables) are joined whatever their small gap', () => {
    const words = [{ str: '푸른', x: 0, width: 20 }, { str: '들식품', x: 24, width: 30, spaceBefore: false }];
    expect(placeRows([words], 5)).toEqual(['푸른들식품']);
  });
});
