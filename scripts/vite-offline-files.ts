/**
 * Writes two lists into the build. `offline-files.json`: the files SvelteKit's `$service-worker` `build` list
 * leaves out (the web workers' bundles and their lazy chunks, pdf.js's worker, the OCR files at /vendor/ocr/).
 * `precache-plan.json` (src/lib/pwa/precache-plan.ts): every file the site serves with its size and content
 * hash, split into the shell the service worker caches at install and the heavy parts cached on first use or
 * by "Make available offline", so an install stays small and an update fetches only what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { planPrecache, type PlanFile } from '../src/lib/pwa/precache-plan';
import { PLAN_PATH } from '../src/lib/pwa/cache-names';
import { OCR_BASE, ocrFiles } from './vite-ocr-assets';

export const OFFLINE_LIST = 'offline-files.json';

function planFile(path: string, content: string | Uint8Array): PlanFile {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return { path, bytes, hash: createHash('sha256').update(content).digest('hex').slice(0, 12) };
}

/** The files of static/ (the manifest, the icons), served from the site's root as they are. */
function staticFiles(dir = 'static'): PlanFile[] {
  if (!existsSync(dir)) return [];
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => (statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)]));
  return walk(dir)
    .filter((file) => !/(^|\/)\./.test(relative(dir, file)))
    .map((file) => planFile(`/${relative(dir, file).replace(/\\/g, '/')}`, readFileSync(file)));
}

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
      const built = Object.values(bundle)
        .filter((item) => !item.fileName.startsWith('.vite/') && item.fileName !== OFFLINE_LIST)
        .map((item) => planFile(`/${item.fileName}`, item.type === 'chunk' ? item.code : item.source));
      const plan = planPrecache([...built, ...staticFiles()]);
      this.emitFile({ type: 'asset', fileName: PLAN_PATH.slice(1), source: JSON.stringify(plan) });
    }
  };
}
