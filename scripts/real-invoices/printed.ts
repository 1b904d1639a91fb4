/**
 * Whether a true value is printed on the page, in any of the forms invoices print it. A field the XML holds
 * but the page does not show is left out of the truth: a reader of the page cannot be asked for it. The
 * page text is compared with whitespace left out of names and numbers, since pdf.js splits runs ("H A 123",
 * "120   000,00"), but amounts and dates must not run into the number beside them.
 */
const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const MONTHS: Record<string, string[]> = {
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  de: ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
};

/** The usual printed forms of an ISO date (day-first, month-first, ISO, with month names in EN/DE/FR); a space may be any whitespace or none. */
export function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const [dd, mm, yy] = [String(Number(d)), String(Number(m)), y.slice(2)];
  const forms = [iso, `${d}.${m}.${y}`, `${dd}.${mm}.${y}`, `${d}.${m}.${yy}`, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${m}/${d}/${yy}`, `${d}-${m}-${y}`, `${y}/${m}/${d}`];
  for (const names of Object.values(MONTHS)) {
    const name = names[Number(m) - 1];
    forms.push(`${dd}. ${name} ${y}`, `${dd} ${name} ${y}`, `${name} ${dd}, ${y}`, `${dd} ${name.slice(0, 3)} ${y}`, `${name.slice(0, 3)} ${dd}, ${y}`);
  }
  return forms;
}

/** The usual printed forms of an amount with two decimals: 1.234,56 · 1,234.56 · 1234,56 · 1 234,56 · 1'234.56. */
export function amountForms(value: number): string[] {
  const [whole, cents] = Math.abs(value).toFixed(2).split('.');
  const grouped = (sep: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return [...new Set([`${whole},${cents}`, `${whole}.${cents}`, `${grouped('.')},${cents}`, `${grouped(',')}.${cents}`, `${grouped(' ')},${cents}`, `${grouped("'")}.${cents}`])];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `form` occurs in the page, not as part of a longer number (no digit, or separator and digit, on either side). */
function occurs(pageText: string, form: string): boolean {
  const body = form.split(' ').map(escape).join('\\s*');
  return new RegExp(`(?<!\\d|\\d[.,])${body}(?!\\d|[.,]\\d)`, 'iu').test(pageText.normalize('NFKC'));
}

const SYMBOLS: Record<string, string[]> = { EUR: ['€', 'euro'], GBP: ['£'], USD: ['$', 'us$'], CHF: ['chf'] };

/** Whether the page shows this field's true value. */
export function printed(field: string, value: unknown, pageText: string): boolean {
  const page = squash(pageText);
  if (value === null || value === undefined) return false;
  switch (field) {
    case 'invoice_date':
    case 'due_date':
      return dateForms(String(value)).some((f) => occurs(pageText, f));
    case 'subtotal':
    case 'tax':
    case 'total':
      return amountForms(Number(value)).some((f) => occurs(pageText, f));
    case 'currency': {
      const code = String(value).toUpperCase();
      return new RegExp(`\\b${code}\\b`, 'i').test(pageText) || (SYMBOLS[code] ?? []).some((s) => page.includes(s));
    }
    default:
      return page.includes(squash(String(value)));
  }
}
