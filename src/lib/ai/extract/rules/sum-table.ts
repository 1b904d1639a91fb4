/**
 * A tax summary table read by its columns: a header row naming the base (net), the rate, the tax and the
 * gross ("Base TVA · Taux · Montant TVA", "Netto EUR · MwSt. EUR · Brutto EUR", "TOTAL HT · TOTAL TVA ·
 * TOTAL TTC", "Net amount · VAT amount"), and the rows below it, each amount taken by the column it stands
 * under. Read across the line, such a row is a rate, a base and a tax in an order no label says; read by
 * columns, a rate is never an amount and the base is never the tax.
 */
import { findAmounts, round2, sameMoney } from './amounts';
import { CURRENCY_CODES } from './amounts';
import { compilePhrases, fold } from '../lexicon/compile';
import { SUM_TABLE_WORDS } from '../lexicon/words';
import { cells, hitsIn, tableColumns } from './labels';

export type SumRole = 'net' | 'tax' | 'gross';
type Role = SumRole | 'rate' | 'amount';

export interface Column {
  role: Role;
  start: number;
  end: number;
}

export interface TableSums {
  net?: number;
  tax?: number;
  gross?: number;
  /** The header and the row (or rows) the sums were read from. */
  source: string;
  line: number;
  /** net + tax = gross holds in the table itself. */
  checked: boolean;
}

const BASE = compilePhrases(Object.values(SUM_TABLE_WORDS.base).flat());
const AMOUNT = compilePhrases(Object.values(SUM_TABLE_WORDS.amount).flat());
const GROSS = compilePhrases(Object.values(SUM_TABLE_WORDS.gross).flat());
const ROLE_OF: Partial<Record<string, Role>> = { subtotal: 'net', tax: 'tax', total: 'gross', tax_rate: 'rate' };
const NOISE = new RegExp(`\\b(?:${CURRENCY_CODES.join('|')})\\b|[€$£₩¥%()[\\]/.:\\-–\\s]`, 'giu');

