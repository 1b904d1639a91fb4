/**
 * Who sent the invoice (the issuer, never the bill-to): the name after a seller label (From, Seller,
 * Verkäufer, Vendeur, Leverancier, Sprzedawca, 공급자…), else the owner of the first VAT id outside the
 * buyer's block, else the letterhead (the top lines, a company name first).
 */
import { findVatIds } from '../parse/vat-id';
import type { Found } from './found';
import { compilePhrases, fold } from '../lexicon/compile';
import { NAME_KEYS } from '../lexicon/words';
import { cells, findLabels, hitsIn, isTitle, looksLikeCompany, segmentAfter, tableColumns, type LabelHit } from './labels';

const NAME_KEY = new RegExp(`^\\s*(?:${compilePhrases(NAME_KEYS).source})\\s*[:：]`, 'iu');
/** "Key:" or "Key:   value" — a line of a key-value list; its key is a label, not a name. */
const KEYED = /^\s*[\p{L}][\p{L}\s.\-/()]{0,40}[:：]/u;

/** In a seller's block, the value of its "Name:" line. */
function namedIn(line: string): string | null {
  const m = NAME_KEY.exec(fold(line));
  // Up to the next column: the buyer's block may stand beside it on the same line.
  return m ? clean(line.slice(m[0].length).trim().split(/\s{2,}/)[0]) || null : null;
}

function clean(name: string): string {
  return name
    .replace(/^[:：\s|[\]]+/, '')
    .replace(/[\s|[\]]+$/, '')
    .replace(/\s*(?:귀하|님)$/, '')
    .replace(/[,;:|]+$/, '')
    .trim();
}

/** A name, not a label, a title, a table header, an amount, an id or an address line. */
function plausible(name: string): boolean {
  if (!/\p{L}{2}/u.test(name) || name.length > 80 || isTitle(name) || tableColumns(name).length > 0) return false;
  if (/[:：]$/.test(name.trim())) return false;
  if (/\d{3,}|@|https?:|www\.|\+\d/.test(name)) return false;
  // Any label of the lexicon at its start (or filling it) makes it a label, not a name.
  return !hitsIn(name).some((h) => h.start <= 1 && h.field !== 'seller');
}

/**
 * The parts of a one-line block: "Muster GmbH · Hauptstr. 1 · 10115 Berlin" (the sender line over a German
 * address window) or "Muster GmbH | USt-IdNr. DE…" is a name and its details.
 */
const parts = (text: string) => text.split(/\s+[·•|–—]\s+|\s-\s|,\s+/).map(clean).filter(Boolean);

/** The company name in a cell: the cell itself, or the part of it that names a company. */
function companyIn(text: string): string | null {
  const name = clean(text);
  if (plausible(name) && looksLikeCompany(name)) return name;
  return parts(text).find((p) => plausible(p) && looksLikeCompany(p)) ?? null;
}

/** In a sentence ("Invoice 12 from Acme Tools Ltd. for March"), the name is the run of capitalised words. */
function nameInSentence(text: string): string {
  const words = text.split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && !/^(?:[\p{Lu}\d&(]|and$|of$|the$|und$|et$|en$|i$|y$|e$)/u.test(w));
  return end < 0 ? text : words.slice(0, end).join(' ');
}

/**
 * Lines (and the columns in them) that belong to the buyer: a buyer label's cell, the name after or below
 * it and the address lines under that name. A second company name, or another label, ends the block.
 */
