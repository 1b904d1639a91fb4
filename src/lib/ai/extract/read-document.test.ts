/** readDocument in Node: the corpus's PDF and image fixtures, plain text, and the files it must refuse clearly. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeReaders, readDocument } from './read-document';

const FIXTURES = 'tests/fixtures/invoices';
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${FIXTURES}/${name}`)) });

/** A one-page PDF with nothing drawn on it: what a scan without OCR looks like to a text reader. */
function blankPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream'
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

afterAll(() => closeReaders());

describe('readDocument', () => {
  it('reads a PDF from its text layer, one table row per line, its columns kept', async () => {
    const doc = await readDocument(fixture('pdf-01-en.pdf'));
    expect(doc).toMatchObject({ reader: 'pdf', pages: 1 });
    expect(doc.text).toContain('Atlas Cloud Services BV');
    expect(doc.text).toMatch(/^ *Website design {2,}3 {2,}£173\.33 {2,}£519\.99$/m);
    expect(doc.text).toMatch(/^ *Total {2,}£1,230\.25$/m);
    // A table's columns line up: the header's "Amount" ends over the amounts (right-aligned).
    const lines = doc.text.split('\n');
    const header = lines.find((l) => /Unit price/.test(l)) ?? '';
    const row = lines.find((l) => l.trim().startsWith('Website design')) ?? '';
    expect(Math.abs(header.length - row.length)).toBeLessThanOrEqual(3);
    // A block to the right stays in its column: "Bill To:" over its name.
    const billTo = lines.find((l) => l.includes('Bill To:')) ?? '';
    const name = lines.find((l) => l.includes('Summit Training Group')) ?? '';
    expect(billTo.indexOf('Bill To:')).toBe(name.indexOf('Summit'));
  });

  it('reads a Korean PDF', async () => {
    const doc = await readDocument(fixture('pdf-03-ko.pdf'));
    expect(doc.text).toMatch(/송장 번호: {2,}HB-2611/);
    expect(doc.text).toMatch(/총액 {2,}₩179,850/);
  });

  it('reads a scanned-looking image by OCR, in English and Korean, from local language data', async () => {
    const doc = await readDocument(fixture('ocr-06-ko.png'));
    expect(doc.reader).toBe('ocr');
    expect(doc.ocrConfidence).toBeGreaterThan(0.5);
    expect(doc.text).toContain('푸른들식품');
    expect(doc.text).toMatch(/KR-65824/);
    expect(doc.text).toMatch(/1,538,900원/);
  }, 120_000);

  it('reads plain text as it is, whatever its name', async () => {
    const doc = await readDocument({ name: 'mail-body', bytes: new TextEncoder().encode('\uFEFFInvoice No. 7\n합계 1,000원') });
    expect(doc).toEqual({ text: 'Invoice No. 7\n합계 1,000원', reader: 'text' });
  });

  it.each([
    ['an empty file', { name: 'empty.pdf', bytes: new Uint8Array() }, 'unreadable_document', /is empty/],
    ['a binary file', { name: 'archive.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2]) }, 'unsupported_document', /not a document Sous can read.*PDF.*image/],
    ['a damaged PDF', { name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf') }, 'unreadable_document', /cannot be opened as a PDF/],
    ['a PDF named so but holding something else', { name: 'x.pdf', type: 'application/pdf', bytes: new Uint8Array([0, 1, 2, 3]) }, 'unreadable_document', /cannot be opened as a PDF/],
    ['a PDF with no text layer', { name: 'scan.pdf', bytes: blankPdf() }, 'no_text_layer', /no text layer.*images \(PNG or JPEG\)/],
    ['an image that is not one', { name: 'photo.png', type: 'image/png', bytes: new TextEncoder().encode('\u0000not a png') }, 'unreadable_document', /could not be read as an image/]
  ])('refuses %s with a plain-word error', async (_, doc, code, message) => {
    const err = await readDocument(doc).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, kind: 'user' });
    expect((err as Error).message).toMatch(message);
  }, 60_000);
});
