/**
 * Values the opening message already holds. Precision first: a wrong value taken silently is far worse
 * than a question, so each reader takes only what it can justify, most explicit first: named values
 * ("name: Acme"), then typed shapes (items, emails, dates, codes, amounts, months), then request shapes
 * ("register Acme Ltd at 12 Main St"). What one reader took is blanked for the next, and every value
 * returned has passed parseFieldValue for its field.
 */
import type { Field } from '../../../recipe';
import { detectLang } from '../lang';
import { parseFieldValue } from '../values';
import { codeSpans } from './codes';
import { dateSpans } from './dates';
import { currencySpans, optionSpans } from './options';
import { findPairs } from './pairs';
import { shapeSpans } from './shapes';
import { blank, type Span } from './spans';
import { emailSpans, itemSpans, monthSpans, numberSpans } from './typed';

type Reader = (text: string, fields: Field[]) => Span[];

export function extractValues(text: string, fields: Field[], hints: { examples?: string[]; now?: Date } = {}): Record<string, unknown> {
  const now = hints.now ?? new Date();
  const lang = detectLang(text);
  const readers: Reader[] = [findPairs, itemSpans, emailSpans, dateSpans, codeSpans, currencySpans, numberSpans, monthSpans, optionSpans, (t, f) => shapeSpans(t, f, hints.examples)];
  const out: Record<string, unknown> = {};
  let rest = text;
  for (const read of readers) {
    const open = fields.filter((f) => !(f.name in out) && f.type !== 'file');
    if (!open.length) break;
    const taken: Span[] = [];
    for (const span of read(rest, open)) {
      const field = open.find((f) => f.name === span.field);
      if (!field || field.name in out) continue;
      const parsed = parseFieldValue(field, span.raw, lang, now);
      if (!parsed.ok) continue;
      out[field.name] = parsed.value;
      taken.push(span);
    }
    rest = blank(rest, taken);
  }
  return out;
}