function buyerBlock(lines: readonly string[]): (line: number, start: number) => boolean {
  const spans: Array<{ line: number; from: number; to: number }> = [];
  for (const hit of findLabels(lines, 'buyer')) {
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

export function vendor(lines: readonly string[]): Found<string> | null {
  const inBuyer = buyerBlock(lines);
  const labelled = sellerLabel(lines, inBuyer);
  const owner = vatOwner(lines, inBuyer);
  const head = letterhead(lines, inBuyer);
  if (labelled) return owner && same(owner.value, labelled.value) ? { ...labelled, confidence: 0.92 } : labelled;
  if (owner && head && same(owner.value, head.value)) return { ...head, confidence: 0.9 };
  if (head && head.confidence >= 0.7) return head;
  return owner ?? head;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A seller label's name: after it on its line, or on the next lines in its column. */
function sellerLabel(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  for (const hit of findLabels(lines, 'seller')) {
    if (justAfterBuyerLabel(lines, hit)) continue;
    const text = lines[hit.line];
    // A seller label heads its cell ("Verkäufer:", "From"); "Der Verkäufer bleibt Eigentümer…" is a sentence.
    const own0 = cells(text).find((c) => hit.start >= c.start && hit.start < c.end);
    if (!/^from$/i.test(hit.label) && /\p{Script=Latin}{2}/u.test(text.slice(own0?.start ?? 0, hit.start))) continue;
    let name = clean(segmentAfter(text, hit.after));
    if (/^from$/i.test(hit.label)) name = nameInSentence(name);
    let source = text.trim();
    const own = cells(text).find((c) => hit.start >= c.start && hit.start < c.end);
    for (let below = 1; !plausible(name) && below <= 4 && hit.line + below < lines.length; below++) {
      const next = lines[hit.line + below];
      // A key-value block ("Nummer: 549910", "Name: Lieferant GmbH"): its Name line, other keys skipped.
      const keyed = namedIn(next);
      if (keyed) {
        name = keyed;
        source = `${text.trim()} / ${next.trim()}`;
        continue;
      }
      if (KEYED.test(next)) continue;
      if (below > 2) break;
      const inColumn = cells(next).find((c) => own && c.end > own.start - 1 && c.start <= own.end + 1) ?? cells(next)[0];
      if (!inColumn || inBuyer(hit.line + below, inColumn.start)) continue;
      // "Seller: X" nested below a block's heading; a name that starts with a seller word ("Lieferant GmbH") is a name.
      const nested = findLabels([inColumn.text], 'seller').find((h) => /^\s*[:：]/.test(inColumn.text.slice(h.after)) || !/\p{Script=Latin}/u.test(h.label));
      name = clean(nested ? segmentAfter(inColumn.text, nested.after) : inColumn.text);
      source = `${text.trim()} / ${next.trim()}`;
    }
    if (plausible(name)) return { value: name, confidence: 0.85, source };
  }
  return null;
}

/** "공급받는자 상호: X" — a seller word right after a buyer label is the buyer's. */
function justAfterBuyerLabel(lines: readonly string[], hit: LabelHit): boolean {
  return hitsIn(lines[hit.line]).some((h) => h.field === 'buyer' && h.end <= hit.start && lines[hit.line].slice(h.end, hit.start).trim() === '');
}

/** The name above the first VAT id that is not the buyer's: the company that owns it is the issuer. */
function vatOwner(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  for (const [n, line] of lines.entries()) {
    for (const vat of findVatIds(line)) {
      if (inBuyer(n, vat.index)) continue;
      for (let up = n; up >= Math.max(0, n - 6); up--) {
        const cell = cells(lines[up]).filter((c) => c.start <= vat.index + 2).pop() ?? cells(lines[up])[0];
        if (!cell || inBuyer(up, cell.start)) continue;
        const name = companyIn(up === n ? cell.text.slice(0, Math.max(0, vat.index - cell.start)) : cell.text);
        if (name) return { value: name, confidence: 0.8, source: up === n ? line.trim() : `${lines[up].trim()} / ${line.trim()}` };
      }
      return null;
    }
  }
  return null;
}

function letterhead(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  // The letterhead: the first lines, preferring one that ends like a company name.
  const firsts = lines.slice(0, 10).flatMap((line, n) => {
    const first = cells(line)[0];
    return first && !inBuyer(n, first.start) ? [first.text] : [];
  });
  const head = firsts.map(clean);
  const company = firsts.slice(0, 8).map(companyIn).find((name) => name !== null);
  if (company) return { value: company, confidence: 0.7, source: company };
  const first = head.slice(0, 8).find((line) => plausible(line) && !/\d/.test(line));
  return first ? { value: first, confidence: 0.45, source: first } : null;
}
