/** What a rule finds: a value, how sure it is (0–1), and the line it came from. */
export interface Found<T = unknown> {
  value: T;
  confidence: number;
  source: string | null;
}

/** A document's text as the rules see it: trimmed lines, tabs as wide gaps, full-width colons as colons. */
export function toLines(text: string): string[] {
  return text
    .split(/\r?\n|\f/)
    .map((line) =>
      line
        .replace(/\t/g, '  ')
        .replace(/：/g, ':')
        .replace(/[\u200b\ufeff]/g, '')
        // OCR reads the won sign ₩ as \ or W: put it back where a grouped amount follows.
        .replace(/(?<![A-Za-z])[\\wW](?=\d{1,3}(?:,\d{3})+(?!\d))/g, '₩')
        // OCR reads a table's rules as underscores next to the text.
        .replace(/(?<=\s|^)_+|_+(?=\s|$)/g, ' ')
        .trimEnd()
    )
    .filter((line) => line.trim() !== '');
}

/** A line on its own holds only one value (an amount, a date, a number) — the layout where a label's value sits below it. */
export const valueOnly = (line: string | undefined) => line !== undefined && /^\s*[^\s:]*\d[^\s:]*(?:\s[^\s:]{1,4})?\s*$/.test(line);
