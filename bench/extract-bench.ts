/**
 * Extraction quality over the invoice corpus (tests/fixtures/invoices): field-level precision and recall,
 * overall, by reader (text, PDF, OCR) and by language, and the time each reader takes.
 *
 * Any extractor is measured the same way: basic mode always; a model-mode extractor when one is given
 * (see `modelExtractor` in ./extract-model.ts, the hook where a loaded model client plugs in).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBasic } from '../src/lib/ai/extract/basic-extract';
import { INVOICE_FIELDS, type ExtractResult, type FieldSpec } from '../src/lib/ai/extract/fields';
import { closeReaders, readDocument, type ReadDocumentResult } from '../src/lib/ai/extract/read-document';
import { addTally, emptyTally, precision, recall, scoreField, scoreItems, type Tally } from '../src/lib/ai/extract/score';
import type { Figure } from './engine-bench';

/** The corpus; EXTRACT_CORPUS=DIR measures another one (e.g. a held-out set from make-invoices --out). */
export const CORPUS = process.env.EXTRACT_CORPUS ?? 'tests/fixtures/invoices';

export interface Extractor {
  name: string;
  extract(doc: ReadDocumentResult, fields: readonly FieldSpec[]): Promise<ExtractResult>;
}

export const basicExtractor: Extractor = {
  name: 'basic',
  extract: async (doc, fields) => extractBasic(doc.text, fields, { reader: doc.reader, ocrConfidence: doc.ocrConfidence })
};

export interface CorpusDoc {
  name: string;
  file: string;
  lang: 'en' | 'ko';
  truth: Record<string, unknown>;
}

/** The corpus's documents, each with its NAME.truth.json; `only` keeps names containing it (e.g. "pdf-"). */
export function corpusDocs(only = ''): CorpusDoc[] {
  return readdirSync(CORPUS)
    .filter((f) => /\.(txt|pdf|png|jpe?g)$/.test(f) && f.includes(only))
    .sort()
    .map((file) => {
      const name = file.replace(/\.[^.]+$/, '');
      return { name, file: join(CORPUS, file), lang: name.endsWith('-ko') ? 'ko' : 'en', truth: JSON.parse(readFileSync(join(CORPUS, `${name}.truth.json`), 'utf8')) };
    });
}

export interface CorpusScore {
  overall: Tally;
  byReader: Record<string, Tally>;
  byLang: Record<string, Tally>;
  byField: Record<string, Tally>;
  items: Tally;
  /** Milliseconds reading (and, separately, extracting) per reader. */
  readMs: Record<string, { ms: number; docs: number }>;
  extractMs: number;
  docs: number;
}

const bump = (map: Record<string, Tally>, key: string, t: Tally) => addTally((map[key] ??= emptyTally()), t);

/** Reads every document once (cached across extractors) and scores each extractor on it. */
export async function scoreCorpus(extractor: Extractor, docs: CorpusDoc[], cache = new Map<string, ReadDocumentResult>()): Promise<CorpusScore> {
  const score: CorpusScore = { overall: emptyTally(), byReader: {}, byLang: {}, byField: {}, items: emptyTally(), readMs: {}, extractMs: 0, docs: docs.length };
  for (const doc of docs) {
    const started = performance.now();
    let read = cache.get(doc.file);
    if (!read) {
      read = await readDocument({ name: doc.file, bytes: new Uint8Array(readFileSync(doc.file)) });
      cache.set(doc.file, read);
      const timing = (score.readMs[read.reader] ??= { ms: 0, docs: 0 });
      timing.ms += performance.now() - started;
      timing.docs++;
    }
    const t0 = performance.now();
    const result = await extractor.extract(read, INVOICE_FIELDS);
    score.extractMs += performance.now() - t0;
    for (const field of INVOICE_FIELDS) {
      const tally = scoreField(field, result.fields[field.name]?.value ?? null, doc.truth[field.name] ?? null);
      addTally(score.overall, tally);
      bump(score.byReader, read.reader, tally);
      bump(score.byLang, doc.lang, tally);
      bump(score.byField, field.name, tally);
    }
    addTally(score.items, scoreItems(result.fields.line_items?.value, doc.truth.line_items));
  }
  return score;
}

const pct = (n: number) => Math.round(n * 1000) / 10;
const counts = (t: Tally) => `TP ${t.tp}, FP ${t.fp}, FN ${t.fn}`;

/** The bench's figures for one extractor: precision and recall, overall and by reader, language and field. */
export function figuresOf(extractor: string, score: CorpusScore): Figure[] {
  const figures: Figure[] = [];
  const pair = (scope: string, t: Tally, detail = '') => {
    figures.push({ name: `${extractor} precision ${scope}`, value: pct(precision(t)), unit: '%', detail: `${pct(precision(t))}%: ${counts(t)}${detail}` });
    figures.push({ name: `${extractor} recall ${scope}`, value: pct(recall(t)), unit: '%', detail: `${pct(recall(t))}%: ${counts(t)}${detail}` });
  };
  pair('(all fields)', score.overall, `; ${score.docs} documents × ${INVOICE_FIELDS.length} fields`);
  for (const [reader, t] of Object.entries(score.byReader)) pair(`[${reader}]`, t);
  for (const [lang, t] of Object.entries(score.byLang)) pair(`[${lang}]`, t);
  pair('(line items one by one)', score.items);
  for (const [field, t] of Object.entries(score.byField)) {
    figures.push({ name: `${extractor} recall ${field}`, value: pct(recall(t)), unit: '%', detail: `${pct(recall(t))}% recall, ${pct(precision(t))}% precision: ${counts(t)}` });
  }
  return figures;
}

export function timingFigures(scores: CorpusScore[]): Figure[] {
  const readMs: Record<string, { ms: number; docs: number }> = {};
  for (const s of scores) for (const [r, t] of Object.entries(s.readMs)) {
    const into = (readMs[r] ??= { ms: 0, docs: 0 });
    into.ms += t.ms;
    into.docs += t.docs;
  }
  return Object.entries(readMs).map(([reader, t]) => ({
    name: `read a document [${reader}]`,
    value: t.ms / t.docs,
    unit: 'ms/doc',
    detail: `${t.docs} documents in ${Math.round(t.ms)} ms${reader === 'ocr' ? ' (tesseract.js, eng+kor, first includes starting the worker)' : ''}`
  }));
}

/** `npm run bench`'s extraction figures: basic mode, and the model too when the hook gives one. */
export async function extractFigures(extra: Extractor[] = []): Promise<Figure[]> {
  const docs = corpusDocs();
  const cache = new Map<string, ReadDocumentResult>();
  try {
    const figures: Figure[] = [];
    const scores: CorpusScore[] = [];
    for (const extractor of [basicExtractor, ...extra]) {
      const score = await scoreCorpus(extractor, docs, cache);
      scores.push(score);
      figures.push(...figuresOf(extractor.name, score));
      figures.push({ name: `${extractor.name} extract time`, value: score.extractMs / docs.length, unit: 'ms/doc', detail: `${docs.length} documents, text already read` });
    }
    return [...figures, ...timingFigures(scores)];
  } finally {
    await closeReaders();
  }
}
