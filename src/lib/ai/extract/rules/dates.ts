/**
 * Dates as invoices write them — 2026-03-01, 2026.03.01, 2026. 3. 1., 2026년 3월 1일, March 1, 2026,
 * 1 Mar 2026, 01/03/2026, 03/01/2026, 01.03.2026 — read as ISO dates (YYYY-MM-DD).
 */
export type DayOrder = 'dmy' | 'mdy';

export interface DateMatch {
  iso: string;
  raw: string;
  index: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const PATTERNS: Array<{ re: RegExp; parts: (m: RegExpMatchArray, order: DayOrder) => [number, number, number] }> = [
  { re: /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/g, parts: (m) => [+m[1], +m[2], +m[3]] },
  { re: /(?<![\d.])(\d{4})\s?[-./]\s?(\d{1,2})\s?[-./]\s?(\d{1,2})(?!\d)\.?/g, parts: (m) => [+m[1], +m[2], +m[3]] },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), parts: (m) => [+m[3], month(m[1]), +m[2]] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'), parts: (m) => [+m[3], month(m[2]), +m[1]] },
  { re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g, parts: (m) => [+m[3], +m[2], +m[1]] },
  {
    re: /(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)/g,
    parts: (m, order) => {
      const [a, b] = [+m[1], +m[2]];
      const dmy = a > 12 ? true : b > 12 ? false : order === 'dmy';
      return dmy ? [+m[3], b, a] : [+m[3], a, b];
    }
  }
];

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** Every date in a line, left to right. `order` settles 01/03/2026 (day first, unless US). */
export function findDates(line: string, order: DayOrder = 'dmy'): DateMatch[] {
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
      found.push({ iso, raw: m[0].trim(), index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function parseDate(text: string, order: DayOrder = 'dmy'): string | null {
  return findDates(text, order)[0]?.iso ?? null;
}
