/** The labelled values of an invoice: its number, dates and sums, each read after its label or below it. */
import { findAmounts, round2, type AmountMatch } from './amounts';
import { findDates, type DayOrder } from './dates';
import type { Found } from './found';
import { lineItems } from './line-items';
import { valueOnly } from './found';
import { cellBelow, cells, cellUnder, findLabels, hitsIn, isTableHeader, segmentAfter, TITLE_WORD, type LabelField, type LabelHit } from './labels';
import { fold } from '../lexicon/compile';
import { sumTableHeader } from './sum-table';

/** An invoice number: letters, digits and separators, with at least one digit. */
const ID = /^#?\s*([A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_]*|\d[A-Z0-9\-/_.]*)/i;
const DATE_LIKE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/;

/** The id at the start of a text, unless it is a date, a percentage or a word such as "Date". */
function idAt(text: string | undefined, marked = false): string | null {
  if (!text) return null;
  const id = ID.exec(text)?.[1]?.replace(/[.,]$/, '');
  // After "Nr." a date-like id is a number: Polish and Czech invoices count "12/03/2026" (12th of March 2026).
  if (!id || (DATE_LIKE.test(id) && !(marked && /\//.test(id))) || /^\d{1,2}$/.test(id)) return null;
  // "No. 3 of 5" or an amount is not an invoice number.
  if (/^\d{1,3}(?:[.,]\d{3})*[.,]\d{2}$/.test(id)) return null;
  return id;
}

interface Near {
  text: string;
  below: boolean;
  source: string;
}

/**
 * Where a label's value may be, nearest first: after it on its line (up to the next wide gap), the grid's
 * cell below, the text just below it in its column, a value alone on the next line. Each caller takes the
 * first that reads as its type.
 */
function valuesNear(lines: readonly string[], hit: LabelHit): Near[] {
  const line = lines[hit.line];
  const out: Near[] = [];
  const after = segmentAfter(line, hit.after);
  // "Invoice Number      Invoice Date": a label's neighbour is the next label, and the values are below.
  if (after !== '' && !hitsIn(after).some((h) => h.start === 0)) out.push({ text: after, below: false, source: line.trim() });
  const grid = cellBelow(lines, hit);
  if (grid !== null) out.push({ text: grid, below: true, source: `${line.trim()} / ${lines[hit.line + 1].trim()}` });
  const under = cellUnder(lines, hit);
  if (under) out.push({ text: under.text, below: true, source: `${line.trim()} / ${lines[under.line].trim()}` });
  const next = lines[hit.line + 1];
  if (after === '' && valueOnly(next)) out.push({ text: next.trim(), below: true, source: `${line.trim()} / ${next.trim()}` });
  return out;
}

/** A label that says "number" ("Faktura nr", "Invoice No.", "N° de facture"), not only "invoice". */
const NUMBER_WORD = /(?:^|[^\p{L}])(?:n[o°º]|nr|num|number|nummer|numer|numero)(?![\p{L}])|#/iu;

/** A number's own marker: "Nr.", "No.", "N°", "#", "Nummer", "number", "numéro", "numer". */
const NUMBER_MARK = /^\s*(?:(?:n[o°º]|nr)(?!\p{L})\.?|#|nummer|number|num[eé]ro|n[uú]mero|numer)\s*[:#]?\s*/iu;
/** Up to three words (not a number's marker) and type codes in brackets between a title and "Nr.". */
const WORDS_BEFORE_MARK = /^(?:\s+(?!(?:n[o°º]?|nr|nummer|number|num[eé]ro|numer)(?!\p{L}))\p{L}[\p{L}.'’-]*){0,3}(?:\s*\([^)]{0,40}\))*\s*/iu;
const REF_MARK = /^\s*(?:ref(?:erence)?|referenz|referentie|referencia|riferimento)\.?\s*[:#]\s*/iu;
const OWNERS = new Set(['buyer', 'seller', 'other_number', 'vat_id', 'iban']);
const SUMS = new Set(['subtotal', 'tax', 'total']);

/** A German compound title ("Mietrechnung", "Stromrechnung") or one of the lexicon's titles. */
const COMPOUND_TITLE = /\p{L}{3,}rechnung\b/giu;

/** A labelled number; one whose label stands inside a sentence ("bitte Belegnummer 2018… angeben") is less sure. */
function labelledNumber(lines: readonly string[]): Found<string> | null {
  for (const hit of findLabels(lines, 'invoice_number')) {
    const own = cells(lines[hit.line]).find((c) => hit.start >= c.start && hit.start < c.end);
    const before = lines[hit.line].slice(own?.start ?? 0, hit.start).trim();
    const inSentence = before.split(/\s+/).length >= 2 && /(?:^|\s)\p{Ll}{2,}(?=\s|$)/u.test(before);
    for (const near of valuesNear(lines, hit)) {
      const id = idAt(near.text, NUMBER_WORD.test(fold(hit.label)));
      if (id) return { value: id, confidence: inSentence ? 0.6 : near.below ? 0.75 : 0.9, source: near.source };
    }
  }
  return null;
}

/**
 * A title followed by its number: "INVOICE INV-4471", "Faktura VAT FV/3/2026", "Handelsrechnung (380) Nr. 471102",
 * "Rechnung des Versicherers (575) Nr. 01.234.567.8-2018-1" (a few words and a type code may stand between when
 * a number's marker follows), or the title alone over its number.
 */
function titledNumber(lines: readonly string[]): Found<string> | null {
  for (const [n, line] of lines.entries()) {
    const folded = fold(line);
    const titles = [...folded.matchAll(new RegExp(TITLE_WORD.source, 'giu')), ...folded.matchAll(COMPOUND_TITLE)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    for (const m of titles) {
      const after = line.slice((m.index ?? 0) + m[0].length);
      const words = WORDS_BEFORE_MARK.exec(after)?.[0] ?? '';
      // "Rechnung an Kunde Nr. 4455": words naming a party or another number make the number theirs.
      const marked = hitsIn(words).some((h) => OWNERS.has(h.field)) ? null : NUMBER_MARK.exec(after.slice(words.length));
      // "Handelsrechnung (380) Nr. 471102": a type code or a note in brackets may stand before the number.
      const rest = marked
        ? after.slice(words.length + marked[0].length)
        : after.replace(/^(?:\s*\([^)]{0,40}\))*/, '').replace(/^\s*(?:[:#]|n[o°º]\.?|nr\.?|no\.?)?\s*[:#]?\s*/i, '');
      // "Total factura 371,00": a title word inside a sum's label is followed by money, not a number.
      if (hitsIn(rest).some((h) => h.start === 0) || hitsIn(line.slice(0, m.index ?? 0)).some((h) => SUMS.has(h.field)) || /^\d[\d.,\s]*[.,]\d{2}(?!\d)/.test(rest)) continue;
      const id = idAt(rest);
      if (id) return { value: id, confidence: 0.7, source: line.trim() };
      const below = numberUnderTitle(lines, n, m.index ?? 0, m[0].length, rest);
      if (below) return below;
    }
  }
  return null;
}

/** "FACTURE" alone on its line: the number alone under it, or after a "… N°" cell under it ("AFFACTUREE N°  UC1_…"). */
function numberUnderTitle(lines: readonly string[], n: number, at: number, length: number, rest: string): Found<string> | null {
  const line = lines[n];
  const next = lines[n + 1];
  if (rest.trim() !== '' || next === undefined) return null;
  const alone = line.trim().length === length;
  const below = alone && valueOnly(next) ? idAt(next.trim()) : null;
  if (below && /[A-Z]/i.test(below) && /\d/.test(below)) return { value: below, confidence: 0.6, source: `${line.trim()} / ${next.trim()}` };
  const row = cells(next);
  const at0 = row.findIndex((c) => Math.abs(c.start - at) <= 2 && /(?:n[o°º]\.?|nr\.?|#)\s*:?$/i.test(c.text));
  // "N° : F-2026-0042" under the title: the marker and the number in one cell.
  // "Facture / Référence : FR1234": right under the title, the document's reference is its number.
  const mark = (text: string) => NUMBER_MARK.exec(text) ?? REF_MARK.exec(fold(text));
  const marked = row.find((c) => c.start <= at + length && c.end >= at && mark(c.text));
  const id = at0 >= 0 ? idAt(row[at0 + 1]?.text) : marked ? idAt(marked.text.slice(mark(marked.text)![0].length), true) : null;
  return id && /\d/.test(id) ? { value: id, confidence: 0.65, source: `${line.trim()} / ${next.trim()}` } : null;
}

export function invoiceNumber(lines: readonly string[]): Found<string> | null {
  const labelled = labelledNumber(lines);
  if (labelled && labelled.confidence >= 0.75) return labelled;
  return titledNumber(lines) ?? labelled;
}

const DATE_FIELDS = new Set(['invoice_date', 'due_date', 'other_date']);

/** "Datum: 30.10.2024 Zeit: 04:59:13": a date with a time beside it is when the page was printed. */
const stamped = (text: string, end: number) => /^[\s,]*(?:\p{L}+\.?:?\s*)?\d{1,2}:\d{2}/u.test(text.slice(end));

/** A label that says only "date" ("Date", "Datum", "Fecha", "Data"), not whose date it is. */
const BARE_DATE = /^\s*(?:date|datum|fecha|data|일자)\s*[:.]?\s*$/iu;

/**
 * The date after a label (on its line, or in its column just below): the surest of them, so "Invoice Date: …"
 * beats a bare "Date" that heads a column of line dates, and the first wins among equals.
 */
export function labelledDate(lines: readonly string[], label: LabelField, order: DayOrder): Found<string> | null {
  const found: Found<string>[] = [];
  for (const hit of findLabels(lines, label)) {
    const date = dateAfter(lines, hit, order);
    if (!date) continue;
    const bare = BARE_DATE.test(fold(hit.label));
    // "Date  Description  Amount": a column's head over the items' dates, not the invoice's.
    if (bare && isTableHeader(lines[hit.line])) continue;
    found.push(bare ? { ...date, confidence: round2(date.confidence - 0.05) } : date);
    if (!bare && date.confidence >= 0.9) break;
  }
  return found.sort((a, b) => b.confidence - a.confidence)[0] ?? null;
}

function dateAfter(lines: readonly string[], hit: LabelHit, order: DayOrder): Found<string> | null {
  const text = lines[hit.line];
  // Dates a few words after the label still belong to it ("Date of issue (tax point): 1 Mar", "Data wystawienia,
  // z zastrzeżeniem art. 106na ust. 1 ustawy: 31.10.2025"); only another date's label between takes it away.
  const date = findDates(text.slice(hit.after), order)[0];
  if (date && !hitsIn(text.slice(hit.after, hit.after + date.index)).some((h) => DATE_FIELDS.has(h.field))) {
    const printed = stamped(text, hit.after + date.index + date.raw.length);
    return { value: date.iso, confidence: printed ? 0.55 : 0.9, source: text.trim() };
  }
  for (const near of valuesNear(lines, hit)) {
    const found = near.below ? findDates(near.text, order)[0] : undefined;
    if (found && found.index < 3) return { value: found.iso, confidence: 0.8, source: near.source };
  }
  return null;
}

/** "München, den 01.11.2024", "Paris, le 3 mars 2026", "Madrid, a 3 de marzo de 2026": a letter's date line. */
const PLACE_DATE = /^\s*(?:\p{Lu}[\p{L}\s.-]{1,30},\s*(?:den|le|am|el|a|il|dnia|d\.)?|le|den)\s*$/iu;

export function invoiceDate(lines: readonly string[], order: DayOrder, due: Found<string> | null): Found<string> | null {
  const candidates: Found<string>[] = [];
  const labelled = labelledDate(lines, 'invoice_date', order);
  if (labelled && labelled.confidence >= 0.8) return labelled;
  if (labelled) candidates.push(labelled);
  for (const line of lines) {
    // The place and "den" may stand a column away from the date ("München, den      01.11.2024").
    const date = findDates(line, order).find((d) => PLACE_DATE.test(cells(line.slice(0, d.index)).pop()?.text ?? ''));
    if (date) candidates.push({ value: date.iso, confidence: 0.8, source: line.trim() });
  }
  // "Rechnung Nr. 471102 vom 05.03.2018", "Facture n° 12 du 1er mars 2026", "Invoice 7 dated …": the title's date.
  for (const line of lines) {
    if (!new RegExp(TITLE_WORD.source, 'iu').test(fold(line))) continue;
    const date = findDates(line, order).find((d) => /(?:\bvom|\bdu|\bdated|\bz dnia|\bdel|\bdd\.?)\s*$/i.test(line.slice(0, d.index)));
    if (date) candidates.push({ value: date.iso, confidence: 0.75, source: line.trim() });
  }
  const best = candidates.sort((a, b) => b.confidence - a.confidence)[0];
  if (best) return best;
  // No label: the first date in the document that is not the due date nor another date's (order, delivery).
  for (const line of lines) {
    if (hitsIn(line).some((h) => h.field === 'other_date' || h.field === 'due_date')) continue;
    const date = findDates(line, order).find((d) => d.iso !== due?.value);
    if (date) return { value: date.iso, confidence: 0.5, source: line.trim() };
  }
  return null;
}

type SumField = 'subtotal' | 'tax' | 'total';

/** "19 % auf", "20% of", "5,5 % sur", "21% over", "23% od": what follows is the base of the rate. */
const RATE_OF = /%\s*(?:auf|von|on|of|over|sur|de|op|van|su|sobre|od|from)\s*$/iu;

/** Whether a place in a line is inside brackets: "(incl. VAT)" qualifies what stands before it. */
function inBrackets(line: string, at: number): boolean {
  const before = line.slice(0, at);
  return before.lastIndexOf('(') > before.lastIndexOf(')') && before.slice(0, before.lastIndexOf('(')).trim() !== '';
}

/** A label's own amount: the first after it that carries a currency sign (else the first), not a quantity or rate. */
function amountAfter(amounts: AmountMatch[]) {
  return amounts.find((a) => a.currency) ?? amounts[0];
}

/** One sum found after its label, with every amount of its place (the cross-check may prefer another). */
export interface SumCandidate extends Found<number> {
  /** Every amount after the label on its line (a "Razem  1 000,00  230,00  1 230,00" row has three). */
  amounts: number[];
  line: number;
}

/** Every sum after a label of this field: the amount after it on its line, or alone just below it. */
export function sumCandidates(lines: readonly string[], field: SumField): SumCandidate[] {
  const found: SumCandidate[] = [];
  for (const hit of findLabels(lines, field)) {
    const text = lines[hit.line];
    // "Qty  Price  VAT  Total" heads a table: its words are columns, not sums (a tax table is read by ./sum-table).
    if (isTableHeader(text) || sumTableHeader(text)?.some((c) => hit.start >= c.start && hit.start < c.end)) continue;
    // "Nettobetrag (zzgl. 19,00% MwSt.)": a label in brackets qualifies the label before it.
    if (inBrackets(text, hit.start)) continue;
    // Up to the next label on the line: "Net 100.00  VAT 19.00  Total 119.00" is three sums.
    const nextLabel = hitsIn(text).find((h) => h.start >= hit.after && !inBrackets(text, h.start) && h.field !== 'tax_rate');
    const rest = text.slice(hit.after, nextLabel?.start ?? text.length);
    // "netto bis 04.04., 3% Skonto innerhalb 10 Tagen": a bare number before a word is a count, not a sum.
    const amounts = findAmounts(rest)
      .filter((a) => a.currency || /[.,]\d{2}$/.test(a.raw) || !/^\s+\p{L}{2}/u.test(rest.slice(a.end)))
      // "USt. 19,00% auf 804,35 €  152,83 €": the base a rate is taken of is not the sum.
      .filter((a) => !RATE_OF.test(rest.slice(0, a.index)))
      // "MwSt 19   190,00", "IVA 21 · 43,05": a bare whole number a rate could be, before money, is that rate.
      .filter((a, i, all) => !(a.value > 0 && a.value <= 30 && /^\d+$/.test(a.raw) && all.slice(i + 1).some((b) => /[.,]\d{2}$/.test(b.raw))));
    const amount = amountAfter(amounts);
    if (amount) {
      found.push({ value: amount.value, confidence: 0.9, source: text.trim(), amounts: amounts.map((a) => a.value), line: hit.line });
      continue;
    }
    if (segmentAfter(text, hit.after) !== '' && !nextLabel) continue;
    const next = lines[hit.line + 1];
    // A table header ("공급가액" over a column of line amounts) is not a sum's label.
    if (next !== undefined && lineItems([next])) continue;
    const near = valuesNear(lines, hit).find((n) => n.below && findAmounts(n.text).length === 1);
    if (near) {
      const value = findAmounts(near.text)[0].value;
      found.push({ value, confidence: 0.75, source: near.source, amounts: [value], line: hit.line });
    }
  }
  return found;
}
