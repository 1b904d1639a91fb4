/**
 * Text with positions (a PDF's text runs, OCR's word boxes) back into lines that keep their columns: each
 * row left to right, a word space as one space, a wide gap as two or more, and what stands at the same
 * x on the page at the same place in the line where a wide gap allows it. The rules then pair a label with
 * the value to its right (the next text in its line) or directly below it (the text of the next line that
 * overlaps its column), the same way for plain text, PDFs and scans.
 */
export interface PlacedWord {
  str: string;
  /** Left edge and width, in the page's units (PDF points, image pixels). */
  x: number;
  width: number;
  /** false where the reader knows the word is glued to the one before (OCR of Korean), whatever the gap. */
  spaceBefore?: boolean;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

/** The page's typical letter width: the median over its words (a heading's big letters do not set it). */
export function letterWidth(rows: readonly PlacedWord[][]): number {
  const widths = rows.flat().filter((w) => w.str.trim().length > 0 && w.width > 0).map((w) => w.width / [...w.str].length);
  return median(widths) || 5;
}

/** Rows of words, each left to right, as lines of text with their columns kept. */
export function placeRows(rows: readonly PlacedWord[][], width = letterWidth(rows)): string[] {
  const words = rows.flat().filter((w) => w.str.trim());
  const left = words.length ? Math.min(...words.map((w) => w.x)) : 0;
  return rows.map((row) => {
    let line = '';
    let end = -Infinity;
    for (const word of [...row].filter((w) => w.str.trim()).sort((a, b) => a.x - b.x)) {
      const column = Math.max(0, Math.round((word.x - left) / width));
      const gap = word.x - end;
      if (line === '') line = ' '.repeat(column);
      else if (word.spaceBefore === false && gap <= width * 2.5) line += '';
      else if (gap > width * 2.5) line = line.length + 2 >= column ? `${line}  ` : line.padEnd(column);
      else if (gap > width * 0.2) line += ' ';
      line += word.str;
      end = word.x + word.width;
    }
    return line.replace(/\s+$/, '');
  });
}
