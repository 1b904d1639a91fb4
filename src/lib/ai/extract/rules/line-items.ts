/**
 * Line items: a row whose last three numbers are a quantity, a unit price and their product. The check
 * (quantity × price = amount) makes this work in any table layout and language without reading the header.
 */
import { findAmounts, round2, sameMoney } from './amounts';
import type { Found } from './found';
import { LABELS } from './labels';

export interface LineItem {
  description: string;
  quantity: number;
  unit_price: number;
  amount: number;
}

const SUM_LINE = new RegExp([LABELS.subtotal.source, LABELS.total.source, LABELS.tax.source].join('|'), 'i');

export function lineItems(lines: readonly string[]): Found<LineItem[]> | null {
  const items: LineItem[] = [];
  const sources: string[] = [];
  for (const line of lines) {
    const amounts = findAmounts(line);
    if (amounts.length < 3) continue;
    const [q, p, a] = amounts.slice(-3);
    if (q.currency || q.value <= 0 || q.value > 100000 || !sameMoney(round2(q.value * p.value), a.value)) continue;
    const description = line
      .slice(0, q.index)
      .replace(/^\s*(?:\d{1,3}[.)]|[-*•])\s+/, '')
      .replace(/[\s|:]+$/, '')
      .trim();
    if (!/\p{L}/u.test(description) || (SUM_LINE.test(description) && description.length < 25)) continue;
    items.push({ description: description.replace(/\s{2,}/g, ' '), quantity: q.value, unit_price: p.value, amount: a.value });
    sources.push(line.trim());
  }
  return items.length === 0 ? null : { value: items, confidence: 0.8, source: sources.join('\n') };
}
