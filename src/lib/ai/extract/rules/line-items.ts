/**
 * Line items: a row holding a quantity, a unit price and their product, in that order (other numbers —
 * a line number, a date, a tax column — may sit around them). The check quantity × price = amount makes
 * this work in any table layout and language without reading the header, and in sentences
 * ("2 x Toner @ $10.00 = $20.00").
 */
import { findAmounts, round2, sameMoney, type AmountMatch } from './amounts';
import type { Found } from './found';
import { hasLabel } from './labels';
import { tableRows } from './table-items';

export interface LineItem {
  description: string;
  quantity: number;
  unit_price: number;
  amount: number;
}

const isSumLine = (text: string) => hasLabel(text, 'subtotal', 'total', 'tax');

/** The quantity, price and amount in a row: amount and price side by side, the quantity anywhere before. */
function triple(amounts: AmountMatch[]): [AmountMatch, AmountMatch, AmountMatch] | null {
  for (let a = amounts.length - 1; a >= 2; a--) {
    const p = a - 1;
    for (let q = p - 1; q >= 0; q--) {
      const qty = amounts[q];
      if (qty.currency || qty.value <= 0 || qty.value > 100000) continue;
      if (sameMoney(round2(qty.value * amounts[p].value), amounts[a].value)) return [qty, amounts[p], amounts[a]];
    }
  }
  return null;
}

/** A description without what surrounds it in a row: line numbers, dates, bullets, "x", "@", "=". */
const tidy = (s: string) =>
  s
    .replace(/^(?:\s*(?:\d[\d./-]*[.)]?|[-*•#|、,.·]))+\s+/, '')
    .replace(/^\s*[x×]\s+/i, '')
    .replace(/[\s|:@=×]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();

function describe(line: string, [q, p, a]: [AmountMatch, AmountMatch, AmountMatch]): string {
  for (const part of [line.slice(0, q.index), line.slice(q.end, p.index), line.slice(a.end)]) {
    const text = tidy(part);
    if (/\p{L}{2}/u.test(text)) return text;
  }
  return '';
}

export function lineItems(lines: readonly string[]): Found<LineItem[]> | null {
  const items: LineItem[] = [];
  const sources: string[] = [];
  const taken = new Set<number>();
  for (const [n, line] of lines.entries()) {
    const amounts = findAmounts(line);
    if (amounts.length < 3) continue;
    const found = triple(amounts);
    if (!found) continue;
    const description = describe(line, found);
    if (!description || (isSumLine(description) && description.length < 25)) continue;
    const [q, p, a] = found;
    items.push({ description, quantity: q.value, unit_price: p.value, amount: a.value });
    sources.push(line.trim());
    taken.add(n);
  }
  // Rows of a headed table that the check could not vouch for (a discount, an amount with tax): less sure.
  const table = tableRows(lines).filter((r) => !taken.has(r.line));
  if (items.length === 0 && table.length === 0) return null;
  const lineOf = [...taken];
  const all = [...items.map((item, i) => ({ item, line: lineOf[i] })), ...table]
    .sort((a, b) => a.line - b.line)
    .map((r) => ({ item: r.item, source: lines[r.line].trim() }));
  return { value: all.map((a) => a.item), confidence: table.length ? 0.6 : 0.8, source: all.map((a) => a.source).join('\n') };
}
