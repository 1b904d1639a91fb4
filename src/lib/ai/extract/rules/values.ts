/** The labelled values of an invoice: its number, dates and sums, each read after its label. */
import { findAmounts } from './amounts';
import { findDates, type DayOrder } from './dates';
import type { Found } from './found';
import { lineItems } from './line-items';
import { valueOnly } from './found';
import { cellBelow, findLabels, LABELS, NOT_THIS, segmentAfter, type LabelHit } from './labels';

const ID = /^#?\s*([A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_]*|\d[A-Z0-9\-/_.]*)/i;

export function invoiceNumber(lines: readonly string[]): Found<string> | null {
  for (const hit of findLabels(lines, LABELS.invoice_number)) {
    const same = segmentAfter(lines[hit.line], hit.after);
    const onLine = ID.exec(same)?.[1];
    const below = onLine ? undefined : cellBelow(lines, hit) ?? (same === '' && valueOnly(lines[hit.line + 1]) ? lines[hit.line + 1].trim() : undefined);
    const id = onLine ?? (below !== undefined ? ID.exec(below)?.[1] : undefined);
    if (id && !/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(id)) {
      const next = onLine ? '' : ` / ${lines[hit.line + 1].trim()}`;
      return { value: id.replace(/[.,]$/, ''), confidence: onLine ? 0.9 : 0.75, source: lines[hit.line].trim() + next };
    }
  }
  return null;
}

/** The first date after a label (on its line, or alone on the next). */
export function labelledDate(lines: readonly string[], label: RegExp, order: DayOrder, skip?: RegExp): Found<string> | null {
  for (const hit of findLabels(lines, label)) {
    const text = lines[hit.line];
    if (skip && skip.test(text.slice(Math.max(0, hit.after - hit.label.length - 12), hit.after))) continue;
    const date = findDates(text.slice(hit.after), order)[0];
    if (date) return { value: date.iso, confidence: 0.9, source: text.trim() };
    const next = lines[hit.line + 1];
    const cell = cellBelow(lines, hit);
    if (cell !== null) {
      const inCell = findDates(cell, order)[0];
      if (inCell) return { value: inCell.iso, confidence: 0.8, source: `${text.trim()} / ${next.trim()}` };
      continue;
    }
    if (segmentAfter(text, hit.after) === '' && next !== undefined) {
      const below = findDates(next, order)[0];
      if (below && below.index < 3) return { value: below.iso, confidence: 0.75, source: `${text.trim()} / ${next.trim()}` };
    }
  }
  return null;
}

export function invoiceDate(lines: readonly string[], order: DayOrder, due: Found<string> | null): Found<string> | null {
  const labelled = labelledDate(lines, LABELS.invoice_date, order, /due|pay/i);
  if (labelled) return labelled;
  // No label: the first date in the document that is not the due date.
  for (const line of lines) {
    const date = findDates(line, order).find((d) => d.iso !== due?.value);
    if (date) return { value: date.iso, confidence: 0.5, source: line.trim() };
  }
  return null;
}

type SumField = 'subtotal' | 'tax' | 'total';

/** A label's own amount: the first after it that carries a currency sign (else the first), not a quantity or rate. */
function amountAfter(rest: string) {
  const amounts = findAmounts(rest);
  return amounts.find((a) => a.currency) ?? amounts[0];
}

const around = (text: string, hit: LabelHit) => text.slice(Math.max(0, hit.start - 15), hit.after + 6);

/** A sum after its label: the amount after the label on its line, or an amount alone on the next line. */
export function labelledSum(lines: readonly string[], field: SumField, pick: 'first' | 'last'): Found<number> | null {
  const found: Array<Found<number>> = [];
  for (const hit of findLabels(lines, LABELS[field])) {
    const text = lines[hit.line];
    if (NOT_THIS[field].test(around(text, hit))) continue;
    const amount = amountAfter(text.slice(hit.after));
    if (amount) {
      found.push({ value: amount.value, confidence: 0.9, source: text.trim() });
      continue;
    }
    const next = lines[hit.line + 1];
    // A table header ("공급가액" over a column of line amounts) is not a sum's label.
    const cell = next !== undefined && lineItems([next]) ? null : cellBelow(lines, hit);
    const below = cell !== null ? findAmounts(cell) : segmentAfter(text, hit.after) === '' && valueOnly(next) ? findAmounts(next) : [];
    if (below.length === 1) found.push({ value: below[0].value, confidence: 0.75, source: `${text.trim()} / ${next.trim()}` });
  }
  if (found.length === 0) return null;
  return pick === 'first' ? found[0] : found[found.length - 1];
}
