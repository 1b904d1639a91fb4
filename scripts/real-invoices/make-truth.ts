/**
 * Writes tests/fixtures/invoices-real/NAME.truth.json for every real-world dev invoice, from the e-invoice XML
 * embedded in its PDF (factur-x.xml, zugferd-invoice.xml, xrechnung.xml…) or, for KSeF, kept beside it as
 * NAME.xml (a PDF without XML takes the values its entry in ./sources.ts gives, and says who gives them), keeping only the fields the page
 * prints (./printed.ts). Run before any tuning on the set, and never edit a truth file by hand to match what
 * the extractor gives.
 *
 *   npx tsx scripts/real-invoices/make-truth.ts                  # truth from the PDFs already in the folder
 *   npx tsx scripts/real-invoices/make-truth.ts --mirror DIR     # first copy each PDF from DIR/OWNER+NAME/repo (a bare git mirror) at its commit
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeReaders, readDocument } from '../../src/lib/ai/extract/read-document';
import { nodePlatform } from '../../src/lib/ai/extract/platform-node';
import { einvoiceFields, type XmlFields } from './einvoice-fields';
import { printed } from './printed';
import { REAL_INVOICE_SOURCES, type RealInvoiceSource } from './sources';
import { parseXml } from './xml-tree';

export const REAL_CORPUS = 'tests/fixtures/invoices-real';

/** The invoice XML a PDF carries as an attachment (not other XML files beside it, such as logistics data). */
export async function embeddedInvoiceXml(bytes: Uint8Array): Promise<{ name: string; xml: string } | null> {
  const pdfjs = await nodePlatform.pdfjs();
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const attachments: Record<string, { content: Uint8Array }> = (await pdf.getAttachments()) ?? {};
    const name = Object.keys(attachments).find((n) => /(factur-x|zugferd-invoice|xrechnung|order-x)\.xml$/i.test(n));
    return name ? { name, xml: new TextDecoder().decode(attachments[name].content) } : null;
  } finally {
    await pdf.destroy();
  }
}

/** The true fields of one source: from its XML (embedded, or beside it), or the values its entry gives. */
export async function fieldsOf(source: RealInvoiceSource, bytes: Uint8Array): Promise<{ from: string; fields: Partial<XmlFields> }> {
  if (source.given) return { from: 'given', fields: source.given.values };
  const xml = await invoiceXmlOf(source, bytes);
  if (!xml) throw new Error(`${source.name}: no invoice XML is embedded in ${source.path}`);
  return { from: xml.name, fields: einvoiceFields(parseXml(xml.xml)) };
}

/** The invoice XML of one source: the NAME.xml kept beside its PDF where it has one, else the one embedded in the PDF. */
export async function invoiceXmlOf(source: RealInvoiceSource, bytes: Uint8Array): Promise<{ name: string; xml: string } | null> {
  if (!source.xmlPath) return embeddedInvoiceXml(bytes);
  return { name: `${source.name}.xml`, xml: readFileSync(join(REAL_CORPUS, `${source.name}.xml`), 'utf8') };
}

const FIELDS = ['vendor', 'invoice_number', 'invoice_date', 'due_date', 'currency', 'subtotal', 'tax', 'total'] as const;

/** The truth for one invoice: the XML's (or given) fields the page shows; and those it does not show, for the report. */
export function truthOf(fields: Partial<Record<(typeof FIELDS)[number], unknown>>, pageText: string): { truth: Record<string, unknown>; dropped: string[] } {
  const truth: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const field of FIELDS) {
    const value = fields[field] ?? null;
    if (value === null) continue;
    if (printed(field, value, pageText)) truth[field] = value;
    else dropped.push(`${field}=${JSON.stringify(value)}`);
  }
  return { truth, dropped };
}

function copyFromMirror(mirror: string, source: RealInvoiceSource): void {
  const gitDir = join(mirror, source.repo.replace('/', '+'), 'repo');
  const show = (path: string) => execFileSync('git', ['-C', gitDir, 'show', `${source.commit}:${path}`], { maxBuffer: 64 << 20 });
  writeFileSync(join(REAL_CORPUS, `${source.name}.pdf`), show(source.path));
  if (source.xmlPath) writeFileSync(join(REAL_CORPUS, `${source.name}.xml`), show(source.xmlPath));
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--mirror');
  const mirror = at >= 0 ? process.argv[at + 1] : null;
  try {
    for (const source of REAL_INVOICE_SOURCES) {
      if (mirror) copyFromMirror(mirror, source);
      const bytes = new Uint8Array(readFileSync(join(REAL_CORPUS, `${source.name}.pdf`)));
      const { from, fields } = await fieldsOf(source, bytes);
      const page = await readDocument({ name: `${source.name}.pdf`, bytes });
      const { truth, dropped } = truthOf(fields, page.text);
      writeFileSync(join(REAL_CORPUS, `${source.name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
      console.log(`${source.name.padEnd(16)} ${from.padEnd(20)} ${Object.keys(truth).length} fields${dropped.length ? `; not printed, left out: ${dropped.join(', ')}` : ''}`);
    }
  } finally {
    await closeReaders();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
