/**
 * Values with a shape of their own: an email for the one email field, "2 x MUG-CER-01" items for the one
 * list-of-items field, "3 units" for a quantity, "€20" for an amount, "2026-01" for a month.
 */
import type { Field } from '../../../recipe';
import { fieldHasConcept, isEmailField } from '../fields';
import type { Span } from './spans';

const EMAIL = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[A-Za-z]{2,}/g;

export function emailSpans(text: string, fields: Field[]): Span[] {
  const emailFields = fields.filter(isEmailField);
  const emails = [...text.matchAll(EMAIL)];
  if (emailFields.length !== 1 || emails.length !== 1) return [];
  const m = emails[0];
  return [{ field: emailFields[0].name, raw: m[0], start: m.index, end: m.index + m[0].length }];
}

const SKU = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+`;
const ITEM = new RegExp(
  [
    String.raw`(?<![\w-])(\d+)\s*(?:x|×|pcs?|units?|개|ea)?\s*(?:of\s+)?(${SKU})(?![\w-])`,
    String.raw`(?<![\w-])(${SKU})(?:을|를|은|는)?\s*(?:x|×|\*)\s*(\d+)(?![\w.])`,
    String.raw`(?<![\w-])(${SKU})(?:을|를|은|는)?\s+(\d+)\s*(?:개|pcs?|units?|x|ea)(?![\w])`
  ].join('|'),
  'g'
);

function itemsField(fields: Field[]): Field | undefined {
  const lists = fields.filter((f) => f.type === 'list' && f.items?.some((i) => i.type === 'number') && f.items.some((i) => i.type === 'text'));
  return lists.length === 1 ? lists[0] : undefined;
}

export function itemSpans(text: string, fields: Field[]): Span[] {
  const field = itemsField(fields);
  if (!field) return [];
  const found = [...text.matchAll(ITEM)];
  if (!found.length) return [];
  const parts = found.map((m) => (m[1] ? `${m[1]} x ${m[2]}` : m[3] ? `${m[4]} x ${m[3]}` : `${m[6]} x ${m[5]}`));
  const start = found[0].index;
  const last = found[found.length - 1];
  return [{ field: field.name, raw: parts.join(', '), start, end: last.index + last[0].length }];
}

const QUANTITY = /(?<![\w.,-])(\d+)\s*(?:units?|pcs|pieces|items|개|ea)(?![\p{L}])/gu;
const MONEY = /(?:[$€£₩¥]\s*\d[\d,.]*\d|[$€£₩¥]\s*\d|(?<![\w.,-])\d[\d,.]*\s*(?:eur|usd|gbp|krw|jpy|chf|cad|aud|euros?|dollars?|원|유로|달러)(?![a-z]))/giu;

/** The one number field a concept names ("quantity", "수량"; "amount", "price"), if exactly one does. */
function single(fields: Field[], concept: string): Field | undefined {
  const named = fields.filter((f) => f.type === 'number' && fieldHasConcept(f, concept));
  return named.length === 1 ? named[0] : undefined;
}

export function numberSpans(text: string, fields: Field[]): Span[] {
  const out: Span[] = [];
  const qty = [...text.matchAll(QUANTITY)];
  const qField = single(fields, 'quantity');
  if (qField && qty.length === 1) out.push({ field: qField.name, raw: qty[0][0], start: qty[0].index, end: qty[0].index + qty[0][0].length });
  const money = [...text.matchAll(MONEY)];
  const aField = single(fields, 'amount');
  if (aField && money.length === 1) out.push({ field: aField.name, raw: money[0][0], start: money[0].index, end: money[0].index + money[0][0].length });
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_TEXT = /(?<![\d-])(\d{4})-(\d{2})(?![\d-])|(\d{4})\s*년\s*(\d{1,2})\s*월(?!\s*\d)|(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})(?!\d)/gi;

/** "2026-01", "2026년 1월", "January 2026" → "2026-01" for the one month field (a text field named so). */
export function monthSpans(text: string, fields: Field[]): Span[] {
  const monthFields = fields.filter((f) => f.type === 'text' && (fieldHasConcept(f, 'month') || /month|period/i.test(f.name)));
  const found = [...text.matchAll(MONTH_TEXT)];
  if (monthFields.length !== 1 || found.length !== 1) return [];
  const m = found[0];
  const [y, mo] = m[1] ? [m[1], Number(m[2])] : m[3] ? [m[3], Number(m[4])] : [m[6], MONTHS.indexOf(m[5].toLowerCase().slice(0, 3)) + 1];
  if (mo < 1 || mo > 12) return [];
  return [{ field: monthFields[0].name, raw: `${y}-${String(mo).padStart(2, '0')}`, start: m.index, end: m.index + m[0].length }];
}
