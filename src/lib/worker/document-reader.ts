/**
 * The sandbox mailbox's reader for PDFs and images: readDocument (pdf.js text layer, tesseract.js OCR in
 * English and Korean). It runs in the engine worker: pdf.js starts its own nested worker and tesseract.js
 * its own, both from this origin (the OCR files at /vendor/ocr/), so it works offline too. A file it cannot
 * read gives a plain-word `problem` and empty text; the mail still arrives.
 */
import type { AttachmentReader } from '../connectors/sandbox';
import { documentKind } from '../ai/extract/document-kind';
import { readDocument, type ReadDocumentResult } from '../ai/extract/read-document';
import type { DocumentInput } from '../ai/extract/document-kind';

export type ReadDocument = (doc: DocumentInput) => Promise<ReadDocumentResult>;

/** Reads PDFs and images; other files are left to the text reader (answers "" for them). */
export function documentAttachmentReader(read: ReadDocument = readDocument): AttachmentReader {
  return {
    async read(file) {
      const kind = documentKind(file);
      if (kind !== 'pdf' && kind !== 'image') return '';
      try {
        const doc = await read(file);
        return { text: doc.text, ...(doc.pages !== undefined ? { pages: doc.pages } : {}) };
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return { text: '', problem: why };
      }
    }
  };
}
