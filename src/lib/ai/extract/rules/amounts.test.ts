import { describe, expect, it } from 'vitest';
import { findAmounts, parseAmount } from './amounts';
import { detectCurrency } from './currency';

describe('parseAmount reads the separators of each locale', () => {
  it.each([
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234,000', 1234000],
    ['1.234.000', 1234000],
    ['12,50', 12.5],
    ['12.5', 12.5],
    ['1,234', 1234],
    ['999', 999],
    ['0.00', 0],
    ["1'234.50", 1234.5],
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['12 345 678,90', 12345678.9],
    ['abc', null]
  ])('%s → %s', (raw, value) => expect(parseAmount(raw)).toBe(value));
});

describe('findAmounts finds money with its currency, and nothing else', () => {
  it.each([
    ['Total  $1,234.56', [[1234.56, 'USD']]],
    ['Summe: 1.234,56 €', [[1234.56, 'EUR']]],
    ['Amount due EUR 2,681.80', [[2681.8, 'EUR']]],
    ['Total £1,230.25', [[1230.25, 'GBP']]],
    ['합계  ₩1,234,000', [[1234000, 'KRW']]],
    ['청구금액: 1,234,000원', [[1234000, 'KRW']]],
    ['VAT 20%: £200.00', [[200, 'GBP']]],
    ['부가세(10%)  93,200원', [[93200, 'KRW']]],
    ['Invoice No. INV-2026-0042 dated 2026-03-01', []],
    ['복사용지 A4  12  37,000원  444,000원', [[12, undefined], [37000, 'KRW'], [444000, 'KRW']]],
    ['Website design  3  £173.33  £519.99', [[3, undefined], [173.33, 'GBP'], [519.99, 'GBP']]],
    ['Due 25/02/2026', []],
    ['Do zapłaty: 1 845,00 zł', [[1845, 'PLN']]],
    ['Total TTC 1 200,00 €', [[1200, 'EUR']]],
    ['Totaal € 260,15', [[260.15, 'EUR']]],
    ['Betrag: CHF 1\'234.50', [[1234.5, 'CHF']]],
    ['Mo.-Fr. 08.30 - 12.30 Uhr', [[8.3, undefined], [12.3, undefined]]],
    ['Razem 1 500,00 PLN', [[1500, 'PLN']]],
    // A quantity and a price stay apart in a table's columns; one space between them reads as 2 437,32.
    ['Cable ties  2  437,32', [[2, undefined], [437.32, undefined]]]
  ])('%s', (line, want) => {
    expect(findAmounts(line).map((a) => [a.value, a.currency])).toEqual(want);
  });
});

describe('detectCurrency', () => {
  it.each([
    [['Total $10.00', 'Tax $1.00'], 'USD'],
    [['Summe 10,00 €'], 'EUR'],
    [['Total EUR 1,234.00'], 'EUR'],
    [['Total £5.00'], 'GBP'],
    [['합계 1,000원'], 'KRW'],
    [['합계 W1,000,000'], 'KRW'],
    [['합계 1,000'], 'KRW'],
    [['Total 1,000'], null],
    [['Do zapłaty: 1 845,00 zł'], 'PLN'],
    [['Razem: 1 500,00 PLN'], 'PLN'],
    [['Summe: CHF 100.00'], 'CHF'],
    [['Währung: EUR', 'Total $5.00'], 'EUR'],
    [['Amount Due (AUD)  $1,100.00', 'Total AUD  $1,100.00'], 'AUD'],
    [['Total USD  $10.00', 'Paid in CAD'], 'USD']
  ])('%j → %s', (lines, code) => expect(detectCurrency(lines)?.code ?? null).toBe(code));
});
