import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { ocrAssets } from './scripts/vite-ocr-assets';
import { offlineFiles } from './scripts/vite-offline-files';
import { precompress } from './scripts/vite-precompress';

export default defineConfig({
  // precompress: the folder svelte.config.js gives the adapter (SOUS_BUILD_DIR or build/).
  plugins: [sveltekit(), ocrAssets(), offlineFiles(), precompress(process.env.SOUS_BUILD_DIR ?? 'build')],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'proxy/**/*.test.ts', 'bench/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000
  }
});
