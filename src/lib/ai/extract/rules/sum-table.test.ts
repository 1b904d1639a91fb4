/** Tax summary tables read by their columns, and the sums checked with them; small hand-written pages. */
import { describe, expect, it } from 'vitest';
import { invoiceValues } from '../basic-extract';
import { sumTableHeader, sumTables } from './sum-table';

const sums = (text: string) => {
  const v = invoiceValues(text);
  return [v.subtotal?.value ?? null, v.tax?.value ?? null, v.total?.value ?? null];
};

describe('sumTableHeader', () => {
  it.each([
    ['Code    Taux     Base TVA      Montant TVA', ['rate', 'rate', 'net', 'tax']],
    ['Gesamt      Netto EUR     MwSt. EUR     Brutto EUR', ['gross', 'net', 'tax', 'gross']],
    ['  VAT     Net amount    VAT amount', ['tax', 'net', 'tax']],
    ['Taxe      Base      Montant', ['tax', 'net', 'tax']],
    ['Stawka podatku     Kwota netto     Kwota podatku     Kwota brutto', ['rate', 'net', 'tax', 'gross']]
  ])('%s', (line, roles) => {
    const columns = sumTableHeader(line);
    expect(columns?.map((c) => c.role).filter((r) => r !== 'rate')).toEqual(roles.filter((r) => r !== 'rate'));
  });

  it.each([
    'Qty   Description   VAT   Total', // a line-item table
    'Net 100.00   VAT 19.00   Total 119.00', // three labelled sums on a line
    '공급가액  419,000원  세액  41,900원', // labels with their amounts beside them
    'Détail TVA (motif si exonération, code E, O, K, AE)', // a tax word in a sentence
    'Montant'
  ])('%s is no header', (line) => expect(sumTableHeader(line)).toBeNull());
});

describe('sums read by columns', () => {
  it('a rate column is never an amount, the base never the tax', () => {
    const text = ['Taux      Base TVA      Montant TVA', '20,00%        11,00             2,20', '10,00%        27,00             2,70', 'Total TTC  42,90 €'].join('\n');
    expect(sums(text)).toEqual([38, 4.9, 42.9]);
  });

  it('rows per rate add up; a row that is the sum of the others is the totals row', () => {
    const text = [
      'Nettobetrag    MwSt-Betrag   MwSt-%      Endbetrag',
      '   321,40          61,07      19,0          382,47',
      '   127,59           8,93       7,0          136,52',
      '   448,99          70,00       EUR          518,99'
    ].join('\n');
    expect(sumTables(text.split('\n'))[0]).toMatchObject({ net: 448.99, tax: 70, gross: 518.99, checked: true });
    expect(sums(text)).toEqual([448.99, 70, 518.99]);
  });

  it('values a few lines under their heads, beside notes in another column', () => {
    const text = [
      'Payment terms apply.                                  TOTAL HT     TOTAL TVA     TOTAL TTC',
      'A late fee of 40 € is due.',
      'No discount for early payment.                          100,00          10,00        110,00',
      '                                                       Acompte :                    10,00',
      'Date d\'échéance : 30/01/2019                         NET A PAYER               100,00 EUR'
    ].join('\n');
    expect(sums(text)).toEqual([100, 10, 110]);
  });

  it('a wide column with its head on the left and its amounts on the right', () => {
    const text = ['Stawka     Kwota netto                  Kwota podatku                 Kwota brutto', '23%                       1 000,00                      230,00                     1 230,00'].join(
      '\n'
    );
    expect(sums(text)).toEqual([1000, 230, 1230]);
  });

  it('a long table of items with their tax is summed whole, and a sum labelled beside a table head is still read', () => {
    const rows = Array.from({ length: 14 }, (_, i) => `Item ${i + 1}            10,00       2,00       12,00`);
    expect(sums(['Description       Net        VAT        Gross', ...rows].join('\n'))).toEqual([140, 28, 168]);
    const beside = ['      Tax        Base        Amount                      Net total   2,076.76 €', 'TVA 0%    2,076.76 €    0.00 €', '                                    Tax Total    0.00 €', '                                        Total    2,076.76 €'];
    expect(sums(beside.join('\n'))).toEqual([2076.76, 0, 2076.76]);
  });

  it('the tax table beside the labelled sums: "Taxe · Base · Montant" and "Total HT" on one line', () => {
    const text = [
      'Taxe             Base        Montant                 Total HT      624,90 €',
      'TVA 20,0%        81,90 €     16,38 €',
      '                                                     Total taxes    46,25 €',
      'TVA 5,5%         543,00 €    29,87 €',
      '                                                     Total TTC     671,15 €'
    ].join('\n');
    expect(sums(text)).toEqual([624.9, 46.25, 671.15]);
  });
});

