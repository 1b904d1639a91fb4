/**
 * A text field whose description lists its choices ("the kind of leave: vacation, sick, parental or
 * unpaid") takes the one choice the message names: "I am sick tomorrow" → sick, "휴가 신청" → vacation,
 * "book a holiday" → vacation. Only a choice's own concept counts ("vacation", not the "leave" every
 * choice is a kind of), and only when exactly one choice is named. Also currency codes for a currency field.
 */
import type { Field } from '../../../recipe';
import { features } from '../features';
import { fieldHasConcept } from '../fields';
import { CONCEPTS, stem, wordConcepts } from '../synonyms';
import type { Span } from './spans';

/** The choices a description lists after ":" / "one of" / "either", at least two of them. */
export function descriptionOptions(field: Field): string[] {
  const d = (field.description ?? '').trim();
  // "the kind of leave: vacation, sick or unpaid", "one of a, b, c", or a description that is only the list.
  const m = /(?::|\bone of\b|\beither\b)\s*([^:.;()]+)$/i.exec(d) ?? /^((?:[\w-]+\s*,\s*)*[\w-]+\s*(?:,|\bor\b|\/|\|)\s*[\w-]+)\.?$/i.exec(d);
  if (!m) return [];
  const options = m[1].split(/\s*(?:,|\bor\b|\/|\|)\s*/).map((o) => o.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  return options.length >= 2 && options.every((o) => o.split(/\s+/).length <= 2) ? options : [];
}

/** What names a choice: its concept when the table has one named like it, else its stem. */
function optionKeys(option: string): string[] {
  const w = option.toLowerCase();
  if (CONCEPTS[w]) return [`c:${w}`];
  const s = stem(w);
  const concepts = wordConcepts(s);
  return concepts.length === 1 ? [`c:${concepts[0]}`] : [`s:${s}`];
}

export function optionSpans(text: string, fields: Field[]): Span[] {
  const out: Span[] = [];
  const said = features(text);
  for (const field of fields) {
    if (field.type !== 'text') continue;
    const options = descriptionOptions(field);
    if (!options.length) continue;
    const named = options.filter((o) => optionKeys(o).some((k) => said.has(k)));
    if (named.length === 1) out.push({ field: field.name, raw: named[0], start: 0, end: 0 }); // read from words anywhere: nothing to blank
  }
  return out;
}

const CODES = /(?<![A-Za-z])(EUR|USD|GBP|KRW|JPY|CHF|CAD|AUD|NOK|SEK|DKK|CNY|NZD|SGD|HKD|INR|BRL|MXN|PLN|CZK)(?![A-Za-z])|([€£₩])/g;
const SYMBOL: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₩': 'KRW' };

/** "€250", "250 EUR", "in KRW" → the one currency field, when the message names one currency. */
export function currencySpans(text: string, fields: Field[]): Span[] {
  const currency = fields.filter((f) => f.type === 'text' && (fieldHasConcept(f, 'currency') || /^currency$/i.test(f.name)));
  if (currency.length !== 1) return [];
  const matches = [...text.matchAll(CODES)];
  const found = new Set(matches.map((m) => m[1] ?? SYMBOL[m[2]]));
  if (found.size !== 1) return [];
  // Not blanked: "1230 EUR" is still the amount for the number reader.
  return [{ field: currency[0].name, raw: [...found][0], start: 0, end: 0 }];
}
