/**
 * Reading documents in the browser. pdf.js runs its own worker (a Vite `?url` asset); tesseract.js's worker,
 * its WebAssembly core and the English and Korean data are served by the app itself at /vendor/ocr/ (see
 * scripts/vite-ocr-assets.ts), so OCR works offline and nothing is fetched from a CDN.
 */
import type * as PdfJs from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { OCR_LANGS, OCR_OUTPUT, OCR_PARAMETERS, ocrRows, type ReaderPlatform } from './platform';

type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

/** Where scripts/vite-ocr-assets.ts puts the OCR files. */
const OCR_BASE = '/vendor/ocr/';

let pdfjsModule: Promise<typeof PdfJs> | undefined;
let worker: Promise<TesseractWorker> | undefined;

async function loadPdfjs(): Promise<typeof PdfJs> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  return pdfjs;
}

async function startWorker(): Promise<TesseractWorker> {
  const { createWorker, OEM } = await import('tesseract.js');
  const base = new URL(OCR_BASE, location.origin).href;
  const created = await createWorker([...OCR_LANGS], OEM.LSTM_ONLY, {
    workerPath: `${base}worker.min.js`,
    corePath: base,
    langPath: base,
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
    // A failed job rejects its own promise; without a handler tesseract.js also throws it out of band.
    errorHandler: () => {}
  });
  await created.setParameters(OCR_PARAMETERS as never);
  return created;
}

export const browserPlatform: ReaderPlatform = {
  pdfjs: () => (pdfjsModule ??= loadPdfjs()),
  async ocr(bytes) {
    const ocr = await (worker ??= startWorker());
    const { data } = await ocr.recognize(new Blob([bytes as BlobPart]), {}, OCR_OUTPUT);
    return { text: data.text, confidence: data.confidence, rows: ocrRows(data) };
  },
  async close() {
    const running = worker;
    worker = undefined;
    if (running) await (await running).terminate();
  }
};
