import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A static single-page app: every route falls back to index.html and runs in the browser.
    // SOUS_BUILD_DIR / SOUS_KIT_DIR: build elsewhere than build/ and .svelte-kit/ (two builds side by side).
    adapter: adapter({ pages: process.env.SOUS_BUILD_DIR ?? 'build', assets: process.env.SOUS_BUILD_DIR ?? 'build', fallback: 'index.html' }),
    outDir: process.env.SOUS_KIT_DIR ?? '.svelte-kit',
    alias: { $engine: 'src/lib/engine', $recipe: 'src/lib/recipe' }
  }
};
