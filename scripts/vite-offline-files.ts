/**
 * Lists, in the build's `offline-files.json`, the files the service worker must cache at install besides
 * SvelteKit's own list: the web workers' bundles and their lazy chunks (the engine worker's document
 * readers, pdf.js's worker) and the OCR files at /vendor/ocr/. SvelteKit's `$service-worker` `build` list
 * leaves workers out, so without this a PDF or image read in the engine worker fails once offline.
 */
import type { Plugin } from 'vite';
import { OCR_BASE, ocrFiles } from './vite-ocr-assets';

export const OFFLINE_LIST = 'offline-files.json';

export function offlineFiles(): Plugin {
  return {
    name: 'sous-offline-files',
    // After Vite's worker plugin has added the workers' files to the client bundle.
    enforce: 'post',
    generateBundle(options, bundle) {
      if (!options.dir?.replace(/\\/g, '/').includes('/client')) return;
      const workers = Object.keys(bundle).filter((name) => /(^|\/)workers\//.test(name));
      const ocr = Object.keys(ocrFiles()).map((name) => `${OCR_BASE.slice(1)}${name}`);
      const files = [...new Set([...workers, ...ocr])].sort().map((name) => `/${name}`);
      this.emitFile({ type: 'asset', fileName: OFFLINE_LIST, source: JSON.stringify(files) });
    }
  };
}
