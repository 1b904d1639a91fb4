/**
 * Writes the real-world corpus's bench figures into bench/baseline.json, changing only the keys that start
 * "extract: real": every other entry keeps its text byte for byte (JSON.stringify would rewrite 104.0 as 104),
 * and the keys stay sorted as bench/baseline.ts writes them.
 *   npx tsx scripts/real-invoices/baseline-keys.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BASELINE_FILE, measured, type Baseline } from '../../bench/baseline';
import { basicExtractor, realCorpusFigures } from '../../bench/extract-bench';
import { closeReaders } from '../../src/lib/ai/extract/read-document';

const PREFIX = 'extract: real';

try {
  const figures = (await realCorpusFigures([basicExtractor], new Map())).filter(measured);
  const text = readFileSync(BASELINE_FILE, 'utf8');
  const entries = new Map<string, string>();
  for (const m of text.matchAll(/^ {2}("(?:[^"\\]|\\.)*"): (\{[^{}]*\})/gm)) entries.set(JSON.parse(m[1]) as string, m[2]);
  if (entries.size !== Object.keys(JSON.parse(text) as Baseline).length) throw new Error('bench/baseline.json is not laid out as expected: not changed');
  for (const key of [...entries.keys()]) if (key.startsWith(PREFIX)) entries.delete(key);
  for (const f of figures) entries.set(`extract: ${f.name}`, JSON.stringify({ value: f.value, unit: f.unit }, null, 2).replace(/\n/g, '\n  '));
  const body = [...entries.keys()].sort().map((k) => `  ${JSON.stringify(k)}: ${entries.get(k)}`);
  writeFileSync(BASELINE_FILE, `{\n${body.join(',\n')}\n}\n`);
  console.log(`${figures.length} "${PREFIX}…" figures written to bench/baseline.json`);
} finally {
  await closeReaders();
}
