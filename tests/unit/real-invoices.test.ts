/**
 * The real-world dev corpus (tests/fixtures/invoices-real) is whole: every document named in
 * scripts/real-invoices/sources.ts is there and reads as a PDF with text, every truth file fits the invoice
 * preset's fields, and each truth is still what its source says: the PDF's own XML (embedded, or beside it
 * for KSeF), or the values its entry gives, each printed on the page. So nobody edits a truth by hand to
 * match the extractor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INVOICE_FIELDS, type FieldSpec } from '../../src/lib/ai/extract/fields';
import { closeReaders, readDocument } from '../../src/lib/ai/extract/read-document';
import { fieldsOf, REAL_CORPUS, truthOf } from '../../scripts/real-invoices/make-truth';
import { amountForms, dateForms, printed } from '../../scripts/real-invoices/printed';
import { REAL_INVOICE_SOURCES } from '../../scripts/real-invoices/sources';
import { findAll, parseXml, textAt } from '../../scripts/real-invoices/xml-tree';
import { basicExtractor, corpusDocs, realCorpusFigures } from '../../bench/extract-bench';
import { measured } from '../../bench/baseline';

const valueSchema = (field: FieldSpec) => {
  switch (field.type) {
    case 'date':
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    case 'money':
    case 'number':
      return z.number().finite();
    case 'list':
      return z.array(z.object({ description: z.string(), quantity: z.number(), unit_price: z.number(), amount: z.number() }));
    default:
      return z.string().min(1);
  }
};
const TruthSchema = z.strictObject(Object.fromEntries(INVOICE_FIELDS.map((f) => [f.name, valueSchema(f).optional()])));

afterAll(() => closeReaders());

describe('the real-world invoice corpus', () => {
  it('holds exactly the documents its sources name, each NAME = SRC-NN-LANG with a truth file', () => {
    const pdfs = readdirSync(REAL_CORPUS).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toEqual(REAL_INVOICE_SOURCES.map((s) => `${s.name}.pdf`).sort());
    for (const s of REAL_INVOICE_SOURCES) {
      expect(s.name).toMatch(/^[a-z]+-\d{2}-(de|fr|en|nl|it|es|pl)$/);
      expect(existsSync(join(REAL_CORPUS, `${s.name}.truth.json`)), s.name).toBe(true);
      expect(s.licence, s.name).not.toBe('');
    }
  });

  it.each(REAL_INVOICE_SOURCES.map((s) => [s.name, s] as const))('%s: truth fits the invoice fields, the PDF has text, and its source (the XML, or the values given) still gives that truth', async (name, source) => {
    const truth = JSON.parse(readFileSync(join(REAL_CORPUS, `${name}.truth.json`), 'utf8'));
    expect(TruthSchema.safeParse(truth).error?.issues ?? []).toEqual([]);
    expect(Object.keys(truth).length).toBeGreaterThanOrEqual(3);
    const bytes = new Uint8Array(readFileSync(join(REAL_CORPUS, `${name}.pdf`)));
    const page = await readDocument({ name: `${name}.pdf`, bytes });
    expect(page.reader).toBe('pdf');
    expect(page.text.trim().length).toBeGreaterThan(200);
    const { fields } = await fieldsOf(source, bytes);
    const again = truthOf(fields, page.text);
    expect(again.truth).toEqual(truth);
    if (source.given) expect(again.dropped, 'every given value is printed').toEqual([]);
  });
});

describe("the bench's real-world figures", () => {
  it("take each document's language from its name, beyond en and ko", () => {
    const langs = new Set(corpusDocs('', REAL_CORPUS).map((d) => d.lang));
    expect([...langs].sort()).toEqual(['de', 'en', 'es', 'fr', 'pl']);
  });

  it('are one unmeasured line, not a failure, when the corpus is absent', async () => {
    const figures = await realCorpusFigures([basicExtractor], new Map(), '/nonexistent/invoices-real');
    expect(figures).toHaveLength(1);
    expect(measured(figures[0])).toBe(false);
  });

  it('give precision, recall and F1 per language for the corpus', async () => {
    const names = (await realCorpusFigures([basicExtractor], new Map())).map((f) => f.name);
    for (const scope of ['(all fields)', '[pdf]', '[de]', '[fr]', '[en]', '[es]', '[pl]'])
      for (const kind of ['precision', 'recall', 'F1']) expect(names).toContain(`real basic ${kind} ${scope}`);
    expect(names.some((n) => n.includes('line items'))).toBe(false);
  });
});

describe('the XML reader', () => {
  it('reads elements by local name, with entities, CDATA and attributes', () => {
    const root = parseXml('<?xml version="1.0"?><rsm:A xmlns:rsm="x"><ram:B id="1">Caf&#233; &amp; Co</ram:B><ram:B><![CDATA[<two>]]></ram:B><C/></rsm:A>');
    expect(root.name).toBe('A');
    expect(findAll(root, 'B').map((b) => b.text)).toEqual(['Café & Co', '<two>']);
    expect(findAll(root, 'B')[0].attrs.id).toBe('1');
    expect(textAt(root, 'C')).toBeNull();
  });

  it('refuses tags that do not nest', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/unbalanced/);
    expect(() => parseXml('<a><b>')).toThrow(/unclosed/);
  });
});

describe('whether a value is printed', () => {
  it('finds amounts in any usual form, but not inside a longer number', () => {
    expect(amountForms(1234.5)).toContain('1.234,50');
    expect(printed('total', 1005.55, 'Rechnungssumme brutto   1.005,55')).toBe(true);
    expect(printed('total', 1005.55, 'Total 1,005.55 EUR')).toBe(true);
    expect(printed('tax', 10, 'TOTAL 110,00')).toBe(false);
    expect(printed('tax', 71.51, '376,37   71,51   447,88')).toBe(true);
  });

  it('finds dates day-first, month-first and with month names', () => {
    expect(dateForms('2014-07-11')).toContain('11. juli 2014');
    expect(printed('invoice_date', '2014-07-11', 'Rechnungsdatum: 11. Juli 2014')).toBe(true);
    expect(printed('invoice_date', '2026-02-17', 'Invoice 103767\nFebruary 17, 2026')).toBe(true);
    expect(printed('invoice_date', '2018-03-05', 'vom 05.03.2018')).toBe(true);
    expect(printed('invoice_date', '2018-03-05', 'vom 15.03.2018')).toBe(false);
  });

  it('finds names with the page split into runs, and currencies by code or sign', () => {
    expect(printed('vendor', 'Taxiunternehmen TX GmbH', 'Taxiunternehmen   TX   GmbH')).toBe(true);
    expect(printed('currency', 'EUR', 'Summe 12,00 €')).toBe(true);
    expect(printed('currency', 'GBP', 'Summe 12,00 €')).toBe(false);
  });
});
