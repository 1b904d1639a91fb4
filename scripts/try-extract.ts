// Dev helper: extract every corpus file and print the differences from the truth.
import { readFileSync, readdirSync } from 'node:fs';
import { readDocument, closeReaders } from '../src/lib/ai/extract/read-document';
import { extractBasic } from '../src/lib/ai/extract/basic-extract';
import { INVOICE_FIELDS } from '../src/lib/ai/extract/fields';
const dir = process.env.EXTRACT_CORPUS ?? 'tests/fixtures/invoices';
const filter = process.argv[2] ?? '';
for (const f of readdirSync(dir).filter((f) => /\.(txt|pdf|png|jpe?g)$/.test(f) && f.includes(filter)).sort()) {
  const truth = JSON.parse(readFileSync(`${dir}/${f.replace(/\.\w+$/, '')}.truth.json`, 'utf8'));
  const doc = await readDocument({ name: f, bytes: new Uint8Array(readFileSync(`${dir}/${f}`)) });
  const r = extractBasic(doc.text, INVOICE_FIELDS, { reader: doc.reader });
  for (const k of Object.keys(truth)) {
    const got = r.fields[k]?.value;
    if (JSON.stringify(got) !== JSON.stringify(truth[k])) console.log(f, k, 'want', JSON.stringify(truth[k]), 'got', JSON.stringify(got), '|', r.fields[k]?.source);
  }
}
await closeReaders();
