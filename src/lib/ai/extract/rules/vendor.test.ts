/** Who issued the invoice, on small hand-written pages: labels are never names, the buyer is never the seller. */
import { describe, expect, it } from 'vitest';
import { extractBasic, invoiceValues } from '../basic-extract';
import { INVOICE_FIELDS } from '../fields';
import { findVatIds } from '../parse/vat-id';
import { salutes } from './blocks';

const vendorOf = (text: string) => invoiceValues(text).vendor?.value ?? null;

describe('a label word is never the vendor', () => {
  it.each([
    ['SELLER TRADE NAME                 Adresse du Client\nNORDWIND SAS                        L\'ACHETEUR\n12 rue des Lilas', 'NORDWIND SAS'],
    ['Vendeur    Raison sociale\nAtelier Brume\n3 place du Marché', 'Atelier Brume'],
    ['Verkäufer:\nFirma\nHolzwerk Tannen KG\nWaldweg 2', 'Holzwerk Tannen KG'],
    // The buyer's label in the next column is no name: the seller's is below.
    ['Von:                     An:\nSoftwarehaus Adler UG    Kanzlei Weber\nFriedrichstr. 100        Unter den Linden 5', 'Softwarehaus Adler UG']
  ])('%j', (text, want) => expect(vendorOf(text)).toBe(want));
});

describe('the name after a seller label', () => {
  it('the name before its address on the same line', () => {
    expect(vendorOf('Sprzedawca: Studio Graficzne Mewa Anna Nowak, ul. Morska 4, 80-001 Gdańsk, NIP 5841234567\nNabywca: Hurtownia Bałtyk Sp. z o.o.')).toBe(
      'Studio Graficzne Mewa Anna Nowak'
    );
  });
});

describe('the name after "From:"', () => {
  it('stops where its address begins, keeps ", S.L." or ", Inc."', () => {
    expect(vendorOf('From: Maria Lopez Design, 4 Rose St, Leeds LS1 1AA\nTo: Hillside Bakery Ltd')).toBe('Maria Lopez Design');
    expect(vendorOf('Proveedor: Talleres Ruiz, S.L.\nCliente: Transportes Levante S.A.')).toBe('Talleres Ruiz, S.L.');
  });
});

describe('a legal form alone joins the words before it', () => {
  it('"Lieferant GmbH" under key lines: the seller word is the name\'s first word', () => {
    const text = ['Verkäufer:', 'Nummer        : 77120', 'Globale Nummer: 4000001123452 (GLN)', 'Lieferant GmbH', 'Hafenstraße 3', 'Käufer:', 'Kunden AG'].join('\n');
    expect(vendorOf(text)).toBe('Lieferant GmbH');
  });

  it('a name over two lines in a key-value block, its key beside the second', () => {
    const text = ['Verkäufer', 'Nummer:          4410', '                 Stadtwerke Eichenau', 'Name:            Versorgungsbetriebe a.G.', 'Anschrift:       Ringstr. 4'].join('\n');
    expect(vendorOf(text)).toBe('Stadtwerke Eichenau Versorgungsbetriebe a.G.');
  });
});

