/**
 * A Vite plugin: once SvelteKit's adapter has written the site to `dir`, writes `.br` and `.gz` copies of
 * its compressible files (scripts/precompress.ts), which proxy/static-files.ts serves by Accept-Encoding.
 * Done on the adapter's output, not Vite's bundle, so the fallback page, the service worker and the copied
 * OCR files are compressed too, and the service worker's file list never names a `.br`.
 */
import type { Plugin } from 'vite';
import { precompressFolder } from './precompress';

export function precompress(dir: string): Plugin {
  let serverBuild = false;
  let log = (line: string) => console.log(line);
  return {
    name: 'sous-precompress',
    apply: 'build',
    configResolved(config) {
      // SvelteKit builds the server, and the client inside it; the adapter runs when the server build closes.
      serverBuild = Boolean(config.build.ssr);
      log = (line) => config.logger.info(line);
    },
    closeBundle: {
      // After SvelteKit's own closeBundle, which runs the adapter at the end of the server build.
      order: 'post',
      sequential: true,
      async handler() {
        if (!serverBuild) return;
        const started = Date.now();
        const count = await precompressFolder(dir);
        log(`precompressed ${count} files in ${dir} (${Date.now() - started} ms)`);
      }
    }
  };
}
