/**
 * Reading a document's text, the same in Node and in the browser: plain text as it is, a PDF from its text
 * layer (pdf.js), an image by OCR (tesseract.js, English and Korean). A file we cannot read gives a
 * plain-word error (code `unsupported_document`, `unreadable_document` or `no_text_layer`).
 */
import { userError } from '../../engine/errors';
import { decodeText, documentKind, type DocumentInput } from './document-kind';
import { placeRows } from './layout/columns';
import { runsToLines, type TextRun } from './pdf-lines';
import { isNode, type ReaderPlatform } from './platform';

export type { DocumentInput } from './document-kind';

export interface ReadDocumentResult {
  text: string;
  /** How many pages a PDF has. */
  pages?: number;
  reader: 'text' | 'pdf' | 'ocr';
  /** OCR only: tesseract's mean confidence, 0–1 (extraction lowers its own confidence by it). */
  ocrConfidence?: number;
}

/** At most this many PDF pages are read: invoices are short, and a 500-page PDF would hang the page. */
export const MAX_PDF_PAGES = 50;

let platform: Promise<ReaderPlatform> | undefined;

/**
 * Node's readers by a path the browser build does not follow (they use node: modules and pdf.js's legacy
 * build); the browser's by a plain import, which Vite bundles with its worker and `?url` assets.
 */
const NODE_PLATFORM = './platform-node.js';

/** Node or browser readers, loaded on first use so neither side loads the other's code. */
function getPlatform(): Promise<ReaderPlatform> {
  return (platform ??= isNode()
    ? (import(/* @vite-ignore */ NODE_PLATFORM) as Promise<typeof import('./platform-node')>).then((m) => m.nodePlatform)
    : import('./platform-browser').then((m) => m.browserPlatform));
}

export async function readDocument(doc: DocumentInput): Promise<ReadDocumentResult> {
  if (doc.bytes.length === 0) throw userError(`"${doc.name}" is empty: there is nothing to read.`, 'unreadable_document');
  const kind = documentKind(doc);
  if (kind === 'text') return { text: decodeText(doc.bytes) ?? '', reader: 'text' };
  if (kind === 'pdf') return readPdf(doc);
  if (kind === 'image') return readImage(doc);
  throw userError(
    `"${doc.name}" is not a document Sous can read. Give a text file, a PDF, or an image (PNG, JPEG, GIF, WebP, BMP).`,
    'unsupported_document'
  );
}

async function readPdf(doc: DocumentInput): Promise<ReadDocumentResult> {
  const pdfjs = await (await getPlatform()).pdfjs();
  let pdf: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes ownership of the buffer it is given; give it a copy so the caller's bytes stay usable.
    pdf = await pdfjs.getDocument({ data: doc.bytes.slice(), isEvalSupported: false, verbosity: 0, useSystemFonts: false }).promise;
  } catch (err) {
    const why = (err as { name?: string }).name === 'PasswordException' ? 'it is protected by a password' : 'it is damaged or not really a PDF';
    throw userError(`"${doc.name}" cannot be opened as a PDF: ${why}.`, 'unreadable_document');
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PDF_PAGES); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(runsToLines(content.items.filter((item): item is TextRun & typeof item => 'str' in item)).join('\n'));
    }
    const text = pages.join('\n\f\n');
    if (!text.replace(/\f/g, '').trim()) {
      throw userError(
        `"${doc.name}" is a PDF with no text layer (probably a scan), so there is no text to read in it. ` +
          'Save its pages as images (PNG or JPEG) and give those instead: images are read by OCR.',
        'no_text_layer'
      );
    }
    return { text, pages: pdf.numPages, reader: 'pdf' };
  } finally {
    await pdf.destroy();
  }
}

async function readImage(doc: DocumentInput): Promise<ReadDocumentResult> {
  let out;
  try {
    out = await (await getPlatform()).ocr(doc.bytes);
  } catch (err) {
    throw userError(`"${doc.name}" could not be read as an image: ${describe(err)}.`, 'unreadable_document');
  }
  if (!out.text.trim()) throw userError(`No text was found in the image "${doc.name}".`, 'unreadable_document');
  // The word boxes keep the page's columns; tesseract's own text is the fallback.
  const text = out.rows ? placeRows(out.rows).join('\n') : out.text;
  return { text: text.trim() ? text : out.text, reader: 'ocr', ocrConfidence: Math.max(0, Math.min(1, out.confidence / 100)) };
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].replace(/^Error:\s*/, '') || 'unknown error';
}

/** Ends the OCR worker, if one started; call it before a Node process should exit. */
export async function closeReaders(): Promise<void> {
  if (platform) await (await platform).close();
}
