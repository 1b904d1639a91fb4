import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A static single-page app: every route falls back to index.html and runs in the browser.
    adapter: adapter({ fallback: 'index.html' }),
    alias: { $engine: 'src/lib/engine', $recipe: 'src/lib/recipe' }
  }
};