/** What a header cell names, when the cell is only that name (with a currency or a "%" beside it). */
function roleOf(text: string): Role | null {
  const folded = fold(text);
  if (/^\s*%\s*$/.test(text)) return 'rate';
  const hits = hitsIn(text).filter((h) => ROLE_OF[h.field]);
  let rest = folded;
  let role: Role | null = null;
  for (const h of [...hits].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    role ??= ROLE_OF[h.field] ?? null;
    rest = rest.slice(0, h.start) + ' '.repeat(h.end - h.start) + rest.slice(h.end);
  }
  if (!role) {
    const base = new RegExp(BASE.source, 'iu').exec(rest);
    const gross = base ? null : new RegExp(GROSS.source, 'iu').exec(rest);
    const amount = base || gross ? null : new RegExp(AMOUNT.source, 'iu').exec(rest);
    const m = base ?? gross ?? amount;
    if (!m) return null;
    role = base ? 'net' : gross ? 'gross' : 'amount';
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  // "Détail TVA (motif si exonération…)" holds a tax word but names no column; a typo ("Net amout") may stay.
  return rest.replace(NOISE, '').length <= 5 ? role : null;
}

const headers = new Map<string, Column[] | null>();

/** The header's columns; null when the line is no tax summary header (cached: the sum rules ask about every line). */
export function sumTableHeader(line: string): Column[] | null {
  if (headers.has(line)) return headers.get(line)!;
  if (headers.size > 20_000) headers.clear();
  const columns = headerOf(line);
  headers.set(line, columns);
  return columns;
}

function headerOf(line: string): Column[] | null {
  // A line-item table ("Qty · Description · VAT · Total") is read by ./table-items.
  if (tableColumns(line).includes('quantity')) return null;
  const columns: Column[] = [];
  const row = cells(line);
  const money = (text: string | undefined) => text !== undefined && findAmounts(text).length > 0;
  for (const [i, cell] of row.entries()) {
    // A label with its amount beside it ("공급가액  419,000원", "Total HT  530,75 €") is a sum, not a column's head.
    if (money(cell.text) || money(row[i + 1]?.text)) continue;
    const role = roleOf(cell.text);
    if (role) columns.push({ role, start: cell.start, end: cell.end });
  }
  // "Taxe · Base · Montant": a plain amount right of the base is the tax, when no column right of it says tax
  // (the "Taxe" on the left names the tax, its column holds words).
  const base = columns.find((c) => c.role === 'net');
  const taxRight = base && columns.some((c) => c.role === 'tax' && c.start > base.start);
  for (const c of columns) if (c.role === 'amount') c.role = base && !taxRight && c.start > base.start ? 'tax' : 'rate';
  const roles = new Set(columns.map((c) => c.role).filter((r) => r !== 'rate'));
  return roles.size >= 2 && (roles.has('net') || roles.has('tax')) ? columns : null;
}

/**
 * The column an amount stands under: the one it overlaps, else the nearest a few letters away, else the one
 * whose span (up to where the next column begins) holds it: a wide column's head is often left-aligned
 * and its amounts right-aligned ("Kwota netto ·········· 27 292,28").
 */
function columnAt(columns: Column[], start: number, end: number): Column | null {
  // An amount just right of a head may overhang it; one left of a head belongs to the column before.
  const distance = (c: Column) => (start <= c.end && end >= c.start ? 0 : start > c.end ? start - c.end : Infinity);
  const best = [...columns].sort((a, b) => distance(a) - distance(b))[0];
  if (best && distance(best) <= 4) return best;
  const sorted = [...columns].sort((a, b) => a.start - b.start);
  // The last column reaches a little past its head, not to the end of the line.
  const at = sorted.findIndex((c, i) => c.start <= start && (sorted[i + 1]?.start ?? c.end + 12) > end);
  return at >= 0 ? sorted[at] : null;
}

type Row = Partial<Record<SumRole, number>> & { line: number; labelled: boolean };

/** A line that is a labelled sum ("Acompte : 10,00", "NET A PAYER 104,90") ends the table, it is no row. */
function labelledSum(line: string, firstAmount: number): boolean {
  const before = cells(line.slice(0, firstAmount)).pop();
  if (!before) return false;
  const hit = hitsIn(before.text).find((h) => h.start === 0);
  return hit !== undefined && before.text.slice(hit.end - hit.start).replace(/[\s:：]/g, '').length === 0;
}

/**
 * The rows under a header: lines whose money (decimals or a currency; an IBAN's or a GLN's digits are none)
 * stands under its columns, in two of them where the header has two. Text lines may stand between the
 * header and its first row (a note beside it), at most one between rows.
 */
function rowsUnder(lines: readonly string[], at: number, columns: Column[]): Row[] {
  const rows: Row[] = [];
  const needed = Math.min(2, columns.filter((c) => c.role !== 'rate').length);
  // Rows run on while they come one after another (a table of items with their tax may be long).
  for (let n = at + 1, skipped = 0; n < lines.length && n <= at + 80 && skipped <= (rows.length ? 1 : 3); n++) {
    const line = lines[n];
    if (sumTableHeader(line)) break;
    const placed = findAmounts(line).flatMap((a) => {
      const column = a.currency || /[.,]\d{2}$/.test(a.raw) ? columnAt(columns, a.index, a.end) : null;
      return column && column.role !== 'rate' ? [{ a, column }] : [];
    });
    if (placed.length < needed) {
      skipped++;
      continue;
    }
    if (labelledSum(line, placed[0].a.index)) break;
    skipped = 0;
    const row: Row = { line: n, labelled: hitsIn(line).some((h) => h.field === 'total') };
    for (const { a, column } of placed) if (column.role === 'net' || column.role === 'tax' || column.role === 'gross') row[column.role] = a.value;
    if (row.net !== undefined || row.tax !== undefined || row.gross !== undefined) rows.push(row);
  }
  return rows;
}

const ROLES: SumRole[] = ['net', 'tax', 'gross'];

/** The table's totals: a row that is the sum of the others (or is labelled total), else the sum of the rows. */
function totalsOf(rows: Row[]): Row {
  if (rows.length === 1) return rows[0];
  const sumOf = (rs: Row[], role: SumRole) => round2(rs.reduce((s, r) => s + (r[role] ?? 0), 0));
  const whole = rows.find((r, i) => {
    const others = rows.filter((_, j) => j !== i);
    return ROLES.every((role) => r[role] === undefined || sameMoney(r[role]!, sumOf(others, role))) && ROLES.some((role) => r[role] !== undefined && r[role] !== 0);
  });
  if (whole) return whole;
  const labelled = rows.find((r) => r.labelled);
  if (labelled) return labelled;
  const out: Row = { line: rows[rows.length - 1].line, labelled: false };
  for (const role of ROLES) if (rows.some((r) => r[role] !== undefined)) out[role] = sumOf(rows, role);
  return out;
}

/** Every tax summary table of the document, as its totals. */
export function sumTables(lines: readonly string[]): TableSums[] {
  const out: TableSums[] = [];
  lines.forEach((line, n) => {
    const columns = sumTableHeader(line);
    if (!columns) return;
    const rows = rowsUnder(lines, n, columns);
    if (rows.length === 0) return;
    const t = totalsOf(rows);
    const checked = t.net !== undefined && t.tax !== undefined && t.gross !== undefined && sameMoney(round2(t.net + t.tax), t.gross);
    const shown = rows.length === 1 || rows.includes(t) ? lines[t.line].trim() : rows.map((r) => lines[r.line].trim()).join(' + ');
    out.push({ net: t.net, tax: t.tax, gross: t.gross, source: `${line.trim()} / ${shown}`, line: n, checked });
  });
  return out;
}
