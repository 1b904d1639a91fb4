/**
 * Dates in a message: one date for the one date field, or a range ("from 2026-03-02 to 2026-03-04",
 * "3월 2일부터 3월 4일까지") for a start and an end field. Anything less clear is left to be asked.
 */
import type { Field } from '../../../recipe';
import { fieldHasConcept } from '../fields';
import type { Span } from './spans';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = new RegExp(
  [
    String.raw`(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)`,
    String.raw`(?:\d{4}\s*년\s*)?\d{1,2}\s*월\s*\d{1,2}\s*일`,
    String.raw`(?<![a-z])${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\d])`,
    String.raw`(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+${MONTH}(?![a-z])\.?(?:,?\s+\d{4})?`,
    String.raw`(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.]\d{4}(?!\d)`,
    String.raw`(?<![a-z])(?:the day after tomorrow|today|tomorrow|yesterday)(?![a-z])`,
    String.raw`내일\s*모레|모레|오늘|내일|어제`
  ].join('|'),
  'gi'
);

export interface FoundDate {
  text: string;
  start: number;
  end: number;
}

export function findDates(text: string): FoundDate[] {
  return [...text.matchAll(DATE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const RANGE_BETWEEN = /^\s*(?:to|until|till|through|thru|-|–|—|~|부터|에서|부터\s*~?)\s*$/i;
const FROM_BEFORE = /(?:from|between|starting|start|beginning|since)\s*$/i;
const UNTIL_BEFORE = /(?:until|till|to|through|ending|end|back on|returning)\s*$/i;

function role(field: Field, which: 'start' | 'end'): boolean {
  const name = field.name.toLowerCase();
  if (which === 'start') return fieldHasConcept(field, 'start') || /(^|_)(from|begin|start)/.test(name);
  return fieldHasConcept(field, 'end') || /(^|_)(to|until|end|return)/.test(name);
}

export function dateSpans(text: string, fields: Field[]): Span[] {
  const dateFields = fields.filter((f) => f.type === 'date');
  if (!dateFields.length) return [];
  const dates = findDates(text);
  if (!dates.length) return [];
  if (dateFields.length === 1) {
    return dates.length === 1 ? [{ field: dateFields[0].name, raw: dates[0].text, start: dates[0].start, end: dates[0].end }] : [];
  }
  const start = dateFields.find((f) => role(f, 'start') && !role(f, 'end'));
  const end = dateFields.find((f) => role(f, 'end') && !role(f, 'start'));
  if (dates.length === 2) {
    const between = text.slice(dates[0].end, dates[1].start);
    const betweenAnd = /^\s*and\s*$/i.test(between) && /between\s*$/i.test(text.slice(0, dates[0].start));
    const ranged = RANGE_BETWEEN.test(between) || betweenAnd || (/부터/.test(between) && /^\s*까지/.test(text.slice(dates[1].end)));
    if (!ranged) return [];
    const [a, b] = start && end ? [start, end] : dateFields.length === 2 ? dateFields : [];
    if (!a || !b) return [];
    return [
      { field: a.name, raw: dates[0].text, start: dates[0].start, end: dates[0].end },
      { field: b.name, raw: dates[1].text, start: dates[1].start, end: dates[1].end }
    ];
  }
  if (dates.length === 1) {
    const before = text.slice(0, dates[0].start);
    const after = text.slice(dates[0].end);
    const d = dates[0];
    if (start && (FROM_BEFORE.test(before) || /^\s*부터/.test(after))) return [{ field: start.name, raw: d.text, start: d.start, end: d.end }];
    if (end && (UNTIL_BEFORE.test(before) || /^\s*까지/.test(after))) return [{ field: end.name, raw: d.text, start: d.start, end: d.end }];
  }
  return [];
}
