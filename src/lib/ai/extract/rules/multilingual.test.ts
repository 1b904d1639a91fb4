/**
 * Whole invoices in German, French, Dutch, Polish, Spanish, Italian and US English (written for these tests,
 * not taken from any corpus): every preset field from labels in the invoice's own language, the vendor as
 * the issuer even where the buyer's block comes first or sits beside it, and the sums checked together.
 */
import { describe, expect, it } from 'vitest';
import { invoiceValues } from '../basic-extract';

const INVOICES: Record<string, string> = {
  'de': `Muster Technik GmbH · Hauptstraße 12 · 10115 Berlin
Muster Technik GmbH
Hauptstraße 12
10115 Berlin
USt-IdNr.: DE123456789

Kunde:
Beispiel AG
Bahnhofstr. 5
80331 München

Rechnung
Rechnungs-Nr.: RE-2026-0113
Rechnungsdatum: 14. März 2026
Lieferdatum: 10.03.2026
Fällig bis: 28.03.2026

Pos.  Bezeichnung          Menge   Einzelpreis   Gesamt
1     Wartung Server       2       450,00 €      900,00 €
2     Lizenz Office        3       100,00 €      300,00 €

Nettobetrag                         1.200,00 €
zzgl. 19% MwSt.                       228,00 €
Gesamtbetrag                        1.428,00 €

IBAN: DE89 3704 0044 0532 0130 00   BIC: COBADEFFXXX`,
  'fr': `FACTURE
Atelier Lumière SARL
12 rue de la Paix, 75002 Paris
N° TVA intracommunautaire : FR40303265045

Client : Boulangerie Dupont
8 avenue Foch, 69006 Lyon

Facture n° F2026-042
Date de facture : 1er mars 2026
Date d'échéance : 31/03/2026

Désignation            Qté    Prix unitaire HT    Montant HT
Luminaire suspendu     4      125,00              500,00
Installation           1      250,00              250,00

Total HT                          750,00 €
TVA 20 %                          150,00 €
Total TTC                         900,00 €`,
  'nl': `Van der Berg Installaties B.V.
Kerkstraat 1
1012 AB Amsterdam
BTW-nummer: NL123456789B01
KvK: 12345678

Factuur
Factuurnummer: 2026-0077
Factuurdatum: 5 februari 2026
Vervaldatum: 19-02-2026

Aan: Jansen Bakkerij
Dorpsweg 3, Utrecht

Omschrijving          Aantal    Prijs      Bedrag
Onderhoud CV          1         € 95,00    € 95,00
Thermostaat           2         € 60,00    € 120,00

Subtotaal             € 215,00
BTW 21%               € 45,15
Totaal                € 260,15`,
  'pl': `Faktura VAT nr FV/12/2026
Data wystawienia: 2026-04-02
Termin płatności: 16.04.2026

Sprzedawca:                          Nabywca:
Kowalski Sp. z o.o.                  Nowak S.A.
ul. Długa 5, 00-001 Warszawa         ul. Krótka 7, 30-002 Kraków
NIP: PL 526-000-12-46                NIP: 677-000-00-00

Lp.  Nazwa towaru lub usługi   Ilość   Cena netto   Wartość netto
1    Usługa doradcza           10      150,00       1 500,00

Razem netto: 1 500,00 zł
VAT 23%: 345,00 zł
Do zapłaty: 1 845,00 zł`,
  'es': `Soluciones Ibéricas S.L.
Calle Mayor 10, 28013 Madrid
CIF: ESB12345674

FACTURA
Número de factura: A-2026/015
Fecha de factura: 3 de marzo de 2026
Fecha de vencimiento: 02/04/2026

Cliente: Restaurante El Sol

Concepto             Cantidad   Precio     Importe
Consultoría          5          80,00 €    400,00 €

Base imponible       400,00 €
IVA 21%              84,00 €
Total factura        484,00 €`,
  'it': `Rossi Forniture S.r.l.
Via Roma 1, 20121 Milano
Partita IVA: IT12345678901

Spett.le Bianchi S.p.A.
Via Verdi 2, Torino

Fattura n. 2026/88
Data fattura: 15/05/2026
Scadenza: 14 giugno 2026

Descrizione         Quantità   Prezzo     Importo
Sedie ufficio       6          45,00      270,00

Imponibile          270,00 €
IVA 22%             59,40 €
Totale documento    329,40 €`,
  'en-us': `BILL TO                                   INVOICE
Jane Smith                                Invoice #: 10234
12 Elm St, Springfield                    Date: 03/04/2026
                                          Due Date: 04/03/2026
FROM
Acme Widgets LLC
500 Industrial Way, Dayton, OH

Description        Qty    Rate      Amount
Widgets            10     $12.50    $125.00

Subtotal           $125.00
Sales Tax (8%)     $10.00
Total              $135.00`
};

