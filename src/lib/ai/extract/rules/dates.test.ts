import { describe, expect, it } from 'vitest';
import { dayOrderOf, findDates, parseDate } from './dates';

describe('parseDate gives ISO dates from the usual formats', () => {
  it.each([
    ['2026-03-01', 'dmy', '2026-03-01'],
    ['2026.03.01', 'dmy', '2026-03-01'],
    ['2026/3/1', 'dmy', '2026-03-01'],
    ['2026. 3. 1.', 'dmy', '2026-03-01'],
    ['2026년 3월 1일', 'dmy', '2026-03-01'],
    ['2026년3월1일', 'dmy', '2026-03-01'],
    ['March 1, 2026', 'dmy', '2026-03-01'],
    ['Mar. 1st, 2026', 'dmy', '2026-03-01'],
    ['1 March 2026', 'dmy', '2026-03-01'],
    ['1 Mar 2026', 'mdy', '2026-03-01'],
    ['01/03/2026', 'dmy', '2026-03-01'],
    ['03/01/2026', 'mdy', '2026-03-01'],
    ['25/02/2026', 'mdy', '2026-02-25'], // 25 cannot be a month, whatever the order
    ['02/25/2026', 'dmy', '2026-02-25'],
    ['01.03.2026', 'mdy', '2026-03-01'], // dots are always day first
    ['14. März 2026', 'dmy', '2026-03-14'],
    ['14 maerz 2026', 'dmy', null],
    ['1er mars 2026', 'dmy', '2026-03-01'],
    ['le 3 février 2026', 'dmy', '2026-02-03'],
    ['5 februari 2026', 'dmy', '2026-02-05'],
    ['3 de marzo de 2026', 'dmy', '2026-03-03'],
    ['14 giugno 2026', 'dmy', '2026-06-14'],
    ['2 kwietnia 2026 r.', 'dmy', '2026-04-02'],
    ['12 grudnia 2026', 'dmy', '2026-12-12'],
    ['1 déc. 2026', 'dmy', '2026-12-01'],
    ['Okt 5, 2026', 'dmy', '2026-10-05'],
    ['01.03.26', 'dmy', '2026-03-01'],
    ['19-02-2026', 'dmy', '2026-02-19'],
    ['1/3/26', 'dmy', '2026-03-01'],
    ['05-Mar-2026', 'mdy', '2026-03-05'],
    ['5-MAR-26', 'dmy', '2026-03-05'],
    ['12/Dec/2026', 'dmy', '2026-12-12'],
    ['2026-02-30', 'dmy', null],
    ['INV-2026-0042', 'dmy', null],
    ['Total 1,234.56', 'dmy', null]
  ] as const)('%s (%s) → %s', (text, order, iso) => expect(parseDate(text, order)).toBe(iso));

  it('finds both dates of a one-line header, in order', () => {
    expect(findDates('Invoice INV-1 · Date: 14 Mar 2026 · Pay by: 28 Mar 2026').map((d) => d.iso)).toEqual(['2026-03-14', '2026-03-28']);
  });
});

describe('dayOrderOf: day first unless the document shows the US order', () => {
  it.each([
    [['Date: 25/02/2026', 'Total $10.00'], 'USD', 'dmy'],
    [['Date: 02/25/2026'], 'EUR', 'mdy'],
    [['Date: 03/04/2026'], 'USD', 'mdy'],
    [['Date: 03/04/2026'], 'EUR', 'dmy'],
    [['Datum: 03.04.2026'], undefined, 'dmy']
  ] as const)('%j (%s) → %s', (lines, currency, order) => expect(dayOrderOf(lines, currency)).toBe(order));
});
