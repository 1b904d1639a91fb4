/**
 * VAT and tax ids as invoices print them: an EU VAT id with its country prefix (DE123456789,
 * FR12 345678901, NL123456789B01, PL 123-456-78-90, ATU12345678, GB…, CHE-123.456.789), spaces, dots and
 * hyphens inside allowed; the id comes back without them.
 */
const FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/, BE: /^[01]\d{9}$/, BG: /^\d{9,10}$/, CY: /^\d{8}[A-Z]$/, CZ: /^\d{8,10}$/, DE: /^\d{9}$/, DK: /^\d{8}$/,
  EE: /^\d{9}$/, EL: /^\d{9}$/, ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/, FI: /^\d{8}$/, FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, HR: /^\d{11}$/,
  HU: /^\d{8}$/, IE: /^\d[A-Z0-9+*]\d{5}[A-Z]{1,2}$/, IT: /^\d{11}$/, LT: /^(?:\d{9}|\d{12})$/, LU: /^\d{8}$/, LV: /^\d{11}$/,
  MT: /^\d{8}$/, NL: /^\d{9}B\d{2}$/, PL: /^\d{10}$/, PT: /^\d{9}$/, RO: /^\d{2,10}$/, SE: /^\d{12}$/, SI: /^\d{8}$/, SK: /^\d{10}$/,
  GB: /^(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, XI: /^\d{9}$/, CHE: /^\d{9}$/, NO: /^\d{9}(?:MVA)?$/
};

export interface VatIdMatch {
  /** The id without spaces, dots or hyphens: "DE123456789". */
  id: string;
  country: string;
  index: number;
  end: number;
}

const CANDIDATE = /(?<![A-Z0-9])(CHE|[A-Z]{2})[\s.-]?((?:[0-9A-Z+*][\s.-]?){7,13}[0-9A-Z])(?![A-Z0-9])/g;

/** "DE 123 456 789" → "DE123456789"; null when it is no VAT id of a known country's format. */
export function parseVatId(text: string): string | null {
  const m = findVatIds(text)[0];
  return m && m.index === text.search(/\S/) ? m.id : null;
}

/** Every VAT id in a line, left to right. */
export function findVatIds(line: string): VatIdMatch[] {
  const out: VatIdMatch[] = [];
  const upper = line.toUpperCase();
  const re = new RegExp(CANDIDATE.source, 'g');
  for (let m = re.exec(upper); m !== null; m = re.exec(upper)) {
    const found = vatIdAt(line, m);
    if (found) out.push(found);
    // "NIP PL 5252345678": a failed try ("NI…") must not swallow the id that starts inside it.
    else re.lastIndex = (m.index ?? 0) + 1;
  }
  return out;
}

function vatIdAt(line: string, m: RegExpExecArray): VatIdMatch | null {
  const country = m[1];
  const format = FORMATS[country];
  // The country code is printed in capitals: "capital de 712 588 399" holds no German VAT id.
  if (!format || line.slice(m.index, m.index + country.length) !== country) return null;
  // Try the longest run first, then shorter ones (a VAT id followed by more digits of a phone number).
  const body = m[2].replace(/[\s.-]/g, '');
  for (let len = body.length; len >= 7; len--) {
    if (format.test(body.slice(0, len))) return { id: country + body.slice(0, len), country, index: m.index, end: m.index + m[0].length };
  }
  return null;
}
