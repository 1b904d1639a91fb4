/** IBANs as printed (in groups of four or not), kept only when their ISO 13616 check digits are right. */
const LENGTHS: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GR: 27,
  HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25,
  RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26
};

/** mod 97 of the rearranged IBAN, digit by digit (the number is too long for a double). */
export function ibanChecksumOk(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** "DE89 3704 0044 0532 0130 00" → "DE89370400440532013000"; null when it is not a valid IBAN. */
export function parseIban(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s.-]/g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return null;
  const want = LENGTHS[compact.slice(0, 2)];
  if (want !== undefined && compact.length !== want) return null;
  return ibanChecksumOk(compact) ? compact : null;
}

/** Every valid IBAN in a line. */
export function findIbans(line: string): string[] {
  const out: string[] = [];
  for (const m of line.toUpperCase().matchAll(/(?<![A-Z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}/g)) {
    // The match may run into the next word: shorten it until the checksum holds.
    let text = m[0];
    while (text.replace(/\s/g, '').length >= 14) {
      const iban = parseIban(text);
      if (iban) {
        out.push(iban);
        break;
      }
      text = text.slice(0, -1).trimEnd();
    }
  }
  return out;
}
