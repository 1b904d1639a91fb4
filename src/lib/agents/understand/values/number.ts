/**
 * Numbers as people type them: "12", "-3", "12.5", "1,200", "1.200,50", "1 200", "3개", "3 units", "€20",
 * "20 EUR", "100만". Words ("two", "세") are refused: the contract counts them as a wrong answer, and a
 * guess would be taken silently.
 */
import { parseAmount } from '../../../ai/copilot/words';

/** Units and currencies that may follow (or precede) the digits without changing the value. */
const UNIT = String.raw`(?:units?|pcs?|pieces?|items?|x|ea|each|times|people|persons?|days?|hours?|hrs?|h|kg|g|l|ml|boxes|box|%|개|명|건|장|박스|권|병|벌|일|시간|회|번|원|달러|유로|엔|usd|eur|gbp|krw|jpy|chf|cad|aud|nok)`;
const CURRENCY = '[$€£₩¥]';

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const THOUSANDS_DOT = /^[+-]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const THOUSANDS_SPACE = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$/;
const KOREAN_UNITS = /^\d+(?:\.\d+)?(?:억|천만|만|천)(?:\s*\d+(?:\.\d+)?(?:억|천만|만|천)?)*$/;

/** The number in `raw`, or undefined when it is not one number. */
export function readNumber(raw: string): number | undefined {
  let t = raw.trim().toLowerCase().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  t = t.replace(/[.!?。]+$/, '').trim();
  t = t.replace(new RegExp(`^(?:x|×|\\*|${CURRENCY})\\s*`, 'u'), '');
  t = t.replace(new RegExp(`\\s*(?:${UNIT}|${CURRENCY}|×)$`, 'u'), '');
  t = t.replace(new RegExp(`^(?:${CURRENCY})\\s*`, 'u'), '').replace(/^(usd|eur|gbp|krw)\s+/, '').trim();
  if (!t) return undefined;
  if (KOREAN_UNITS.test(t.replace(/\s+/g, ''))) return parseAmount(t);
  if (PLAIN.test(t)) return Number(t);
  if (THOUSANDS_COMMA.test(t)) return Number(t.replace(/,/g, ''));
  if (THOUSANDS_DOT.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (THOUSANDS_SPACE.test(t)) return Number(t.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  if (DECIMAL_COMMA.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}
