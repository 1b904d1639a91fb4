import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { ocrAssets } from './scripts/vite-ocr-assets';

export default defineConfig({
  plugins: [sveltekit(), ocrAssets()],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'proxy/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000
  }
});
