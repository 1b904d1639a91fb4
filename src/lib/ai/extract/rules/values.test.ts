/** Invoice numbers, the issue date and the currency on small hand-written pages (rules in ./values, ./currency). */
import { describe, expect, it } from 'vitest';
import { invoiceValues } from '../basic-extract';

const value = (text: string, field: string) => invoiceValues(text)[field]?.value ?? null;

describe('invoice number after a title', () => {
  it.each([
    ['Rechnung des Versicherers (575) Nr. 01.234.567.8-2018-1 vom 06.12.2018', '01.234.567.8-2018-1'],
    ['Mietrechnung (387) Nr. 9314110911/00/M/00/N vom 01.10.2018', '9314110911/00/M/00/N'],
    ['Facture d\'acompte n° FA-2026-12 du 3 mars 2026', 'FA-2026-12'],
    ['Faktura korygująca nr FK/7/2026', 'FK/7/2026'],
    ['                         Facture\nOVH SAS                  Référence : FR12345678', 'FR12345678'],
    ['FACTURA\nNúmero: A-2026-0033            Fecha de emisión: 02/03/2026\nTotal factura   371,00', 'A-2026-0033'],
    // The title alone, its number after a "… N°" cell under it.
    ['                      FACTURE\nLOGO ACME             AFFACTUREE N°        UC1_2023020_AFF', 'UC1_2023020_AFF']
  ])('%j → %s', (text, want) => expect(value(text, 'invoice_number')).toBe(want));

  it('after "nr" a number shaped like a date is the number ("Faktura nr 12/03/2026"), after "Date" it is not', () => {
    expect(value('Faktura nr 12/03/2026\nData wystawienia: 12.03.2026', 'invoice_number')).toBe('12/03/2026');
    expect(value('Invoice 12/03/2026\nTotal 10.00', 'invoice_number')).toBeNull();
  });

  it('a label inside a sentence is weaker than the title\'s number', () => {
    const text = 'Handelsrechnung (380) Nr. E2018092011804 vom 20.09.2018\nBei Schriftwechsel bitte Ihre Kundennummer 35040727 und Belegnummer 2018092011804 angeben';
    expect(value(text, 'invoice_number')).toBe('E2018092011804');
  });

  it('words between the title and "Nr." that hold a label make the number theirs', () => {
    expect(value('Rechnung an Kunde Nr. 4455\nBetrag 10,00', 'invoice_number')).toBeNull();
  });

  it('a label heading its cell still wins over a title', () => {
    expect(value('Rechnung 2026\nRechnungsnummer: RE-77', 'invoice_number')).toBe('RE-77');
  });
});

describe('the issue date, not another date', () => {
  it('words between a label and its date, a tax word among them ("ust." in Polish law text)', () => {
    const text = ['Data wystawienia, z zastrzeżeniem art. 106na ust. 1 ustawy: 31.10.2025', 'Data dokonania dostawy towarów:', '03.10.2025'].join('\n');
    expect(value(text, 'invoice_date')).toBe('2025-10-31');
  });

  it('another date\'s label between a label and a date takes the date away', () => {
    expect(value('Date      Lieferdatum: 03.10.2025\nRechnungsdatum: 31.10.2025', 'invoice_date')).toBe('2025-10-31');
  });

  it('a bare "Date" heading a column of line dates loses to "Invoice Date"; a bare one elsewhere loses to a specific one', () => {
    const text = ['Date         Description             Amount', '02/02/2026   Container haulage       450.00', 'Invoice No: HFL-2231', 'Invoice Date: 10/02/2026'].join('\n');
    expect(value(text, 'invoice_date')).toBe('2026-02-10');
  });

  it('the date and number of the invoice a credit note refers to are another invoice\'s', () => {
    const text = ['AVOIR N° : AV-2026-7', 'Date : 31/01/2026', 'N° DE FACTURE ASSOCIÉE : F20260003', 'DATE DE FACTURE ASSOCIÉE : 01/01/2026'].join('\n');
    expect([value(text, 'invoice_number'), value(text, 'invoice_date')]).toEqual(['AV-2026-7', '2026-01-31']);
  });

  it('a printing time stamp loses to the letter\'s place and date', () => {
    const text = ['Muster GmbH                           München, den          01.11.2024', 'Betrag  10,00', 'Datum: 30.10.2024 Zeit: 04:59:13 Seite: 1'].join('\n');
    expect(value(text, 'invoice_date')).toBe('2024-11-01');
  });

  it('"Paris, le 3 mars 2026" is the issue date', () => {
    expect(value('ACME SARL\nParis, le 3 mars 2026\nÉchéance : 2 avril 2026', 'invoice_date')).toBe('2026-03-03');
  });

  it('a due date in its column, a long sentence of the column on its left running under its head', () => {
    const text = ['  Beschreibung                                             Fälligkeit     Teilzahlung', '  Bitte überweisen Sie den Rechnungsbetrag auf das Konto.  21.11.2018'].join('\n');
    expect(value(text, 'due_date')).toBe('2018-11-21');
  });

  it('a French letter\'s "Le 12/02/2026" beside the number, and a sentence\'s full stop after a date', () => {
    const text = 'FACTURE\nN° : F-2026-0042                                    Le 12/02/2026\nBitte überweisen Sie den Betrag bis zum 16.02.2026.';
    expect([value(text, 'invoice_number'), value(text, 'invoice_date'), value(text, 'due_date')]).toEqual(['F-2026-0042', '2026-02-12', '2026-02-16']);
  });

  it('"Please remit until" is a due date', () => {
    expect(value('Invoice date 2020-11-21\nPlease remit until 2020-12-12.', 'due_date')).toBe('2020-12-12');
  });
});

describe('currency', () => {
  it('a sign standing alone in a sum label or a column head', () => {
    expect(value('Description   Price €\nDesk   191.00\nTotal € Incl. VAT   681.87', 'currency')).toBe('EUR');
    expect(value('Razem (zł)   1 230,00', 'currency')).toBe('PLN');
  });

  it('no sign anywhere: the VAT id\'s country says it, unsure', () => {
    const v = invoiceValues('Plomberie Dubois\nTVA intracom. FR 45 812345678\nTotal TTC   913,00');
    expect([v.currency?.value, v.currency?.confidence]).toEqual(['EUR', 0.45]);
    expect(invoiceValues('Fabryka Okien\nNIP PL 5252345678\nRazem 100,00').currency?.value).toBe('PLN');
  });
});
