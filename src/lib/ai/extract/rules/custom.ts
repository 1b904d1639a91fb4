/**
 * A field a person defined (not in the invoice preset): its name and description become label words
 * ("po_number" → "po number", "po no", "po #"), and the value after the label is read by the field's type.
 */
import type { FieldSpec } from '../fields';
import { findAmounts } from './amounts';
import { findDates, type DayOrder } from './dates';
import type { Found } from './found';
import { findLabels, segmentAfter } from './labels';
import { findIbans } from '../parse/iban';
import { findVatIds } from '../parse/vat-id';

/** Fields whose values have a format of their own, found by it wherever they stand (a label is not needed). */
function byFormat(lines: readonly string[], field: FieldSpec): Found | null {
  const find = /iban/.test(field.name) ? (l: string) => findIbans(l)[0] : /vat|tax_?id|ust_?id|nip|btw/.test(field.name) ? (l: string) => findVatIds(l)[0]?.id : null;
  if (!find) return null;
  for (const line of lines) {
    const value = find(line);
    if (value) return { value, confidence: 0.85, source: line.trim() };
  }
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Label variants for a field: its name's words, with number/date/amount spelled the usual ways. */
export function labelFor(field: FieldSpec): RegExp {
  const phrases = [field.name.split('_').join(' ')];
  if (field.description && field.description.length <= 40) phrases.push(field.description.replace(/\(.*?\)/g, '').trim());
  // Longest first, so "project code" wins over "project" where both fit.
  const words = phrases
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      p
        .split(/\s+/)
        .map((word) =>
          /^(number|no|num)$/i.test(word) ? '(?:number|no\\.?|num\\.?|#)' : /^id$/i.test(word) ? '(?:id|no\\.?|#)' : escape(word)
        )
        .join('[\\s_-]*')
    );
  return new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'giu');
}

export function customField(lines: readonly string[], field: FieldSpec, order: DayOrder): Found | null {
  if (field.type === 'list') return null;
  if (field.type === 'text') {
    const formatted = byFormat(lines, field);
    if (formatted) return formatted;
  }
  for (const hit of findLabels(lines, labelFor(field))) {
    const text = lines[hit.line];
    const after = text.slice(hit.after);
    const next = lines[hit.line + 1] ?? '';
    const same = segmentAfter(text, hit.after);
    const source = text.trim();
    if (field.type === 'date') {
      const date = findDates(after, order)[0] ?? (same === '' ? findDates(next, order)[0] : undefined);
      if (date) return { value: date.iso, confidence: 0.7, source };
    } else if (field.type === 'number' || field.type === 'money') {
      const amounts = findAmounts(after);
      const amount = amounts.length ? amounts[amounts.length - 1] : same === '' ? findAmounts(next)[0] : undefined;
      if (amount) return { value: amount.value, confidence: 0.7, source };
    } else {
      const value = same || (next.trim().split(/\s{2,}/)[0] ?? '');
      if (value) return { value, confidence: same ? 0.65 : 0.5, source };
    }
  }
  return null;
}