describe('the seller block beats the buyer block and the window', () => {
  it('a person addressed ("M.", "Herrn", "z. Hd.") marks the recipient\'s block, the legal mentions name the issuer', () => {
    const text = [
      'Date de facture : 02/11/2026',
      'N° de facture   : 5520193                          M DUPONT JEAN',
      '                                                   DUPONT CONSEIL SARL',
      '                                                   4 rue Haute',
      'Total TTC  12,99 €',
      'RESEAU VERT - Société Anonyme au capital de 1 000 000 € - RCS PARIS - FR 40 303 265 045'
    ].join('\n');
    expect(vendorOf(text)).toBe('RESEAU VERT');
  });

  it('the sender line over the address window is the issuer, the window the recipient', () => {
    const text = ['brightdesk.io | Kanalstraße 7 | 20457 Hamburg', 'Kunde Beispiel AG', 'Feldweg 34', '54321 Hithausen', 'Rechnung RE-1001'].join('\n');
    expect(vendorOf(text)).toBe('brightdesk.io');
  });

  it('two address blocks and no label: the one the page\'s own e-mail spells', () => {
    const text = [
      'Invoice 103767',
      'Harbor Imports Corporation                                   LUMEN TOOLS',
      'Station Road 21                                             Hofstraße 12',
      '48436 Düsseldorf                                            20097 Hamburg',
      'Your Reference     Salesperson     Due Date',
      '                   D. Hembrock     March 3, 2026',
      'No.     Description          Quantity     Line Amount',
      '1908-S  Desk chair, blue           3           573.00',
      'Subtotal  573.00',
      'VAT Registration No.   Email',
      'DE777777777            info@lumentools.com'
    ].join('\n');
    expect(vendorOf(text)).toBe('LUMEN TOOLS');
  });

  it('a recipient\'s e-mail in the address blocks at the top does not make them the issuer', () => {
    const text = [
      'Global Widgets Ltd                                          Orchard Cafe',
      '1 Mill Lane, Leeds LS1 1AA                                  orders@orchardcafe.com',
      'Invoice 77',
      'Total  120.00'
    ].join('\n');
    expect(vendorOf(text)).toBe('Global Widgets Ltd');
  });

  it('no label, no letterhead company: the payee is the issuer, marked to check when it is no company', () => {
    const text = ['INVOICE', 'Invoice to:                         Invoice #: 5521', 'Sarah Connor                        Date: 12 Jan 2026', 'Security consulting   USD 2,000.00', 'Total   USD 2,000.00', 'Please make payment to:', 'Kyle Reese Consulting LLC', 'Account 000123456'].join('\n');
    expect(invoiceValues(text).vendor).toMatchObject({ value: 'Kyle Reese Consulting LLC', confidence: 0.6 });
  });

  it('the company of the legal mentions in the footer, the block under "An" being the recipient\'s', () => {
    const de = ['RECHNUNG', 'Rechnungsnummer: 10-2026-77', 'An', 'Gemeinde Waldbach', 'Rathausplatz 1', 'Rechnungsbetrag  1.428,00 €', 'Grünpflege Hartmann GmbH | Sitz: Waldbach | Amtsgericht Stuttgart HRB 765432'];
    expect(vendorOf(de.join('\n'))).toBe('Grünpflege Hartmann GmbH');
    const en = ['INVOICE', 'Invoice number: 70012', 'Customer:', 'Oakwood Primary School', 'Total  162.00', 'Techfix Solutions Ltd is registered in England and Wales No. 09876543.'];
    expect(vendorOf(en.join('\n'))).toBe('Techfix Solutions Ltd');
  });

  it('an unsure vendor is marked to check', () => {
    const r = extractBasic('Thank you for your order\nTotal 10.00', INVOICE_FIELDS);
    expect(r.fields.vendor.value === null || r.fields.vendor.check === true).toBe(true);
  });
});

describe('salutes', () => {
  it.each([
    ['Herrn Max Mustermann', true],
    ['M. DUPONT', true],
    ['z. Hd. Frau Weber', true],
    ['Mme Claire Roux', true],
    ['Pan Jan Kowalski', true],
    ['Muster GmbH', false],
    ['Mrs', false],
    ['m², 3 Stück', false]
  ])('%s', (text, want) => expect(salutes(text)).toBe(want));
});

describe('VAT ids', () => {
  it('a lowercase country code in a sentence is no VAT id ("capital de 712 588 399")', () => {
    expect(findVatIds('au capital de 712 588 399,56 €')).toEqual([]);
    expect(findVatIds('USt-IdNr. DE 123 456 789').map((v) => v.id)).toEqual(['DE123456789']);
  });
});
