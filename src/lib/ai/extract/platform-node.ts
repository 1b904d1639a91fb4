/**
 * Reading documents in Node (the CLI, the bench, the tests): pdf.js's legacy build with its worker module
 * loaded in-process, and tesseract.js with the core and the English and Korean data from node_modules —
 * nothing is fetched from the network.
 */
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJs from 'pdfjs-dist';
import { OCR_LANGS, OCR_OUTPUT, OCR_PARAMETERS, ocrRows, type ReaderPlatform } from './platform';

const require = createRequire(import.meta.url);
type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js').createWorker>>;

let pdfjsModule: Promise<typeof PdfJs> | undefined;
let worker: Promise<TesseractWorker> | undefined;

async function loadPdfjs(): Promise<typeof PdfJs> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as typeof PdfJs;
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  return pdfjs;
}

/**
 * tesseract.js reads every language from one folder, but each language is its own npm package: copy the small
 * LSTM data of each (`4.0.0_best_int`) into one folder under the system's temp folder, once.
 */
async function languageFolder(): Promise<string> {
  const folder = join(tmpdir(), 'sous-ocr-data-4.0.0_best_int');
  await mkdir(folder, { recursive: true });
  for (const code of OCR_LANGS) {
    const target = join(folder, `${code}.traineddata.gz`);
    const source = join(dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), '4.0.0_best_int', `${code}.traineddata.gz`);
    const [have, want] = await Promise.all([stat(target).catch(() => null), stat(source)]);
    if (have?.size !== want.size) {
      await copyFile(source, `${target}.${process.pid}`);
      await rename(`${target}.${process.pid}`, target);
    }
  }
  return folder;
}

async function startWorker(): Promise<TesseractWorker> {
  const { createWorker, OEM } = await import('tesseract.js');
  // A local folder, never a URL; cacheMethod 'none' writes no traineddata files into the working folder.
  const created = await createWorker([...OCR_LANGS], OEM.LSTM_ONLY, {
    langPath: await languageFolder(),
    cacheMethod: 'none',
    gzip: true,
    // A failed job rejects its own promise; without a handler tesseract.js also throws it out of band.
    errorHandler: () => {}
  });
  await created.setParameters(OCR_PARAMETERS as never);
  return created;
}

export const nodePlatform: ReaderPlatform = {
  pdfjs: () => (pdfjsModule ??= loadPdfjs()),
  async ocr(bytes) {
    const ocr = await (worker ??= startWorker());
    const { data } = await ocr.recognize(Buffer.from(bytes), {}, OCR_OUTPUT);
    return { text: data.text, confidence: data.confidence, rows: ocrRows(data) };
  },
  async close() {
    const running = worker;
    worker = undefined;
    if (running) await (await running).terminate();
  }
};
