/**
 * Dates as invoices write them — 2026-03-01, 2026.03.01, 2026. 3. 1., 2026년 3월 1일, March 1, 2026,
 * 1 Mar 2026, 01/03/2026, 03/01/2026, 01.03.2026, 1. März 2026, 1er mars 2026, 1 de marzo de 2026,
 * 1 marca 2026, 01.03.26 — read as ISO dates (YYYY-MM-DD).
 */
import { fold } from '../lexicon/compile';

export type DayOrder = 'dmy' | 'mdy';

export interface DateMatch {
  iso: string;
  raw: string;
  index: number;
}

/**
 * Month names and their usual short forms in Sous's eight languages (accents folded away, as the line is
 * folded before matching), each with its month number.
 */
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'januari', 'enero', 'ene', 'gennaio', 'gen', 'styczen', 'stycznia', 'sty']],
  [2, ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'februari', 'febrero', 'febbraio', 'luty', 'lutego', 'lut']],
  [3, ['march', 'mar', 'marz', 'marz', 'mrz', 'mars', 'maart', 'mrt', 'marzo', 'marzec', 'marca']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecien', 'kwietnia', 'kwi']],
  [5, ['may', 'mai', 'mei', 'mayo', 'maggio', 'mag', 'maj', 'maja']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'czerwiec', 'czerwca', 'cze']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'lipiec', 'lipca', 'lip']],
  [8, ['august', 'aug', 'aout', 'augustus', 'agosto', 'ago', 'sierpien', 'sierpnia', 'sie']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'wrzesien', 'wrzesnia', 'wrz']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'pazdziernik', 'pazdziernika', 'paz']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'listopad', 'listopada', 'lis']],
  [12, ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre', 'grudzien', 'grudnia', 'gru']]
];
const MONTH_OF = new Map(MONTH_NAMES.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z])\\.?`;
/** "1st", "1er", "1.", "1º" before a month's name; "de" between the parts (es), "r." after the year (pl). */
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|eme|\\.|º|°)?';

const twoDigitYear = (y: number) => (y < 100 ? 2000 + y : y);

const PATTERNS: Array<{ re: RegExp; parts: (m: RegExpMatchArray, order: DayOrder) => [number, number, number] }> = [
  { re: /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/g, parts: (m) => [+m[1], +m[2], +m[3]] },
  { re: /(?<![\d.])(\d{4})\s?[-./]\s?(\d{1,2})\s?[-./]\s?(\d{1,2})(?!\d)\.?/g, parts: (m) => [+m[1], +m[2], +m[3]] },
  { re: new RegExp(`(?<![a-z])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), parts: (m) => [+m[3], month(m[1]), +m[2]] },
  { re: new RegExp(`(?<![\\d.])${DAY}\\s*(?:de\\s+)?${MONTH},?\\s*(?:de\\s+|del\\s+)?(\\d{4})\\b`, 'gi'), parts: (m) => [+m[3], month(m[2]), +m[1]] },
  // 05-Mar-2026, 5-MAR-26, 05/Mar/2026 (ledgers and US systems).
  { re: new RegExp(`(?<![\\d.])(\\d{1,2})[-/]${MONTH}[-/](\\d{4}|\\d{2})(?![\\d])`, 'gi'), parts: (m) => [twoDigitYear(+m[3]), month(m[2]), +m[1]] },
  // A sentence's full stop may follow ("bis zum 16.02.2026."), a fourth number may not (an IP, a version).
  { re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d|\.\d|,\d)/g, parts: (m) => [twoDigitYear(+m[3]), +m[2], +m[1]] },
  {
    re: /(?<![\d/.])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/])/g,
    parts: (m, order) => {
      const [a, b] = [+m[1], +m[2]];
      const dmy = a > 12 ? true : b > 12 ? false : order === 'dmy';
      return dmy ? [twoDigitYear(+m[3]), b, a] : [twoDigitYear(+m[3]), a, b];
    }
  }
];

function month(name: string): number {
  return MONTH_OF.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Every date in a line, left to right. `order` settles 01/03/2026 (day first, unless US). */
export function findDates(original: string, order: DayOrder = 'dmy'): DateMatch[] {
  // Folded letter for letter (März → Marz), so a match's place is its place in the original line.
  const line = fold(original);
  const found: DateMatch[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, parts } of PATTERNS) {
    for (const m of line.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const iso = validIso(...parts(m, order));
      if (!iso) continue;
      taken.push([start, end]);
      found.push({ iso, raw: original.slice(start, end).trim(), index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function parseDate(text: string, order: DayOrder = 'dmy'): string | null {
  return findDates(text, order)[0]?.iso ?? null;
}

/**
 * Whether this document writes 01/03/2026 day first: a date whose first part is over 12 settles it, one
 * whose second part is settles the US order; else US dollars without any such date suggest the US order.
 */
export function dayOrderOf(lines: readonly string[], currency: string | undefined): DayOrder {
  for (const line of lines) {
    for (const m of line.matchAll(/(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g)) {
      if (+m[1] > 12 && +m[2] <= 12) return 'dmy';
      if (+m[2] > 12 && +m[1] <= 12) return 'mdy';
    }
  }
  return currency === 'USD' ? 'mdy' : 'dmy';
}
