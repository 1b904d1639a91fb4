import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from './csv';
import type { AuditRow } from './schema';

const row: AuditRow = {
  seq: 1,
  at: '2026-12-07T10:00:00.000Z',
  actor: { id: 'p1', name: '김민지', role: 'builder' },
  action: 'recipe.create',
  target: { kind: 'recipe', id: 'r1', version: 1 },
  detail: { name: 'Orders, "daily"' },
  prev: '0'.repeat(64),
  hash: 'a'.repeat(64)
};

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`]
  ])('quotes and guards %j', (input, out) => expect(csvCell(input)).toBe(out));

  it('writes a BOM, a header and CRLF rows', () => {
    const text = auditCsv([row]);
    expect(text.startsWith('\uFEFFseq,at,actor,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`1,2026-12-07T10:00:00.000Z,김민지,builder,recipe.create,recipe,r1,1,,"name=Orders, ""daily""",${'a'.repeat(64)}`);
    expect(lines[2]).toBe('');
  });
});
