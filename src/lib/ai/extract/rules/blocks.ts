/**
 * The blocks of a page that belong to the buyer, never the seller: a buyer label's block, a person addressed
 * ("Herrn …", "M. …", "z. Hd. …"), a block under a bare "An"/"To", the address window under a sender line
 * ("Muster GmbH · Hauptstr. 1 · 10115 Berlin"), which itself names the issuer.
 */
import { compilePhrases, fold } from '../lexicon/compile';
import { SALUTATIONS } from '../lexicon/words';
import type { Found } from './found';
import { cells, findLabels, hitsIn, isAddresseeLine, looksLikeCompany, segmentAfter, type LabelHit } from './labels';
import { clean, plausible } from './names';

const SALUTATION = new RegExp(`^\\s*(?:${compilePhrases(Object.values(SALUTATIONS).flat()).source})\\s+`, 'iu');
/** "Herrn Max Mustermann", "M. DUPONT", "z. Hd. Frau Weber": a person addressed, so the recipient's block. */
export function salutes(text: string): boolean {
  const m = SALUTATION.exec(fold(text));
  return m !== null && /^\p{Lu}/u.test(text.slice(m[0].length));
}

/**
 * Lines (and the columns in them) that belong to the buyer: a buyer label's cell, the name after or below
 * it and the address lines under that name. A second company name, or another label, ends the block.
 */
export function buyerBlock(lines: readonly string[], sender: Sender | null): (line: number, start: number) => boolean {
  const spans: Array<{ line: number; from: number; to: number }> = [...addressed(lines), ...windowUnder(lines, sender)];
  const alone = lines.flatMap((line, n): LabelHit[] => (isAddresseeLine(line) ? [{ line: n, start: line.search(/\S/), after: line.length, label: line.trim() }] : []));
  for (const hit of [...findLabels(lines, 'buyer'), ...alone]) {
    const row = cells(lines[hit.line]);
    const own = row.find((c) => hit.start >= c.start && hit.start < c.end);
    const from = own?.start ?? hit.start;
    // The block's column runs to where the next cell to its right begins on the label's line.
    const nextCell = row.find((c) => c.start > (own?.end ?? hit.after));
    const to = nextCell ? nextCell.start - 1 : Infinity;
    spans.push({ line: hit.line, from: hit.start, to });
    let named = segmentAfter(lines[hit.line], hit.after) !== '';
    for (let n = hit.line + 1; n <= hit.line + 4 && n < lines.length; n++) {
      const cell = cells(lines[n]).find((c) => c.end >= from - 2 && c.start <= to);
      if (!cell) break;
      if (hitsIn(cell.text).some((h) => h.field !== 'buyer')) break;
      if (named && looksLikeCompany(cell.text) && !/\d/.test(cell.text)) break;
      named = true;
      spans.push({ line: n, from: from - 2, to });
    }
  }
  return (line, start) => spans.some((s) => s.line === line && start >= s.from && start <= s.to);
}

type Span = { line: number; from: number; to: number };

/** The lines of a block in one column from a line on: a cell starting where the block starts, up to a label. */
function blockFrom(lines: readonly string[], line: number, start: number, to: number, depth: number): Span[] {
  const spans: Span[] = [];
  for (let n = line; n < lines.length && n <= line + depth; n++) {
    const cell = cells(lines[n]).find((c) => Math.abs(c.start - start) <= 2);
    if (!cell || (n > line && hitsIn(cell.text).some((h) => h.start === 0))) break;
    spans.push({ line: n, from: start - 2, to });
  }
  return spans;
}

/** The right edge of a block's column: where the next cell to its right begins on its line. */
const columnEnd = (line: string, start: number) => (cells(line).find((c) => c.start > start)?.start ?? Infinity) - 1;

/** A person addressed ("Herrn", "M.", "z. Hd."): their block, with the company line just above, is the recipient's. */
function addressed(lines: readonly string[]): Span[] {
  const spans: Span[] = [];
  lines.slice(0, 30).forEach((line, n) => {
    for (const cell of cells(line)) {
      if (!salutes(cell.text)) continue;
      const to = columnEnd(line, cell.start);
      const above = n > 0 ? cells(lines[n - 1]).find((c) => Math.abs(c.start - cell.start) <= 2) : undefined;
      if (above && looksLikeCompany(above.text) && !hitsIn(above.text).length) spans.push({ line: n - 1, from: cell.start - 2, to });
      spans.push(...blockFrom(lines, n, cell.start, to, 4));
    }
  });
  return spans;
}

export interface Sender extends Found<string> {
  line: number;
  start: number;
}

/** A postcode with its town, in the forms of the lexicon's countries ("80333 München", "00-950 Warszawa", "SW1A 1AA"). */
const POSTCODE = /(?:^|\s)(?:[A-Z]{1,2}[- ]?)?\d{4,5}\s+\p{L}|\b\d{2}-\d{3}\s+\p{L}|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/u;

/**
 * The sender line over an address window ("Muster GmbH · Hauptstr. 1 · 10115 Berlin", "weclapp.com | Somestreet
 * 42 | 08155 Some city"): a name, then its street and postcode, in one small line near the top.
 */
export function senderLine(lines: readonly string[]): Sender | null {
  for (const [n, line] of lines.slice(0, 15).entries()) {
    for (const cell of cells(line)) {
      const ps = cell.text.split(/\s+[|·•●▪]\s+|\s+[-–—]\s+/).map(clean).filter(Boolean);
      if (ps.length < 3 || !ps.slice(1).some((p) => POSTCODE.test(p))) continue;
      const name = ps[0];
      if (plausible(name) && !/\d/.test(name)) return { value: name, confidence: 0.75, source: cell.text.trim(), line: n, start: cell.start };
    }
  }
  return null;
}

/** The address window under a sender line holds the recipient. */
function windowUnder(lines: readonly string[], sender: Sender | null): Span[] {
  if (!sender || sender.line + 1 >= lines.length) return [];
  const first = cells(lines[sender.line + 1]).find((c) => Math.abs(c.start - sender.start) <= 3);
  return first ? blockFrom(lines, sender.line + 1, first.start, columnEnd(lines[sender.line + 1], first.start), 4) : [];
}
