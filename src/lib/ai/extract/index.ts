/**
 * Document extraction, as the `ai` connector, `sous extract`, the extract page and the bench use it:
 * read a document (text, PDF, image by OCR), then extract fields in basic mode. Model mode plugs in beside
 * `extractBasic` with the same `ExtractResult` shape.
 */
import { extractBasic } from './basic-extract';
import type { ExtractResult, FieldSpec } from './fields';
import { readDocument, type DocumentInput } from './read-document';

export { extractBasic, invoiceValues, type BasicOptions } from './basic-extract';
export { closeReaders, readDocument, MAX_PDF_PAGES, type DocumentInput, type ReadDocumentResult } from './read-document';
export * from './fields';

/** A document in, its fields out (basic mode); unreadable documents throw a user error with a plain message. */
export async function extractDocument(doc: DocumentInput, fields: readonly FieldSpec[]): Promise<ExtractResult> {
  const read = await readDocument(doc);
  return extractBasic(read.text, fields, { reader: read.reader, ocrConfidence: read.ocrConfidence });
}
