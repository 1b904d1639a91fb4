import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { ocrAssets } from './scripts/vite-ocr-assets';
import { offlineFiles } from './scripts/vite-offline-files';

export default defineConfig({
  plugins: [sveltekit(), ocrAssets(), offlineFiles()],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'proxy/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000
  }
});