const WANT = {
  'de': { vendor: "Muster Technik GmbH", invoice_number: 'RE-2026-0113', invoice_date: '2026-03-14', due_date: '2026-03-28', currency: 'EUR', subtotal: 1200, tax: 228, total: 1428, items: 2 },
  'fr': { vendor: "Atelier Lumière SARL", invoice_number: 'F2026-042', invoice_date: '2026-03-01', due_date: '2026-03-31', currency: 'EUR', subtotal: 750, tax: 150, total: 900, items: 2 },
  'nl': { vendor: "Van der Berg Installaties B.V.", invoice_number: '2026-0077', invoice_date: '2026-02-05', due_date: '2026-02-19', currency: 'EUR', subtotal: 215, tax: 45.15, total: 260.15, items: 2 },
  'pl': { vendor: "Kowalski Sp. z o.o.", invoice_number: 'FV/12/2026', invoice_date: '2026-04-02', due_date: '2026-04-16', currency: 'PLN', subtotal: 1500, tax: 345, total: 1845, items: 1 },
  'es': { vendor: "Soluciones Ibéricas S.L.", invoice_number: 'A-2026/015', invoice_date: '2026-03-03', due_date: '2026-04-02', currency: 'EUR', subtotal: 400, tax: 84, total: 484, items: 1 },
  'it': { vendor: "Rossi Forniture S.r.l.", invoice_number: '2026/88', invoice_date: '2026-05-15', due_date: '2026-06-14', currency: 'EUR', subtotal: 270, tax: 59.4, total: 329.4, items: 1 },
  'en-us': { vendor: "Acme Widgets LLC", invoice_number: '10234', invoice_date: '2026-03-04', due_date: '2026-04-03', currency: 'USD', subtotal: 125, tax: 10, total: 135, items: 1 }
};

