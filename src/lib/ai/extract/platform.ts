/** What reading a document needs from where it runs (Node or the browser): pdf.js and an OCR worker. */
import type * as PdfJs from 'pdfjs-dist';

export interface OcrOutput {
  text: string;
  /** tesseract's mean word confidence, 0–100. */
  confidence: number;
}

export interface ReaderPlatform {
  pdfjs(): Promise<typeof PdfJs>;
  /** OCR of one image in English and Korean, with a worker kept for the next image. */
  ocr(bytes: Uint8Array): Promise<OcrOutput>;
  /** Ends the OCR worker (a Node process waits for it otherwise). */
  close(): Promise<void>;
}

/** tesseract's settings for invoices: keep the rows of a table on one line, keep wide gaps. */
export const OCR_LANGS = ['eng', 'kor'] as const;
export const OCR_PARAMETERS = { tessedit_pageseg_mode: '6', preserve_interword_spaces: '1' } as const;

export const isNode = () =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof (globalThis as { window?: unknown }).window === 'undefined';
