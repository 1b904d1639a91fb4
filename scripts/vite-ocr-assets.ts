/**
 * Serves tesseract.js's worker, its WebAssembly core (LSTM builds) and the English and Korean language data
 * from the app itself at /vendor/ocr/ — copied from node_modules into the build, and served from there by the
 * dev server — so OCR in the browser works offline and never asks a CDN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

export const OCR_BASE = '/vendor/ocr/';

/** Public file name → the npm file it is. */
export function ocrFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'worker.min.js': require.resolve('tesseract.js/dist/worker.min.js'),
    'eng.traineddata.gz': require.resolve('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz'),
    'kor.traineddata.gz': require.resolve('@tesseract.js-data/kor/4.0.0_best_int/kor.traineddata.gz')
  };
  for (const core of ['tesseract-core-lstm', 'tesseract-core-simd-lstm', 'tesseract-core-relaxedsimd-lstm']) {
    files[`${core}.wasm.js`] = require.resolve(`tesseract.js-core/${core}.wasm.js`);
  }
  return files;
}

export function ocrAssets(): Plugin {
  const files = ocrFiles();
  return {
    name: 'sous-ocr-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const name = path.startsWith(OCR_BASE) ? path.slice(OCR_BASE.length) : '';
        const file = Object.hasOwn(files, name) ? files[name] : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', name.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle(options) {
      // SvelteKit builds twice (server, then client); only the client's output is served.
      if (!options.dir?.replace(/\\/g, '/').includes('/client')) return;
      for (const [name, file] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName: `${OCR_BASE.slice(1)}${name}`, source: readFileSync(file) });
      }
    }
  };
}
