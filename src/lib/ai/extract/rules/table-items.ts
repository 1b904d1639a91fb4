/**
 * Line items read as a table: a header row naming its columns (quantity with a price or an amount, in any
 * of the lexicon's languages) and the rows below it, each number taken by the column it stands under.
 * This finds the rows the quantity × price = amount check cannot vouch for (a discount, an amount with
 * tax), so they come with a lower confidence; the rows end at the first sum label.
 */
import { findAmounts } from './amounts';
import { cells, hasLabel, tableColumns } from './labels';
import type { LineItem } from './line-items';

type Column = 'description' | 'quantity' | 'unit_price' | 'amount';
const PRIORITY: Column[] = ['quantity', 'unit_price', 'amount', 'description'];

interface HeaderColumn {
  column: Column;
  start: number;
  end: number;
}

/** The header's columns, each cell named by its strongest word ("Unit price" is a price, not an amount). */
function headerColumns(line: string): HeaderColumn[] | null {
  const named = cells(line).flatMap((cell) => {
    const kinds = tableColumns(cell.text) as Column[];
    const column = PRIORITY.find((k) => kinds.includes(k));
    return column ? [{ column, start: cell.start, end: cell.end }] : [];
  });
  const has = (c: Column) => named.some((n) => n.column === c);
  return has('quantity') && has('amount') && (has('unit_price') || named.length >= 3) ? named : null;
}

/** The column a number stands under: the header cell it overlaps, else the nearest by centre. */
function columnOf(header: HeaderColumn[], start: number, end: number): Column {
  const over = header.find((h) => start <= h.end && end >= h.start);
  if (over) return over.column;
  const mid = (start + end) / 2;
  return [...header].sort((a, b) => Math.abs((a.start + a.end) / 2 - mid) - Math.abs((b.start + b.end) / 2 - mid))[0].column;
}

export interface TableRow {
  item: LineItem;
  line: number;
}

/** Rows of every table in the document that give a description, a quantity and an amount. */
export function tableRows(lines: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  for (let h = 0; h < lines.length; h++) {
    const header = headerColumns(lines[h]);
    if (!header) continue;
    const firstNumber = Math.min(...header.filter((c) => c.column !== 'description').map((c) => c.start));
    for (let n = h + 1, empty = 0; n < lines.length && empty < 2; n++) {
      const line = lines[n];
      if (hasLabel(line, 'subtotal', 'total', 'tax') && !/\p{L}{3}.*\d.*\d/u.test(line.slice(0, firstNumber))) break;
      const amounts = findAmounts(line).filter((a) => a.index >= firstNumber - 2);
      if (amounts.length < 2) {
        empty++;
        continue;
      }
      empty = 0;
      const got: Partial<Record<Column, number>> = {};
      for (const a of amounts) got[columnOf(header, a.index, a.end)] ??= a.value;
      const description = line.slice(0, firstNumber).replace(/^\s*\d{1,3}[.)]?\s+/, '').replace(/\s{2,}/g, ' ').trim();
      if (got.quantity === undefined || got.amount === undefined || !/\p{L}{2}/u.test(description)) continue;
      const price = got.unit_price ?? Math.round((got.amount / got.quantity) * 100) / 100;
      rows.push({ item: { description, quantity: got.quantity, unit_price: price, amount: got.amount }, line: n });
    }
  }
  return rows;
}
