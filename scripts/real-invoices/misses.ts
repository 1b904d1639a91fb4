/**
 * Every field the basic extractor gets wrong or misses on the real-world dev corpus, one line each
 * (document, field, what it gave, what the page says), then a count per field, for whoever tunes the extractor:
 *   npx tsx scripts/real-invoices/misses.ts [DIR] [--why]
 * --why adds, under each wrong or extra value, the line it was read from and its confidence.
 */
import { basicExtractor, corpusDocs, REAL_CORPUS, REAL_FIELDS } from '../../bench/extract-bench';
import { closeReaders, readDocument } from '../../src/lib/ai/extract/read-document';
import { scoreField } from '../../src/lib/ai/extract/score';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const why = args.includes('--why');
const docs = corpusDocs('', args.find((a) => !a.startsWith('--')) ?? REAL_CORPUS);
const perField = new Map<string, { wrong: number; missed: number; extra: number }>();
try {
  for (const doc of docs) {
    const read = await readDocument({ name: doc.file, bytes: new Uint8Array(readFileSync(doc.file)) });
    const result = await basicExtractor.extract(read, REAL_FIELDS);
    for (const field of REAL_FIELDS) {
      const got = result.fields[field.name]?.value ?? null;
      const want = doc.truth[field.name] ?? null;
      const t = scoreField(field, got, want);
      const count = perField.get(field.name) ?? { wrong: 0, missed: 0, extra: 0 };
      if (t.fp && t.fn) count.wrong++;
      else if (t.fp) count.extra++;
      else if (t.fn) count.missed++;
      perField.set(field.name, count);
      const kind = t.fp && t.fn ? 'WRONG' : t.fp ? 'EXTRA' : 'MISSED';
      if (t.fp || t.fn) console.log(`${doc.name.padEnd(16)} ${field.name.padEnd(15)} ${kind.padEnd(6)} got ${JSON.stringify(got)}  want ${JSON.stringify(want)}`);
      const found = result.fields[field.name];
      if (why && t.fp && found) console.log(`${''.padEnd(40)}(${found.confidence}) ${found.source?.slice(0, 160) ?? ''}`);
    }
  }
  console.log(`\n${docs.length} documents; per field: wrong (not the true value), missed (none found), extra (found, the page has none):`);
  for (const [field, c] of perField) console.log(`  ${field.padEnd(15)} wrong ${c.wrong}, missed ${c.missed}, extra ${c.extra}`);
} finally {
  await closeReaders();
}
