/**
 * Money in the ways invoices write it — $1,234.56, 1.234,56 €, EUR 1,234.56, £1,234.56, ₩1,234,000,
 * 1,234,000원 — found in a line and read as plain numbers.
 */
export interface AmountMatch {
  value: number;
  /** The text as written, with its currency sign or code. */
  raw: string;
  index: number;
  end: number;
  /** ISO code when the amount carries a sign or a code. */
  currency?: string;
}

const SIGNS: Record<string, string> = {
  $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '₩': 'KRW', '원': 'KRW', '￦': 'KRW',
  USD: 'USD', EUR: 'EUR', GBP: 'GBP', KRW: 'KRW'
};

// A number not glued to letters, slashes or dashes (so A4, INV-2026-1 and 2026-03-01 are not amounts), and not a percentage.
const AMOUNT =
  /(US\$|[$€£₩￦]|\b(?:USD|EUR|GBP|KRW)\b)?\s?(?<![\w/-]|[.,]\d*)(-?(?:\d{1,3}(?:[.,\u00a0\u202f']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?))(?![\w/-]|[.,]\d|\s?%)(\s?(?:[€원￦]|\b(?:USD|EUR|GBP|KRW)\b))?/g;

/** "1.234,56" → 1234.56, "1,234.56" → 1234.56, "1,234,000" → 1234000, "12,5" → 12.5; null if not a number. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[^\d.,'\u00a0\u202f-]/g, '').replace(/[\u00a0\u202f']/g, '');
  if (!/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normal = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    // One separator followed by exactly three digits is a thousands separator (1,234 / 1.234); else a decimal point.
    normal = parts.length > 2 || parts[parts.length - 1].length === 3 ? parts.join('') : parts.join('.');
  } else {
    normal = s;
  }
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

/** Every amount in a line, left to right. */
export function findAmounts(line: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  for (const m of line.matchAll(AMOUNT)) {
    const value = parseAmount(m[2]);
    if (value === null) continue;
    const sign = (m[1] ?? m[3] ?? '').trim();
    out.push({ value, raw: m[0].trim(), index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, currency: SIGNS[sign] });
  }
  return out;
}

/** Two amounts are the same money when they differ by a cent at most (rounding of quantity × price). */
export function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.0101;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
