/**
 * Every field the basic extractor gets wrong or misses on the real-world dev corpus, one line each
 * (document, field, what it gave, what the page says), for whoever tunes the extractor:
 *   npx tsx scripts/real-invoices/misses.ts [DIR]
 */
import { basicExtractor, corpusDocs, REAL_CORPUS, REAL_FIELDS } from '../../bench/extract-bench';
import { closeReaders, readDocument } from '../../src/lib/ai/extract/read-document';
import { scoreField } from '../../src/lib/ai/extract/score';
import { readFileSync } from 'node:fs';

const docs = corpusDocs('', process.argv[2] ?? REAL_CORPUS);
try {
  for (const doc of docs) {
    const read = await readDocument({ name: doc.file, bytes: new Uint8Array(readFileSync(doc.file)) });
    const result = await basicExtractor.extract(read, REAL_FIELDS);
    for (const field of REAL_FIELDS) {
      const got = result.fields[field.name]?.value ?? null;
      const want = doc.truth[field.name] ?? null;
      const t = scoreField(field, got, want);
      if (t.fp || t.fn) console.log(`${doc.name.padEnd(16)} ${field.name.padEnd(15)} ${t.fp ? 'WRONG' : 'MISSED'}  got ${JSON.stringify(got)}  want ${JSON.stringify(want)}`);
    }
  }
} finally {
  await closeReaders();
}
