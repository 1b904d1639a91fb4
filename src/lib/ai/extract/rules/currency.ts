/** Which currency an invoice is in, from the signs and codes its amounts carry (ISO 4217 code). */
import { findVatIds } from '../parse/vat-id';
import { CURRENCY_CODES, currencyOfSign, findAmounts } from './amounts';

export interface CurrencyGuess {
  code: string;
  confidence: number;
  source: string | null;
}

const CODES = new RegExp(`\\b(${CURRENCY_CODES.join('|')})\\b`, 'g');

const CURRENCY_LABEL = new RegExp(`(?:w[äa]hrung|rechnungsw[äa]hrung|currency|devise|monnaie|valuta|moneda|divisa|waluta|통화)\\s*:?\\s*(${CURRENCY_CODES.join('|')})\\b`, 'i');

const DOLLARS = ['AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'MXN'];

/** VAT id countries that pay in euros, and the others' money (a guess, for a page that prints no sign). */
const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const MONEY_OF: Record<string, string> = { PL: 'PLN', GB: 'GBP', XI: 'GBP', CHE: 'CHF', SE: 'SEK', DK: 'DKK', CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'BGN', NO: 'NOK' };

/** A currency sign with no number glued to it, between spaces, brackets or a slash. */
const LONE_SIGN = /(?<=^|[\s(/[])([€£₩¥₹]|zł)(?=$|[\s)\]/:.,])/gu;

export function detectCurrency(lines: readonly string[]): CurrencyGuess | null {
  const votes = new Map<string, { count: number; source: string }>();
  const vote = (code: string, source: string, weight = 1) => {
    const entry = votes.get(code) ?? { count: 0, source };
    entry.count += weight;
    votes.set(code, entry);
  };
  for (const line of lines) {
    // "Währung: EUR", "Currency: USD", "Devise : EUR": the document says it outright.
    const said = CURRENCY_LABEL.exec(line);
    if (said) vote(said[1].toUpperCase(), line, 3);
    for (const amount of findAmounts(line)) if (amount.currency) vote(amount.currency, line);
    for (const m of line.matchAll(CODES)) vote(m[1], line, 0.5);
    // "Total € Incl. VAT   681.87", "Preis/Einh €": a sign standing alone names the currency of a column or a sum.
    for (const m of line.matchAll(LONE_SIGN)) vote(currencyOfSign(m[1])!, line, 0.5);
    // OCR often reads ₩ as W before a number.
    if (/(?<![A-Za-z])W\s?\d{1,3}(,\d{3})+/.test(line)) vote('KRW', line, 0.5);
  }
  // "$" is the sign of several dollars: a document that names AUD, CAD, NZD… and never USD means that one.
  const dollar = DOLLARS.find((code) => votes.has(code));
  const usd = votes.get('USD');
  if (dollar && usd && !lines.some((l) => /\bUSD\b|US\$/.test(l))) {
    votes.get(dollar)!.count += usd.count;
    votes.delete('USD');
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1].count - a[1].count);
  if (ranked.length > 0) {
    const [code, { count, source }] = ranked[0];
    const total = ranked.reduce((sum, [, v]) => sum + v.count, 0);
    return { code, confidence: Math.min(0.95, 0.55 + 0.4 * (count / total) * Math.min(1, count / 2)), source: source.trim() };
  }
  // No sign anywhere: an invoice in Korean is most likely in won, one with a VAT id in its country's money.
  const korean = lines.find((line) => /[\uac00-\ud7af]/.test(line));
  if (korean) return { code: 'KRW', confidence: 0.4, source: null };
  for (const line of lines) {
    const country = findVatIds(line)[0]?.country;
    const code = country === undefined ? undefined : EURO.includes(country) ? 'EUR' : MONEY_OF[country];
    if (code) return { code, confidence: 0.45, source: line.trim() };
  }
  return null;
}
