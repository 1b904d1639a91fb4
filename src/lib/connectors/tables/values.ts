/**
 * Checking cells against their column's type. Writes from recipes and CSV files often carry numbers and
 * dates as text, so clean text is accepted ("42" for a number column) and anything else is refused with
 * a message that names the column and says what it expected.
 */
import type { Cell, Column, ColumnType, RowValues } from './schema';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export type Coerced = { ok: true; value: Cell } | { ok: false; problem: string };

/** The cell a value becomes in a column of `type`; empty text and null become null (an empty cell). */
export function coerceCell(value: unknown, type: ColumnType): Coerced {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'string' && value.trim() === '' && type !== 'text') return { ok: true, value: null };
  switch (type) {
    case 'text':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      return { ok: false, problem: 'expected text' };
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'expected a finite number' };
      if (typeof value === 'string' && NUMBER.test(value.trim())) return { ok: true, value: Number(value.trim()) };
      return { ok: false, problem: `expected a number such as 42 or 3.5, got ${show(value)}` };
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const word = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : undefined;
      if (word !== undefined && TRUE.has(word)) return { ok: true, value: true };
      if (word !== undefined && FALSE.has(word)) return { ok: true, value: false };
      return { ok: false, problem: `expected true or false, got ${show(value)}` };
    }
    case 'date':
      if (typeof value === 'string' && isDate(value.trim())) return { ok: true, value: value.trim() };
      return { ok: false, problem: `expected a date such as 2025-01-31, got ${show(value)}` };
  }
}

export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && !Number.isNaN(Date.parse(text));
}

export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

export function isBooleanText(text: string): boolean {
  const word = text.trim().toLowerCase();
  return word === 'true' || word === 'false' || word === 'yes' || word === 'no';
}

/** Thrown for a value that does not fit its table; the message is for the person who wrote the recipe. */
export class TableValueError extends Error {
  constructor(
    message: string,
    readonly column?: string
  ) {
    super(message);
    this.name = 'TableValueError';
  }
}

/**
 * Check a row (or, `partial`, some changes) against the columns: every key must be a column, every value
 * must fit its column's type. Answers the cells to store; a full row gets null for missing columns.
 */
export function checkRow(table: string, columns: readonly Column[], row: Record<string, unknown>, partial = false): RowValues {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: RowValues = {};
  for (const [name, value] of Object.entries(row)) {
    const column = byName.get(name);
    if (!column) {
      throw new TableValueError(`table "${table}" has no column "${name}"; its columns are ${columns.map((c) => `"${c.name}"`).join(', ') || 'none'}`, name);
    }
    const cell = coerceCell(value, column.type);
    if (!cell.ok) throw new TableValueError(`column "${name}" of table "${table}" is a ${column.type} column: ${cell.problem}`, name);
    out[name] = cell.value;
  }
  if (!partial) for (const c of columns) if (!(c.name in out)) out[c.name] = null;
  return out;
}

/** Whether a stored cell equals a value looked for (already coerced to the column's type). */
export function sameCell(stored: Cell | undefined, wanted: Cell): boolean {
  return (stored ?? null) === wanted;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}
