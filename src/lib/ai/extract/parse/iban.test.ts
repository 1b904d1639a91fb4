import { describe, expect, it } from 'vitest';
import { findIbans, ibanChecksumOk, parseIban } from './iban';

describe('parseIban keeps only IBANs whose check digits hold', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['GB82WEST12345698765432', 'GB82WEST12345698765432'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ['PL61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
    ['DE88 3704 0044 0532 0130 00', null], // one check digit off
    ['DE89 3704 0044 0532 0130', null], // too short for Germany
    ['hello', null]
  ])('%s → %s', (text, want) => expect(parseIban(text)).toBe(want));

  it('checks mod 97 digit by digit', () => {
    expect(ibanChecksumOk('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumOk('GB83WEST12345698765432')).toBe(false);
  });

  it('finds an IBAN in a line even when a BIC follows it', () => {
    expect(findIbans('IBAN: DE89 3704 0044 0532 0130 00   BIC: COBADEFFXXX')).toEqual(['DE89370400440532013000']);
  });
});
