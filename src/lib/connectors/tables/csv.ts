/**
 * CSV import and export for lookup tables (papaparse). Import reads a header row as the column names,
 * infers each column's type from its cells (or checks them against an existing table's columns), and
 * reports every bad row by its line number instead of dropping it; nothing is written until the person
 * confirms. A UTF-8 byte-order mark, CRLF line ends, quoted commas and quotes are handled.
 */
import Papa from 'papaparse';
import type { Cell, Column, ColumnType, RowValues } from './schema';
import { checkRow, isBooleanText, isDate, isNumberText, TableValueError } from './values';

export interface CsvProblem {
  /** The line of the file (1 is the header row). */
  line: number;
  message: string;
}

export interface CsvImport {
  columns: Column[];
  /** The rows that fit, with the file line each came from. */
  rows: { line: number; values: RowValues }[];
  /** Rows that do not fit, and problems of the file as a whole (line 0 or 1). */
  problems: CsvProblem[];
}

/** The type that fits every non-empty cell: number, boolean, date, else text. */
export function inferType(cells: string[]): ColumnType {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return 'text';
  if (filled.every(isNumberText)) return 'number';
  if (filled.every(isBooleanText)) return 'boolean';
  if (filled.every(isDate)) return 'date';
  return 'text';
}

/**
 * Read a CSV file's text. Without `columns` the header row names new columns and their types are
 * inferred; with `columns` (importing into an existing table) each header must be one of them.
 */
export function parseCsv(text: string, columns?: readonly Column[]): CsvImport {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: 'greedy' });
  const problems: CsvProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ line: (e.row ?? 0) + 1, message: `the file could not be read here: ${e.message}` }));
  const [header, ...body] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) {
    return { columns: [], rows: [], problems: [{ line: 1, message: 'the file has no header row: its first line must name the columns' }] };
  }
  const names = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const dupe = names.find((n, i) => names.indexOf(n) !== i);
  if (dupe) return { columns: [], rows: [], problems: [{ line: 1, message: `two columns are named "${dupe}"; rename one in the header row` }] };

  let cols: Column[];
  if (columns) {
    const unknown = names.filter((n) => !columns.some((c) => c.name === n));
    if (unknown.length) {
      return { columns: [], rows: [], problems: [{ line: 1, message: `the table has no column ${unknown.map((n) => `"${n}"`).join(', ')}; its columns are ${columns.map((c) => `"${c.name}"`).join(', ')}` }] };
    }
    cols = names.map((n) => columns.find((c) => c.name === n)!);
  } else {
    cols = names.map((name, i) => ({ name, type: inferType(body.filter((r) => r.length === names.length).map((r) => r[i] ?? '')) }));
  }
  return { columns: cols, ...checkRows(body, cols, problems) };
}

/** Check the body rows against the columns (as typed in a preview, which may change the inferred types). */
export function checkCsvRows(text: string, columns: readonly Column[]): CsvImport {
  const result = parseCsv(text, columns);
  return { ...result, columns: [...columns] };
}

function checkRows(body: string[][], columns: readonly Column[], problems: CsvProblem[]): Omit<CsvImport, 'columns'> {
  const rows: CsvImport['rows'] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== columns.length) {
      problems.push({ line, message: `has ${cells.length} cells but the header names ${columns.length} columns` });
      return;
    }
    const raw = Object.fromEntries(columns.map((c, j) => [c.name, c.type === 'text' ? cells[j] : cells[j].trim()]));
    try {
      rows.push({ line, values: checkRow('import', columns, raw) });
    } catch (err) {
      if (!(err instanceof TableValueError)) throw err;
      const col = columns.find((c) => c.name === err.column);
      problems.push({ line, message: `column "${err.column}": "${raw[err.column ?? ''] ?? ''}" is not ${article(col?.type)}` });
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/**
 * A table as CSV text: a header row, then one line per row (CRLF, quoted where needed). Text that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, as OWASP advises against CSV injection; numbers in number columns stay numbers,
 * so -3 is written as -3.
 */
export function toCsv(columns: readonly Column[], rows: readonly RowValues[]): string {
  return Papa.unparse(
    { fields: columns.map((c) => defuse(c.name)), data: rows.map((r) => columns.map((c) => cellText(r[c.name]))) },
    { newline: '\r\n', quotes: false, escapeFormulae: false }
  );
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would read as a formula, with an apostrophe in front so it stays text. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return defuse(String(cell));
}

function article(type: ColumnType | undefined): string {
  switch (type) {
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date like 2025-01-31';
    default:
      return 'valid text';
  }
}