describe('sums, checked', () => {
  it('a credit note\'s negative sums are read as amounts', () => {
    expect(sums('Total HT  -218,48 €\nTotal taxes  -14,99 €\nTotal TTC  -233,47 €')).toEqual([218.48, 14.99, 233.47]);
  });

  it('the base a rate is taken of is not the tax', () => {
    expect(sums('Positionen netto  804,35 €\nUSt. 19,00% auf 804,35 €   152,83 €\nEndsumme  957,18 €')).toEqual([804.35, 152.83, 957.18]);
  });

  it('a label in brackets qualifies the label before it', () => {
    expect(sums('Nettobetrag (zzgl. 19,00% MwSt.)      376,37\nMwSt.   71,51\nSumme gesamt    447,88')).toEqual([376.37, 71.51, 447.88]);
  });

  it('a bare rate without its "%" before the tax is not the tax', () => {
    expect(sums('Netto   1.000,00\nMwSt 19   190,00\nGesamt   1.190,00')).toEqual([1000, 190, 1190]);
    expect(sums('Netto   1.000,00\nMwSt 19   190,00\nGesamt   1.200,00')[1]).toBe(190);
  });

  it('a zero tax checks out only where no real one does', () => {
    expect(sums('Subtotal  100,00\nVAT 0%  0,00\nVAT 10%  10,00\nTotal  110,00')).toEqual([100, 10, 110]);
  });

  it('a computed total the page prints is sure, one it does not print asks for a look', () => {
    const shown = invoiceValues('Net total: 496.00 €\nVAT total: 75.04 €\nTo pay by transfer: 571.04 €');
    expect([shown.total?.value, shown.total?.confidence]).toEqual([571.04, 0.8]);
    const unseen = invoiceValues('Net total: 496.00 €\nVAT total: 75.04 €');
    expect(unseen.total?.value).toBe(571.04);
    expect(unseen.total?.confidence).toBeLessThan(0.6);
  });

  it('a sum computed from the others is not shown by the line it was computed from', () => {
    const v = invoiceValues('Charges   $1,204.55\nTax   $0.00\nTotal for this invoice   $1,200.00');
    expect(v.subtotal?.value).toBe(1200);
    expect(v.subtotal?.confidence).toBeLessThan(0.6);
  });

  it('tax withheld (IRPF) is taken off the total to pay, and the sums check out', () => {
    const v = invoiceValues('Base imponible   350,00\nIVA (21%)   73,50\nIRPF (-15%)   -52,50\nTotal factura   371,00');
    expect([v.subtotal?.value, v.tax?.value, v.total?.value, v.total?.confidence]).toEqual([350, 73.5, 371, 0.9]);
  });

  it('labels in Spanish: total parcial, total impuestos, saldo adeudado; a rate is not the tax', () => {
    expect(sums('TOTAL PARCIAL   1419.00\nTASA DE IMPUESTO   15,00%\nTOTAL IMPUESTOS   302.00\nSaldo adeudado   1721.00')).toEqual([1419, 302, 1721]);
  });
});
