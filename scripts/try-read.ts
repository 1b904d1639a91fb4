import { readFileSync } from 'node:fs';
import { readDocument, closeReaders } from '../src/lib/ai/extract/read-document';
for (const f of process.argv.slice(2)) {
  const t = Date.now();
  const r = await readDocument({ name: f, bytes: new Uint8Array(readFileSync(f)) });
  console.log('=====', f, r.reader, r.pages, r.ocrConfidence, Date.now() - t, 'ms');
  console.log(r.text);
}
await closeReaders();
