/** The lexicon finds each field's labels in eight languages, and the longer label wins where two overlap. */
import { describe, expect, it } from 'vitest';
import { fold, labelsInLine } from './compile';

const fields = (line: string) => labelsInLine(line).map((h) => [h.field, h.text]);

describe('labelsInLine', () => {
  it.each([
    ['Rechnungs-Nr.: 2026-114', [['invoice_number', 'Rechnungs-Nr.']]],
    ['RECHNUNGSNUMMER 2026-114', [['invoice_number', 'RECHNUNGSNUMMER']]],
    ['Facture n° F-2026-01', [['invoice_number', 'Facture n°']]],
    ['N° de facture : 123', [['invoice_number', 'N° de facture']]],
    ['Factuurnummer 77', [['invoice_number', 'Factuurnummer']]],
    ['Numer faktury: FV/1/2026', [['invoice_number', 'Numer faktury']]],
    ['Número de factura: A-1', [['invoice_number', 'Número de factura']]],
    ['Fattura n. 88', [['invoice_number', 'Fattura n.']]],
    ['청구번호: 2026-1', [['invoice_number', '청구번호']]],
    ['Data wystawienia: 2026-03-01', [['invoice_date', 'Data wystawienia']]],
    ['Date de facture : 1er mars', [['invoice_date', 'Date de facture']]],
    ['Fälligkeitsdatum 01.04.2026', [['due_date', 'Fälligkeitsdatum']]],
    ['FALLIGKEITSDATUM 01.04.2026', [['due_date', 'FALLIGKEITSDATUM']]],
    ['Payment due date: 1 Apr', [['due_date', 'Payment due date']]],
    ['Order date: 1 Apr', [['other_date', 'Order date']]],
    ['Total HT  1 000,00 €', [['subtotal', 'Total HT']]],
    ['Total TTC 1 200,00 €', [['total', 'Total TTC']]],
    ['Total (incl. tax)   £1,049.57', [['total', 'Total (incl. tax']]],
    ['Razem netto: 1 500,00', [['subtotal', 'Razem netto']]],
    ['Do zapłaty: 1 230,00 zł', [['total', 'Do zapłaty']]],
    ['Te betalen € 121,00', [['total', 'Te betalen']]],
    ['Zwischensumme 100,00', [['subtotal', 'Zwischensumme']]],
    ['USt-IdNr.: DE123456789', [['vat_id', 'USt-IdNr.']]],
    ['MwSt. 19%  190,00', [['tax', 'MwSt.']]],
    ['VAT No: GB123456789', [['vat_id', 'VAT No']]],
    ['Bill To: Orchard', [['buyer', 'Bill To']]],
    ['Sprzedawca:     Nabywca:', [['seller', 'Sprzedawca'], ['buyer', 'Nabywca']]],
    // Two labels in two columns stay two labels: a wide gap is not inside a label.
    ['Invoice Date                Due Date', [['invoice_date', 'Invoice Date'], ['due_date', 'Due Date']]],
    // Whole words only in Latin scripts; a payment term is not a net amount.
    ['Straße 12, Totalreparatur', []],
    ['Net 30 days', []],
    ['Vandaag', []]
  ])('%s', (line, want) => expect(fields(line)).toEqual(want));
});

describe('fold', () => {
  it('drops accents one letter for one, so positions stay', () => {
    const text = 'Fälligkeit Łódź Société Straße';
    expect(fold(text)).toBe('Falligkeit Lodz Societe Straße');
    expect(fold(text).length).toBe(text.length);
  });
});
