import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from './dates';

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
    ['2026-02-30', 'dmy', null],
    ['INV-2026-0042', 'dmy', null],
    ['Total 1,234.56', 'dmy', null]
  ] as const)('%s (%s) → %s', (text, order, iso) => expect(parseDate(text, order)).toBe(iso));

  it('finds both dates of a one-line header, in order', () => {
    expect(findDates('Invoice INV-1 · Date: 14 Mar 2026 · Pay by: 28 Mar 2026').map((d) => d.iso)).toEqual(['2026-03-14', '2026-03-28']);
  });
});
