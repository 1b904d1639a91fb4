/**
 * Basic mode: extraction without a model, by layout and label rules (English and Korean). Each value comes
 * with a confidence and the line it was read from; a field not found is `null` with confidence 0.
 * The rules live in ./rules (amounts, dates, currency, labels, line items, vendor, custom fields).
 */
import { needsCheck, type ExtractResult, type ExtractedValue, type FieldSpec } from './fields';
import { round2, sameMoney } from './rules/amounts';
import { detectCurrency } from './rules/currency';
import { customField } from './rules/custom';
import { dayOrderOf } from './rules/dates';
import { toLines, type Found } from './rules/found';
import { lineItems } from './rules/line-items';
import { invoiceSums } from './rules/sums';
import { invoiceDate, invoiceNumber, labelledDate } from './rules/values';
import { vendor } from './rules/vendor';

export interface BasicOptions {
  reader?: ExtractResult['reader'];
  /** OCR's own confidence (0–1): values read from a shaky scan are less sure. */
  ocrConfidence?: number;
}

/** Every invoice-preset value the rules can find in the text. */
export function invoiceValues(text: string): Record<string, Found | null> {
  const lines = toLines(text);
  const currency = detectCurrency(lines);
  const order = dayOrderOf(lines, currency?.code);
  const due = labelledDate(lines, 'due_date', order);
  const items = lineItems(lines);
  const { subtotal, tax, total } = invoiceSums(lines, items);
  if (items && subtotal && sameMoney(sum(items.value), subtotal.value)) items.confidence = 0.95;
  return {
    vendor: vendor(lines),
    invoice_number: invoiceNumber(lines),
    invoice_date: invoiceDate(lines, order, due),
    due_date: due,
    currency: currency ? { value: currency.code, confidence: currency.confidence, source: currency.source } : null,
    subtotal,
    tax,
    total,
    line_items: items
  };
}

const sum = (items: Array<{ amount: number }>) => round2(items.reduce((s, i) => s + i.amount, 0));

/** Values less sure than this are not given at all (a shaky OCR read of a first-line guess, for one). */
export const GUESS_FLOOR = 0.3;

export function extractBasic(text: string, fields: readonly FieldSpec[], options: BasicOptions = {}): ExtractResult {
  const preset = invoiceValues(text);
  const lines = toLines(text);
  const order = dayOrderOf(lines, preset.currency?.value as string | undefined);
  const scale = options.ocrConfidence === undefined ? 1 : 0.6 + 0.4 * options.ocrConfidence;
  const out: Record<string, ExtractedValue> = {};
  for (const field of fields) {
    const found = Object.hasOwn(preset, field.name) ? preset[field.name] : customField(lines, field, order);
    const confidence = found ? round2(found.confidence * scale) : 0;
    // Below the floor a value is a guess, and a guess is not given: the field is reported as not found.
    const value: ExtractedValue =
      found && confidence >= GUESS_FLOOR ? { value: found.value, confidence, source: found.source } : { value: null, confidence: 0, source: null };
    out[field.name] = needsCheck(value) ? { ...value, check: true } : value;
  }
  return { mode: 'basic', reader: options.reader ?? 'text', fields: out };
}
