/**
 * Extraction quality over the invoice corpora: field-level precision and recall, overall, by reader (text,
 * PDF, OCR) and by language, and the time each reader takes. Two corpora, scored apart: the synthetic one
 * (tests/fixtures/invoices, made by scripts/make-invoices.ts) and the real-world dev corpus
 * (tests/fixtures/invoices-real: public e-invoice PDFs, ZUGFeRD / Factur-X / KSeF, with truth from their own
 * XML, and three OCA test PDFs; its README says where each comes from). Its figures are named "real …", and
 * add F1; a missing corpus gives one "not measured" line, not a failure.
 *
 * The real-world corpus's first score, before any tuning on it (the extractor at c8597ee, 2026-12-07, 34 PDFs
 * × 8 fields, line items not scored): precision 69.4%, recall 33.6%, F1 45.3% (TP 84, FP 37, FN 166). F1 by
 * language: de (21 PDFs) 42.6%, fr (8) 41.8%, en (3) 73.9%, es (1) 22.2%, pl (1) 22.2%. Recall by field:
 * currency 91%, invoice_date 88%, vendor 21%, total 18%, subtotal 12%, invoice_number 12%, tax 6%, due_date 6%.
 *
 * Any extractor is measured the same way: basic mode always; a model-mode extractor when one is given
 * (see `modelExtractor` in ./extract-model.ts, the hook where a loaded model client plugs in).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBasic } from '../src/lib/ai/extract/basic-extract';
import { INVOICE_FIELDS, type ExtractResult, type FieldSpec } from '../src/lib/ai/extract/fields';
import { closeReaders, readDocument, type ReadDocumentResult } from '../src/lib/ai/extract/read-document';
import { addTally, emptyTally, precision, recall, scoreField, scoreItems, type Tally } from '../src/lib/ai/extract/score';
import type { Figure } from './engine-bench';

/** The corpus; EXTRACT_CORPUS=DIR measures another one (e.g. a held-out set from make-invoices --out). */
export const CORPUS = process.env.EXTRACT_CORPUS ?? 'tests/fixtures/invoices';
/** The real-world dev corpus; EXTRACT_REAL_CORPUS=DIR measures another one; absent, its figures are skipped. */
export const REAL_CORPUS = process.env.EXTRACT_REAL_CORPUS ?? 'tests/fixtures/invoices-real';
/** Its truth files hold no line items (the XML's lines are not all printed as such), so they are not scored there. */
export const REAL_FIELDS = INVOICE_FIELDS.filter((f) => f.name !== 'line_items');

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
  /** From the name's suffix (`…-de`): the language the document is printed in. */
  lang: string;
  truth: Record<string, unknown>;
}

/** A corpus's documents, each with its NAME.truth.json; `only` keeps names containing it (e.g. "pdf-"). */
export function corpusDocs(only = '', dir = CORPUS): CorpusDoc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|pdf|png|jpe?g)$/.test(f) && f.includes(only))
    .sort()
    .map((file) => {
      const name = file.replace(/\.[^.]+$/, '');
      const lang = /-([a-z]{2})$/.exec(name)?.[1] ?? 'en';
      return { name, file: join(dir, file), lang, truth: JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) };
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
export async function scoreCorpus(
  extractor: Extractor,
  docs: CorpusDoc[],
  cache = new Map<string, ReadDocumentResult>(),
  fields: readonly FieldSpec[] = INVOICE_FIELDS
): Promise<CorpusScore> {
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
    for (const field of fields) {
      const tally = scoreField(field, result.fields[field.name]?.value ?? null, doc.truth[field.name] ?? null);
      addTally(score.overall, tally);
      bump(score.byReader, read.reader, tally);
      bump(score.byLang, doc.lang, tally);
      bump(score.byField, field.name, tally);
    }
    if (fields.some((f) => f.name === 'line_items')) addTally(score.items, scoreItems(result.fields.line_items?.value, doc.truth.line_items));
  }
  return score;
}

const pct = (n: number) => Math.round(n * 1000) / 10;
/** The harmonic mean of precision and recall. */
export const f1 = (t: Tally) => {
  const [p, r] = [precision(t), recall(t)];
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
const counts = (t: Tally) => `TP ${t.tp}, FP ${t.fp}, FN ${t.fn}`;

/**
 * The bench's figures for one extractor: precision and recall, overall and by reader, language and field;
 * with `withF1`, an F1 figure beside each pair (the real-world corpus's; the synthetic's keep their old set).
 */
export function figuresOf(extractor: string, score: CorpusScore, fieldCount = INVOICE_FIELDS.length, withF1 = false): Figure[] {
  const figures: Figure[] = [];
  const pair = (scope: string, t: Tally, detail = '') => {
    figures.push({ name: `${extractor} precision ${scope}`, value: pct(precision(t)), unit: '%', detail: `${pct(precision(t))}%: ${counts(t)}${detail}` });
    figures.push({ name: `${extractor} recall ${scope}`, value: pct(recall(t)), unit: '%', detail: `${pct(recall(t))}%: ${counts(t)}${detail}` });
    if (withF1) figures.push({ name: `${extractor} F1 ${scope}`, value: pct(f1(t)), unit: '%', detail: `${pct(f1(t))}%: precision ${pct(precision(t))}%, recall ${pct(recall(t))}%${detail}` });
  };
  pair('(all fields)', score.overall, `; ${score.docs} documents × ${fieldCount} fields`);
  for (const [reader, t] of Object.entries(score.byReader)) pair(`[${reader}]`, t);
  for (const [lang, t] of Object.entries(score.byLang).sort()) pair(`[${lang}]`, t);
  if (score.items.tp + score.items.fp + score.items.fn > 0) pair('(line items one by one)', score.items);
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

/** The real-world dev corpus's figures for each extractor, or one "not measured" line when it is absent. */
export async function realCorpusFigures(extractors: Extractor[], cache: Map<string, ReadDocumentResult>, dir = REAL_CORPUS): Promise<Figure[]> {
  const docs = corpusDocs('', dir);
  if (docs.length === 0) return [{ name: 'real-world corpus', value: 0, unit: '', detail: `not measured: no documents in ${dir}` }];
  const figures: Figure[] = [];
  for (const extractor of extractors) {
    const score = await scoreCorpus(extractor, docs, cache, REAL_FIELDS);
    figures.push(...figuresOf(`real ${extractor.name}`, score, REAL_FIELDS.length, true));
  }
  return figures;
}

/** `npm run bench`'s extraction figures: basic mode, and the model too when the hook gives one; each corpus apart. */
export async function extractFigures(extra: Extractor[] = []): Promise<Figure[]> {
  const docs = corpusDocs();
  const cache = new Map<string, ReadDocumentResult>();
  const extractors = [basicExtractor, ...extra];
  try {
    const figures: Figure[] = [];
    const scores: CorpusScore[] = [];
    for (const extractor of extractors) {
      const score = await scoreCorpus(extractor, docs, cache);
      scores.push(score);
      figures.push(...figuresOf(extractor.name, score));
      figures.push({ name: `${extractor.name} extract time`, value: score.extractMs / docs.length, unit: 'ms/doc', detail: `${docs.length} documents, text already read` });
    }
    // Reading times stay the synthetic corpus's: the real PDFs are longer, and would move those figures' baselines.
    return [...figures, ...timingFigures(scores), ...(await realCorpusFigures(extractors, cache))];
  } finally {
    await closeReaders();
  }
}
