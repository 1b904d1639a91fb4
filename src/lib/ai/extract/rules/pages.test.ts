/**
 * Whole pages written for these tests (not taken from any corpus), one per layout the rules meet on real
 * invoices: seller and buyer blocks side by side, a sender line over a window, a footer's legal mentions,
 * a payee, sums under a line-item table, withheld tax, a title over its number. Each field the page shows.
 */
import { describe, expect, it } from 'vitest';
import { invoiceValues } from '../basic-extract';

const PAGES: Record<string, { text: string; want: Record<string, unknown> }> = {
  nl1: {
    text: [
      'Bakkerij De Gouden Korenaar B.V.',
      'Dorpsstraat 12',
      '3512 AB Utrecht',
      'KvK: 12345678   BTW-nummer: NL123456789B01',
      'IBAN: NL91 ABNA 0417 1643 00',
      '',
      'FACTUUR',
      '',
      'Aan:',
      'Hotel Zonnehof',
      'Parkweg 8',
      '1017 CD Amsterdam',
      '',
      'Factuurnummer: 2026-0457',
      'Factuurdatum: 14 maart 2026',
      'Vervaldatum: 13 april 2026',
      '',
      'Omschrijving                 Aantal   Prijs      Bedrag',
      'Volkorenbrood                  40     € 2,50    € 100,00',
      'Croissants                    120     € 0,85    € 102,00',
      '',
      'Subtotaal                                       € 202,00',
      'BTW 9%                                          €  18,18',
      'Totaal te betalen                               € 220,18',
    ].join('\n'),
    want: { vendor: 'Bakkerij De Gouden Korenaar B.V.', invoice_number: '2026-0457', invoice_date: '2026-03-14', due_date: '2026-04-13', currency: 'EUR', subtotal: 202, tax: 18.18, total: 220.18 }
  },
  pl1: {
    text: [
      'FAKTURA VAT nr FV/2026/03/118',
      'Data wystawienia: 2026-03-05',
      'Data sprzedaży: 2026-03-04',
      'Termin płatności: 2026-03-19',
      '',
      'Sprzedawca:                          Nabywca:',
      'Drukarnia Orzeł Sp. z o.o.           Kawiarnia Pod Lipą s.c.',
      'ul. Długa 5                          ul. Krótka 2',
      '00-950 Warszawa                      30-001 Kraków',
      'NIP: 525-000-12-34                   NIP: 676-111-22-33',
      '',
      'Lp. Nazwa towaru lub usługi   Ilość  Cena netto  Wartość netto  Stawka VAT  Kwota VAT  Wartość brutto',
      '1   Ulotki A5                  1000      0,40        400,00         23%        92,00        492,00',
      '2   Plakaty A2                   20     12,00        240,00         23%        55,20        295,20',
      '',
      'Razem:                                                640,00                   147,20        787,20',
      'Do zapłaty: 787,20 PLN',
      'Słownie: siedemset osiemdziesiąt siedem 20/100 PLN',
    ].join('\n'),
    want: { vendor: 'Drukarnia Orzeł Sp. z o.o.', invoice_number: 'FV/2026/03/118', invoice_date: '2026-03-05', due_date: '2026-03-19', currency: 'PLN', subtotal: 640, tax: 147.2, total: 787.2 }
  },
  es1: {
    text: [
      'Talleres Mecánicos Hermanos Ruiz, S.L.',
      'CIF: B12345678',
      'Calle Mayor 14, 28013 Madrid',
      'Tel. 91 555 12 34',
      '',
      'FACTURA Nº: 2026/0091',
      'Fecha: 12/03/2026',
      '',
      'Cliente: Transportes Levante S.A.',
      'NIF: A87654321',
      '',
      'Concepto                         Importe',
      'Cambio de aceite y filtro         85,00 €',
      'Pastillas de freno               120,00 €',
      '',
      'Base imponible                   205,00 €',
      'IVA 21%                           43,05 €',
      'TOTAL                            248,05 €',
      'Forma de pago: transferencia. Vencimiento: 11/04/2026',
    ].join('\n'),
    want: { vendor: 'Talleres Mecánicos Hermanos Ruiz, S.L.', invoice_number: '2026/0091', invoice_date: '2026-03-12', due_date: '2026-04-11', currency: 'EUR', subtotal: 205, tax: 43.05, total: 248.05 }
  },
  de2: {
    text: [
      'Rechnung Nr. 4711                                             Berlin, 2. Februar 2026',
      '',
      'Von:                                    An:',
      'Softwarehaus Adler UG                   Kanzlei Weber & Partner',
      'Friedrichstr. 100                       Unter den Linden 5',
      '10117 Berlin                            10117 Berlin',
      'Steuernummer 30/123/45678',
      '',
      'Leistung                                       Betrag',
      'Wartungsvertrag Januar 2026                   500,00 €',
      'Zusatzstunden (3 h à 90 €)                    270,00 €',
      '',
      'Summe netto                                   770,00 €',
      'Umsatzsteuer 19 %                             146,30 €',
      'Gesamtbetrag                                  916,30 €',
      '',
      'Bitte überweisen Sie den Betrag bis zum 16.02.2026.',
    ].join('\n'),
    want: { vendor: 'Softwarehaus Adler UG', invoice_number: '4711', invoice_date: '2026-02-02', due_date: '2026-02-16', currency: 'EUR', subtotal: 770, tax: 146.3, total: 916.3 }
  },
  fr2: {
    text: [
      'FACTURE',
      'N° : F-2026-0042                                    Le 12/02/2026',
      'ÉMETTEUR                                             DESTINATAIRE',
      'Atelier Lumière EURL                                 Boulangerie Martin',
      '8 rue Victor Hugo                                    2 place de l\'Église',
      '69002 Lyon                                           69003 Lyon',
      'SIRET : 812 345 678 00019                            ',
      'Code NAF 7410Z - TVA intracom. FR 45 812345678',
      '',
      'Désignation                       Quantité   Prix unitaire HT   Montant HT',
      'Création logo                         1            600,00          600,00',
      'Cartes de visite (500)                1             90,00           90,00',
      '',
      '                                         Montant HT        690,00 €',
      '                                         TVA (20 %)        138,00 €',
      '                                         Montant TTC       828,00 €',
      'Conditions de paiement : 30 jours fin de mois',
    ].join('\n'),
    want: { vendor: 'Atelier Lumière EURL', invoice_number: 'F-2026-0042', invoice_date: '2026-02-12', currency: 'EUR', subtotal: 690, tax: 138, total: 828 }
  },
  en4: {
    text: [
      'QUALITY HOSTING LLC                                           INVOICE',
      '1200 Market Street, Suite 400                         Invoice No.      Date',
      'Philadelphia, PA 19107                                 QH-2026-0311     03/11/2026',
      'Phone: (215) 555-0101',
      '                                                      Customer ID     Terms',
      '                                                      C-4471          Net 30',
      'Ship To:                               Bill To:',
      'Riverside Dental Group                 Riverside Dental Group',
      '55 Oak Ave                             PO Box 99',
      'Camden, NJ 08102                       Camden, NJ 08101',
      '',
      'ITEM        DESCRIPTION                 QTY      UNIT PRICE       AMOUNT',
      'WEB-PRO     Managed hosting (annual)      1        1,188.00      1,188.00',
      'SSL-EV      EV certificate                1          249.00        249.00',
      '                                                   SUBTOTAL     1,437.00',
      '                                                   TAX RATE        6.000%',
      '                                                   SALES TAX       86.22',
      '                                                   OTHER            0.00',
      '                                                   TOTAL      $ 1,523.22',
      'Make all checks payable to Quality Hosting LLC',
    ].join('\n'),
    want: { vendor: 'QUALITY HOSTING LLC', invoice_number: 'QH-2026-0311', invoice_date: '2026-03-11', currency: 'USD', subtotal: 1437, tax: 86.22, total: 1523.22 }
  },
  en7: {
    text: [
      'INVOICE',
      '',
      'Invoice to:                                  Invoice #: 5521',
      'Sarah Connor                                 Date: 12 Jan 2026',
      'Cyberdyne Systems                            Due date: 26 Jan 2026',
      '18144 El Camino Real, Sunnyvale CA',
      '',
      'Item                               Amount',
      'Security consulting            USD 2,000.00',
      'Total                          USD 2,000.00',
      '',
      'Please make payment to:',
      'Kyle Reese Consulting LLC',
      'Account 000123456, Routing 121000358',
      'kyle@reeseconsulting.com',
    ].join('\n'),
    want: { vendor: 'Kyle Reese Consulting LLC', invoice_number: '5521', invoice_date: '2026-01-12', due_date: '2026-01-26', currency: 'USD', total: 2000 }
  },
  es3: {
    text: [
      'CONSULTORÍA NÚÑEZ Y ASOCIADOS S.L.',
      'Avda. de la Constitución 22, 41001 Sevilla - CIF B41234567',
      '',
      'FACTURA',
      'Número: A-2026-0033            Fecha de emisión: 02/03/2026',
      'Cliente: Hotel Giralda S.A. (CIF A41111111)',
      '',
      'Descripción                                  Importe',
      'Asesoría fiscal marzo                        350,00',
      'IRPF (-15%)                                  -52,50',
      'Base imponible                               350,00',
      'IVA (21%)                                     73,50',
      'Total factura                                371,00',
    ].join('\n'),
    want: { vendor: 'CONSULTORÍA NÚÑEZ Y ASOCIADOS S.L.', invoice_number: 'A-2026-0033', invoice_date: '2026-03-02', subtotal: 350, tax: 73.5, total: 371 }
  },
  de5: {
    text: [
      'RECHNUNG',
      'Rechnungsnummer: 10-2026-77',
      'Rechnungsdatum: 03.02.2026',
      'Kundennummer: 4455',
      '',
      'An',
      'Gemeinde Waldbach',
      'Rathausplatz 1',
      '74599 Waldbach',
      '',
      'Pos. Beschreibung                 Betrag',
      '1    Winterdienst Januar          1.200,00 €',
      'Nettobetrag                       1.200,00 €',
      'MwSt. 19 %                          228,00 €',
      'Rechnungsbetrag                   1.428,00 €',
      '',
      'Grünpflege Hartmann GmbH | Sitz: Waldbach | Amtsgericht Stuttgart HRB 765432 | Geschäftsführer: Tim Hartmann',
    ].join('\n'),
    want: { vendor: 'Grünpflege Hartmann GmbH', invoice_number: '10-2026-77', invoice_date: '2026-02-03', currency: 'EUR', subtotal: 1200, tax: 228, total: 1428 }
  },
  fr5: {
    text: [
      'OVH SAS',
      '2 rue Kellermann - 59100 Roubaix - France',
      '                                                Facture',
      '                                                Référence : FR12345678',
      '                                                Date : 01/03/2026',
      'Adresse de facturation :',
      'Jean Martin',
      '10 rue de Paris',
      '75001 Paris',
      'Description                                  Quantité   Prix unitaire HT   Prix total HT',
      'VPS Starter (1 mois)                             1            3,50             3,50',
      '                                              Total HT                         3,50 €',
      '                                              TVA (20%)                        0,70 €',
      '                                              Total TTC                        4,20 €',
      'OVH SAS au capital de 50 000 000 € - RCS Lille Métropole 424 761 419 00045 - TVA FR22424761419',
    ].join('\n'),
    want: { vendor: 'OVH SAS', invoice_number: 'FR12345678', invoice_date: '2026-03-01', currency: 'EUR', subtotal: 3.5, tax: 0.7, total: 4.2 }
  }
};

describe('whole pages in six languages', () => {
  it.each(Object.keys(PAGES))('%s', (name) => {
    const { text, want } = PAGES[name];
    const v = invoiceValues(text);
    const got = Object.fromEntries(Object.keys(want).map((field) => [field, v[field]?.value ?? null]));
    expect(got).toEqual(want);
  });
});
