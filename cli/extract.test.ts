/** `sous extract` from the outside: the corpus's documents in, JSON or a readable summary out, exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractResultSchema } from '../src/lib/ai/extract/fields';
import { hasStackTrace, npmSous, sous, tempFiles } from './test-kit';

const INV = 'tests/fixtures/invoices';
const T = 90_000;
const truth = (name: string) => JSON.parse(readFileSync(`${INV}/${name}.truth.json`, 'utf8')) as Record<string, unknown>;
const values = (fields: Record<string, { value: unknown }>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));

describe.concurrent('sous extract', () => {
  it('--json: only a JSON array on stdout, one entry per document, the invoice preset by default', async () => {
    const result = await sous(['extract', `${INV}/pdf-01-en.pdf`, `${INV}/text-03-ko.txt`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(out.map((o) => [o.file, o.mode, o.reader])).toEqual([
      [`${INV}/pdf-01-en.pdf`, 'basic', 'pdf'],
      [`${INV}/text-03-ko.txt`, 'basic', 'text']
    ]);
    const [pdf, text] = out.map((o) => ExtractResultSchema.parse(o));
    expect(values(pdf.fields)).toEqual(truth('pdf-01-en'));
    expect(values(text.fields)).toEqual(truth('text-03-ko'));
    expect(text.fields.total.source).toBe('총액:           ₩43,450');
  }, T);

  it('reads a scanned image by OCR', async () => {
    const result = await sous(['extract', `${INV}/ocr-06-ko.png`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [scan] = JSON.parse(result.stdout) as Array<{ reader: string; fields: Record<string, { value: unknown }> }>;
    expect(scan.reader).toBe('ocr');
    expect(values(scan.fields)).toMatchObject({ vendor: '푸른들식품', invoice_number: 'KR-65824', total: 1538900, currency: 'KRW' });
  }, T);

  it('the readable summary names the mode, the reader and each field with its confidence and source', async () => {
    const result = await sous(['extract', `${INV}/text-01-en.txt`]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${INV}/text-01-en.txt (basic mode, read as text)`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}invoice_number +INV-2026-50673 +\(90%\) +← Invoice No\.: INV-2026-50673$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}line_items +\d item\(s\)/));
  }, T);

  it('--fields: a custom field list, read by label', async () => {
    const dir = tempFiles({
      'fields.json': [
        { name: 'invoice_number', type: 'text' },
        { name: 'payment_terms', type: 'text' },
        { name: 'bill_to', type: 'text' }
      ]
    });
    const result = await sous(['extract', `${INV}/text-01-en.txt`, '--fields', join(dir, 'fields.json'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [doc] = JSON.parse(result.stdout) as Array<{ fields: Record<string, { value: unknown }> }>;
    expect(values(doc.fields)).toEqual({ invoice_number: 'INV-2026-50673', payment_terms: 'bank transfer. Thank you!', bill_to: 'Orchard Street Cafe' });
  }, T);

  it('an unreadable file: exit 2, one line on stderr, the other documents still extracted', async () => {
    const dir = tempFiles({ 'scan.zip': 'PK\u0003\u0004\u0000\u0000' });
    const result = await sous(['extract', 'no-such.pdf', join(dir, 'scan.zip'), `${INV}/text-02-en.txt`, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'no-such.pdf: cannot read the file: no such file',
      expect.stringMatching(/scan\.zip: ".*scan\.zip" is not a document Sous can read\./)
    ]);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(1);
  }, T);

  it.each([
    ['no files', ['extract'], /extract needs at least one document/],
    ['both --fields and --preset', ['extract', 'a.pdf', '--fields', 'f.json', '--preset', 'invoice'], /either --fields or --preset/],
    ['a field list that is not one', ['extract', `${INV}/text-01-en.txt`, '--fields', 'FIELDS'], /--fields .*: not a field list at 0\.name: expected a field name/],
    ['a field file that is missing', ['extract', `${INV}/text-01-en.txt`, '--fields', 'missing.json'], /--fields missing\.json: cannot read the file: no such file/]
  ])('bad usage (%s): exit 2, a clear line, no stack trace', async (_, args, message) => {
    const dir = tempFiles({ 'bad-fields.json': [{ name: 'PO Number', type: 'text' }] });
    const result = await sous(args.map((a) => (a === 'FIELDS' ? join(dir, 'bad-fields.json') : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  }, T);

  it('also through `npm run --silent sous -- extract … --json`', async () => {
    const result = await npmSous(['extract', `${INV}/text-05-en.txt`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(values((JSON.parse(result.stdout) as Array<{ fields: Record<string, { value: unknown }> }>)[0].fields)).toEqual(truth('text-05-en'));
  }, T);
});
