import { describe, expect, it } from 'vitest';
import { findVatIds, parseVatId } from './vat-id';

describe('parseVatId', () => {
  it.each([
    ['DE123456789', 'DE123456789'],
    ['DE 123 456 789', 'DE123456789'],
    ['FR40303265045', 'FR40303265045'],
    ['FR 40 303 265 045', 'FR40303265045'],
    ['NL123456789B01', 'NL123456789B01'],
    ['PL 526-000-12-46', 'PL5260001246'],
    ['ATU12345678', 'ATU12345678'],
    ['ESB12345674', 'ESB12345674'],
    ['IT12345678901', 'IT12345678901'],
    ['BE0123456789', 'BE0123456789'],
    ['GB123456789', 'GB123456789'],
    ['CHE-123.456.789', 'CHE123456789'],
    ['DE12345', null], // too short
    ['XX123456789', null], // no such country
    ['INV-2026-0042', null]
  ])('%s → %s', (text, want) => expect(parseVatId(text)).toBe(want));

  it('finds the ids in a line, with their places', () => {
    const line = 'USt-IdNr.: DE123456789   VAT: FR40303265045';
    expect(findVatIds(line).map((m) => [m.id, line.slice(m.index, m.index + 2)])).toEqual([
      ['DE123456789', 'DE'],
      ['FR40303265045', 'FR']
    ]);
  });
});
