/**
 * Labels and the text around them. The words themselves are data in ../lexicon (eight languages); this
 * file finds them in lines and reads what sits after or below them.
 */
import { compilePhrases, fold, labelsInLine, type LexiconHit } from '../lexicon/compile';
import { COMPANY_WORDS, TABLE_WORDS, TITLE_WORDS, type LabelField } from '../lexicon/words';

export type { LabelField } from '../lexicon/words';

/** A recipient's block headed by a word alone on its line: "An", "Aan", "To", "À", "Para", "Do", "Dla". */
export const ADDRESSEE_LINES = ['an', 'aan', 'to', 'a', 'para', 'do', 'dla'];
const ADDRESSEE_LINE = new RegExp(`^\\s*(?:${ADDRESSEE_LINES.join('|')})\\s*$`, 'iu');
export const isAddresseeLine = (line: string) => ADDRESSEE_LINE.test(fold(line));

/** Words that head a document or a block, never a vendor's name (the whole line, a colon allowed). */
const TITLE_LINE = new RegExp(`^\\s*(?:${compilePhrases([...Object.values(TITLE_WORDS).flat(), 'bill to', 'ship to', 'to', 'customer', '공급받는자', ...ADDRESSEE_LINES]).source})\\s*[:：]?\\s*$`, 'iu');
export const isTitle = (line: string) => TITLE_LINE.test(fold(line));

/** A title word such as "Invoice", "Rechnung", "Facture" anywhere in a line (before an id with no label). */
export const TITLE_WORD = compilePhrases(Object.values(TITLE_WORDS).flat().filter((w) => !/^(?:page|seite|pagina|strona|copy|original|note|bon|ticket)$/.test(w)));

/** Company-name endings that make a line likely to be a vendor's name. */
// Not global: a global pattern's `test` would carry its lastIndex from one line to the next.
const COMPANY_RE = new RegExp(compilePhrases(COMPANY_WORDS).source, 'iu');
export const looksLikeCompany = (line: string) => COMPANY_RE.test(fold(line));

const TABLE_COLUMNS = Object.entries(TABLE_WORDS).map(([column, words]) => ({ column, re: new RegExp(compilePhrases(Object.values(words).flat()).source, 'iu') }));
const columnsOf = new Map<string, string[]>();

/** The line-item table's columns named in a line ("Qty", "Menge", "Prix unitaire", "수량"…); cached, as `hitsIn`. */
export function tableColumns(line: string): string[] {
  let columns = columnsOf.get(line);
  if (!columns) {
    if (columnsOf.size > 20_000) columnsOf.clear();
    const folded = fold(line);
    columnsOf.set(line, (columns = TABLE_COLUMNS.filter(({ re }) => re.test(folded)).map(({ column }) => column)));
  }
  return columns;
}

/** A table's header row: words of at least two of its columns and no amounts (so not a sum's label). */
export const isTableHeader = (line: string) => tableColumns(line).length >= 2 && !/\d[.,]\d{2}(?!\d)/.test(line);

export interface LabelHit {
  line: number;
  /** Where the label starts in the line. */
  start: number;
  /** Where the text after the label starts in the line. */
  after: number;
  label: string;
}

const lineHits = new Map<string, LexiconHit[]>();

/** The lexicon's labels in a line, settled (cached: every rule asks about the same lines). */
export function hitsIn(line: string): LexiconHit[] {
  let hits = lineHits.get(line);
  if (!hits) {
    if (lineHits.size > 20_000) lineHits.clear();
    lineHits.set(line, (hits = labelsInLine(line)));
  }
  return hits;
}

/** Whether a text holds a label of one of these fields. */
export const hasLabel = (text: string, ...fields: LabelField[]) => hitsIn(text).some((h) => fields.includes(h.field));

/** Every place a label occurs, in reading order: a lexicon field's labels, or a pattern's matches (custom fields). */
export function findLabels(lines: readonly string[], label: RegExp | LabelField): LabelHit[] {
  const hits: LabelHit[] = [];
  lines.forEach((text, line) => {
    if (typeof label === 'string') {
      for (const h of hitsIn(text)) if (h.field === label) hits.push({ line, start: h.start, after: h.end, label: h.text });
      return;
    }
    for (const m of text.matchAll(new RegExp(label.source, label.flags.includes('g') ? label.flags : `${label.flags}g`))) {
      hits.push({ line, start: m.index ?? 0, after: (m.index ?? 0) + m[0].length, label: m[0] });
    }
  });
  return hits;
}

/** The text after a label: without the colon, up to a wide gap (the next column) or the line's end. */
export function segmentAfter(text: string, after: number): string {
  const rest = text.slice(after).replace(/^[\s:：;#.)\]]*/, '');
  return rest.split(/\s{2,}|\t|\s[|·•]\s/)[0].trim();
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** A line's cells: text separated by wide gaps (two spaces or more), with where each starts and ends. */
export function cells(line: string): Cell[] {
  return [...line.matchAll(/\S+(?:\s\S+)*/g)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/**
 * A header grid — a row of labels, their values in the row below, cell for cell — gives the cell under the
 * label; null when the next line is not such a row (so the caller tries other layouts).
 */
export function cellBelow(lines: readonly string[], hit: LabelHit): string | null {
  const next = lines[hit.line + 1];
  if (next === undefined) return null;
  const above = cells(lines[hit.line]);
  const below = cells(next);
  if (above.length < 2 || above.length !== below.length) return null;
  const at = above.findIndex((c) => hit.start >= c.start && hit.start < c.end);
  return at >= 0 ? below[at].text : null;
}

/**
 * The value directly below a label in the same column: the cell of the next line (or the one after, when
 * the next has nothing in that column) that overlaps the label's cell. Used when the label's own cell holds
 * nothing after the label; null when nothing sits there or what sits there is another label.
 */
export function cellUnder(lines: readonly string[], hit: LabelHit, depth = 2): { text: string; line: number } | null {
  const own = cells(lines[hit.line]).find((c) => hit.start >= c.start && hit.start < c.end);
  if (!own) return null;
  for (let down = 1; down <= depth && hit.line + down < lines.length; down++) {
    const row = cells(lines[hit.line + down]);
    // A long cell of the column on the left may run a letter or two under the label: it is not under it.
    const overlap = (c: Cell) => Math.min(c.end, own.end) - Math.max(c.start, own.start);
    const under = row.filter((c) => c.start < own.end + 1 && c.end > own.start - 1 && (c.start >= own.start - 1 || overlap(c) >= 3));
    if (under.length === 0) continue;
    // Two cells under one label is a table row, not this label's value.
    if (under.length > 1) return null;
    const text = under[0].text;
    if (hitsIn(text).some((h) => h.start === 0 && h.end >= text.replace(/[:：\s]+$/, '').length)) return null;
    return { text, line: hit.line + down };
  }
  return null;
}
