/** What reading a document needs from where it runs (Node or the browser): pdf.js and an OCR worker. */
import type * as PdfJs from 'pdfjs-dist';
import type { PlacedWord } from './layout/columns';

export interface OcrOutput {
  text: string;
  /** tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** tesseract's lines, each with its words' boxes: the page's columns, for the layout. */
  rows?: PlacedWord[][];
}

interface OcrBox {
  x0: number;
  x1: number;
}
interface OcrBlocks {
  blocks?: Array<{ paragraphs: Array<{ lines: Array<{ text: string; words: Array<{ text: string; bbox: OcrBox }> }> }> }> | null;
}

/**
 * tesseract's blocks as rows of placed words (one row per line it found). Korean syllables often come as
 * words of their own: whether a space stood between two words is read from tesseract's own line text.
 */
export function ocrRows(data: OcrBlocks): PlacedWord[][] | undefined {
  if (!data.blocks?.length) return undefined;
  return data.blocks.flatMap((b) =>
    b.paragraphs.flatMap((p) =>
      p.lines.map((l) => {
        let at = 0;
        return l.words.map((w, i) => {
          const found = l.text.indexOf(w.text, at);
          const spaceBefore = i === 0 || found < 0 ? true : /\s/.test(l.text.slice(at, found) || (found === at ? '' : ' '));
          if (found >= 0) at = found + w.text.length;
          return { str: w.text, x: w.bbox.x0, width: w.bbox.x1 - w.bbox.x0, spaceBefore };
        });
      })
    )
  );
}

/** What tesseract is asked to give back: the text and the word boxes. */
export const OCR_OUTPUT = { text: true, blocks: true } as const;

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