describe('invoices in the lexicon\'s languages', () => {
  it.each(Object.keys(WANT) as Array<keyof typeof WANT>)('%s', (lang) => {
    const v = invoiceValues(INVOICES[lang]);
    const { items, ...fields } = WANT[lang];
    expect(Object.fromEntries(Object.keys(fields).map((k) => [k, v[k]?.value ?? null]))).toEqual(fields);
    expect((v.line_items?.value as unknown[] | undefined)?.length ?? 0).toBe(items);
    // Net + tax = gross held, so each sum is sure.
    for (const k of ['subtotal', 'tax', 'total']) expect(v[k]?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('the vendor is the issuer, not the bill-to that comes first', () => {
    expect(invoiceValues('Bill to: Orchard Street Cafe\n12 Dock Road\nNorthwind Supplies Ltd.\nVAT No: GB123456789\nInvoice No: 5').vendor?.value).toBe('Northwind Supplies Ltd.');
    expect(invoiceValues('Kunde:\nBeispiel AG\nBahnhofstr. 5\n\nMuster Technik GmbH\nUSt-IdNr.: DE123456789').vendor?.value).toBe('Muster Technik GmbH');
    expect(invoiceValues('Nabywca: Nowak S.A.\nSprzedawca: Kowalski Sp. z o.o.').vendor?.value).toBe('Kowalski Sp. z o.o.');
  });
});

describe('sums cross-checked', () => {
  it('net + tax = gross picks the gross among the amounts labelled total', () => {
    const v = invoiceValues('Total  1.000,00 €\nMwSt 19%  190,00 €\nGesamtbetrag  1.190,00 €\nGesamt (Seite 1)  500,00 €');
    expect([v.subtotal?.value, v.tax?.value, v.total?.value]).toEqual([1000, 190, 1190]);
  });

  it('a summary row with its three sums side by side', () => {
    const v = invoiceValues('Razem:  1 500,00  345,00  1 845,00 PLN');
    expect([v.subtotal?.value, v.tax?.value, v.total?.value]).toEqual([1500, 345, 1845]);
  });

  it('without parts, the largest amount labelled total', () => {
    expect(invoiceValues('Total page 1: $40.00\nTotal: $140.00\nAmount paid: $40.00').total?.value).toBe(140);
  });

  it('sums that fail the check stay, with a confidence that asks for a look', () => {
    const v = invoiceValues('Subtotal $100.00\nTax $8.00\nTotal $118.00');
    expect(v.total?.value).toBe(118);
    expect(v.total?.confidence).toBeLessThan(0.6);
  });
});

describe('layout: a label pairs with the value to its right or directly below it', () => {
  it('values under their labels in the same column, other columns ignored', () => {
    const text = [
      'Nordlicht Design GmbH',
      'Rechnungsnummer     Datum            Kundennummer',
      'R-2026-771          12.02.2026       K-1002',
      '                                     Fällig am',
      '                                     26.02.2026'
    ].join('\n');
    const v = invoiceValues(text);
    expect([v.invoice_number?.value, v.invoice_date?.value, v.due_date?.value]).toEqual(['R-2026-771', '2026-02-12', '2026-02-26']);
  });

  it('a label whose right-hand neighbour is not its value looks below', () => {
    const v = invoiceValues('Due Date     Ref\n11/30/2026   x\nTotal  $5.00');
    expect(v.due_date?.value).toBe('2026-11-30');
  });
});

describe('line items from a headed table', () => {
  it('a row whose amount is not quantity × price (a discount) is still read, by its columns', () => {
    const text = [
      'Beschreibung          Menge     Einzelpreis     Rabatt     Gesamt',
      'Wartung Server        2         450,00          10 %       810,00',
      'Lizenz Office         3         100,00                     300,00',
      'Nettobetrag                                                1.110,00'
    ].join('\n');
    const items = invoiceValues(text).line_items;
    expect(items?.value).toEqual([
      { description: 'Wartung Server', quantity: 2, unit_price: 450, amount: 810 },
      { description: 'Lizenz Office', quantity: 3, unit_price: 100, amount: 300 }
    ]);
    // The items add up to the net, which vouches for them; without that line they are less sure.
    expect(items?.confidence).toBe(0.95);
    const alone = invoiceValues(text.split('\n').slice(0, 3).join('\n')).line_items;
    expect(alone?.value).toHaveLength(2);
    expect(alone?.confidence).toBeLessThan(0.8);
  });
});

describe('form-like renderings', () => {
  it('a seller block of "Key: value" lines gives its Name line; a type code before "Nr." is skipped', () => {
    const text = [
      'Schlussrechnung (380) Nr. 2026-5521 vom 04.05.2026',
      'Verkäufer',
      'Nummer:          88120',
      'Name:            Werkstatt Ost GmbH',
      'Anschrift:       Ringstraße 4',
      'Käufer',
      'Nummer:          1001',
      'Name:            Café Lindner KG'
    ].join('\n');
    const v = invoiceValues(text);
    expect([v.vendor?.value, v.invoice_number?.value, v.invoice_date?.value]).toEqual(['Werkstatt Ost GmbH', '2026-5521', '2026-05-04']);
  });

  it('a title alone on its line with the number alone below it', () => {
    expect(invoiceValues('FACTURA\nFV/2026/00031\nNorte Diseño S.L.').invoice_number?.value).toBe('FV/2026/00031');
  });
});

describe('sum blocks with more amounts than the sums', () => {
  it('allowances, prepayments and payment terms do not pass for the sums', () => {
    const text = [
      'Positionssumme                          800,00',
      'Gesamtbetrag der Zuschläge                0,00',
      'Gesamtbetrag der Abschläge               -0,00',
      'Rechnungssumme ohne USt.                800,00',
      'Steuerbetrag                            152,00',
      'Bruttosumme                             952,00',
      'Erhaltene Anzahlungen                    -0,00',
      'Zahlbetrag                              952,00',
      'Zahlbar innerhalb 30 Tagen netto, 2% Skonto innerhalb 10 Tagen'
    ].join('\n');
    const v = invoiceValues(text);
    expect([v.subtotal?.value, v.tax?.value, v.total?.value]).toEqual([800, 152, 952]);
    expect(v.total?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('seller labels', () => {
  it('a name that starts with a seller word is a name; a seller word inside a sentence is no label', () => {
    expect(invoiceValues('Verkäufer:\nLieferant Schmidt GmbH\nBahnweg 2').vendor?.value).toBe('Lieferant Schmidt GmbH');
    const terms = 'Nordwerk AG\nRechnung Nr. 55\nDer Verkäufer bleibt Eigentümer der Waren bis zur Zahlung.';
    expect(invoiceValues(terms).vendor?.value).toBe('Nordwerk AG');
  });
});

describe('the title line\'s date', () => {
  it.each([
    ['Rechnung Nr. 2026-17 vom 05.03.2026\nBestellung vom 01.03.2026', '2026-03-05'],
    ['Facture n° 12 du 1er mars 2026', '2026-03-01'],
    ['Invoice 7731 dated 4 May 2026', '2026-05-04']
  ])('%j', (text, iso) => expect(invoiceValues(text).invoice_date?.value).toBe(iso));
});

describe('a check that proves nothing is no check', () => {
  it('a zero net or a tax larger than the net does not make a sum sure', () => {
    const v = invoiceValues('Remise  0,00\nTotal HT  0,00 €\nTVA  100,00 €\nTotal TTC  100,00 €');
    expect(v.total?.confidence).toBeLessThan(0.9);
  });
});
