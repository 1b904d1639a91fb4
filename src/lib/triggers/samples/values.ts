/**
 * Plausible values by a field's name: a sample a person reads should look like their data ("Dana Kim",
 * "INV-1001", "EUR"), not "string". Shared by the field generator and the JSON Schema generator.
 */

/** A made-up sender, the same everywhere a sample names one, so the parts of a mail agree. */
export const SAMPLE_PERSON = { name: 'Dana Kim', email: 'dana.kim@example.com' };

/** Name pattern → a text value; the first match wins, so the more specific patterns come first. */
const TEXT_BY_NAME: ReadonlyArray<readonly [RegExp, (today: string, now: Date) => string]> = [
  [/_at$|timestamp|^time$|datetime/, (_today, now) => now.toISOString()],
  [/tax_id|vat/, () => 'DE123456789'],
  [/(^|_)id$/, () => 'sample-1'],
  [/^from$|^sender$/, () => `${SAMPLE_PERSON.name} <${SAMPLE_PERSON.email}>`],
  [/^from_name$|^sender_name$/, () => SAMPLE_PERSON.name],
  [/^to$|recipient/, () => 'ap@sous-demo.example'],
  [/e-?mail|_address$/, () => SAMPLE_PERSON.email],
  [/subject|title|heading/, () => 'Invoice INV-1001'],
  [/body|message|comment|note|reason|description|summary|text|content/, () => 'Please find our invoice INV-1001 for office supplies attached.'],
  [/currency/, () => 'EUR'],
  [/country/, () => 'DE'],
  [/^(invoice_)?number$|invoice_no|reference|^ref$/, () => 'INV-1001'],
  [/sku|product_code/, () => 'SKU-001'],
  [/^month$/, (today) => today.slice(0, 7)],
  [/date|^start$|^end$|^day$|due/, (today) => today],
  [/url|link|website|href/, () => 'https://example.com'],
  [/phone|mobile/, () => '+49 30 1234567'],
  [/customer|employee_name|person|user|owner|assignee|manager$/, () => SAMPLE_PERSON.name],
  [/vendor|supplier|company|organi[sz]ation/, () => 'Acme Supplies Ltd'],
  [/department|team/, () => 'Finance'],
  [/location|city|address/, () => 'Berlin'],
  [/channel/, () => 'general'],
  [/^type$|mime|content_type/, () => 'text/plain'],
  [/status|state/, () => 'open'],
  [/name/, () => 'Acme Supplies Ltd']
];

/** A plausible text for a field called `name`; a neutral one where the name says nothing. */
export function textFor(name: string, now: Date): string {
  const key = name.toLowerCase();
  const today = now.toISOString().slice(0, 10);
  for (const [pattern, value] of TEXT_BY_NAME) if (pattern.test(key)) return value(today, now);
  return 'Sample text';
}

const NUMBER_BY_NAME: ReadonlyArray<readonly [RegExp, number]> = [
  [/quantity|qty|count|pages|days/, 2],
  [/percent|rate|confidence|score/, 0.5],
  [/price|amount|total|gross|net|tax|cost|sum|balance|budget/, 150],
  [/age|year/, 30]
];

export function numberFor(name: string): number {
  const key = name.toLowerCase();
  return NUMBER_BY_NAME.find(([pattern]) => pattern.test(key))?.[1] ?? 1;
}

/** A text file an extraction template reads to the end: vendor, number, dates, one line item and a total. */
export function invoiceText(now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const due = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    'INVOICE INV-1001',
    'Acme Supplies Ltd',
    'VAT DE123456789',
    `Date: ${day}  Due: ${due}`,
    'Office chairs  2 × 150.00',
    'Total: EUR 300.00'
  ].join('\n');
}
