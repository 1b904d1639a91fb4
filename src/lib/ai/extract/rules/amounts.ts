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
  $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '₩': 'KRW', '원': 'KRW', '￦': 'KRW', '¥': 'JPY', '₹': 'INR',
  'zł': 'PLN', zl: 'PLN', 'kč': 'CZK', ft: 'HUF', 'c$': 'CAD', 'a$': 'AUD', 'au$': 'AUD', 'ca$': 'CAD'
};

/** The ISO 4217 codes invoices in Sous's languages use most; any of them before or after an amount. */
export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'KRW', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'NZD', 'PLN', 'CZK', 'HUF', 'SEK', 'NOK', 'DKK', 'RON', 'BGN', 'INR', 'SGD', 'HKD', 'MXN', 'BRL', 'TRY', 'ZAR'];

export function currencyOfSign(sign: string): string | undefined {
  const s = sign.trim();
  if (/^[A-Z]{3}$/.test(s) && CURRENCY_CODES.includes(s)) return s;
  return SIGNS[s] ?? SIGNS[s.toLowerCase()];
}

const CODE = `\\b(?:${CURRENCY_CODES.join('|')})\\b`;
const BEFORE = `(US\\$|C\\$|A\\$|AU\\$|CA\\$|[$€£₩￦¥₹]|${CODE})?\\s?`;
const AFTER = `(\\s?(?:[€원￦$£¥₹]|zł|zl\\b|Kč|Ft\\b|${CODE}))?`;
/**
 * The number: grouped by dots, commas, apostrophes or thin spaces (1.234,56 · 1,234.56 · 1'234.56 · 1 234,56),
 * a plain space only where decimals follow (so "2 437,32" is not read from "qty 2, price 437,32" without them),
 * or ungrouped.
 */
const NUMBER = "-?(?:\\d{1,3}(?:[.,\\u00a0\\u202f']\\d{3})+(?:[.,]\\d{1,2})?|\\d{1,3}(?: \\d{3})+[.,]\\d{2}|\\d+(?:[.,]\\d{1,2})?)";
// A number not glued to letters, slashes or dashes (so A4, INV-2026-1 and 2026-03-01 are not amounts), and not a percentage.
const AMOUNT = new RegExp(`${BEFORE}(?<![\\w/-]|[.,]\\d*)(${NUMBER})(?![\\w/-]|[.,]\\d|\\s?%)${AFTER}`, 'g');

/** "1.234,56" → 1234.56, "1,234.56" → 1234.56, "1,234,000" → 1234000, "12,5" → 12.5; null if not a number. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[^\d.,' \u00a0\u202f-]/g, '').replace(/[ \u00a0\u202f']/g, '');
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
    out.push({ value, raw: m[0].trim(), index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, currency: currencyOfSign(sign) });
  }
  return out;
}

/** Two amounts are the same money when they differ by a cent at most (rounding of quantity × price). */
export function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.0101;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
