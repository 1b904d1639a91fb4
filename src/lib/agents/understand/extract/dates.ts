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

const TO = String.raw`\s*(?:-|–|~|to|until|till|through|thru)\s*`;
const ORD = '(?:st|nd|rd|th)?';
/** Ranges that name the month once: "March 2-4", "2 to 4 March", "3월 2일부터 4일까지", "3월 2~4일". */
const COMPACT: Array<[RegExp, (m: RegExpExecArray) => [string, string]]> = [
  [new RegExp(`(?<![a-z])(${MONTH})\\.?\\s+(\\d{1,2})${ORD}${TO}(\\d{1,2})${ORD}(?:,?\\s+(\\d{4}))?(?![\\d/.-])`, 'i'),
    (m) => [`${m[1]} ${m[2]}${m[4] ? ` ${m[4]}` : ''}`, `${m[1]} ${m[3]}${m[4] ? ` ${m[4]}` : ''}`]],
  [new RegExp(`(?<![\\d/.-])(\\d{1,2})${ORD}${TO}(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MONTH})(?![a-z])\\.?(?:,?\\s+(\\d{4}))?`, 'i'),
    (m) => [`${m[1]} ${m[3]}${m[4] ? ` ${m[4]}` : ''}`, `${m[2]} ${m[3]}${m[4] ? ` ${m[4]}` : ''}`]],
  [/(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일?\s*(?:부터|~|-|에서)\s*(\d{1,2})\s*일/,
    (m) => [`${m[1] ? `${m[1]}년 ` : ''}${m[2]}월 ${m[3]}일`, `${m[1] ? `${m[1]}년 ` : ''}${m[2]}월 ${m[4]}일`]]
];

function startEnd(dateFields: Field[]): [Field, Field] | undefined {
  const start = dateFields.find((f) => role(f, 'start') && !role(f, 'end'));
  const end = dateFields.find((f) => role(f, 'end') && !role(f, 'start'));
  if (start && end) return [start, end];
  return dateFields.length === 2 ? [dateFields[0], dateFields[1]] : undefined;
}

function compactRange(text: string, dateFields: Field[]): Span[] | undefined {
  const pair = startEnd(dateFields);
  if (!pair) return undefined;
  for (const [re, parts] of COMPACT) {
    const m = re.exec(text);
    if (!m) continue;
    const [a, b] = parts(m);
    const end = m.index + m[0].length;
    return [
      { field: pair[0].name, raw: a, start: m.index, end },
      { field: pair[1].name, raw: b, start: m.index, end }
    ];
  }
  return undefined;
}

export function dateSpans(text: string, fields: Field[]): Span[] {
  const dateFields = fields.filter((f) => f.type === 'date');
  if (!dateFields.length) return [];
  if (dateFields.length >= 2) {
    const compact = compactRange(text, dateFields);
    if (compact) return compact;
  }
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
    const pair = startEnd(dateFields);
    if (!pair) return [];
    const [a, b] = pair;
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
