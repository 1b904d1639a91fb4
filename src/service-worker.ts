/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Makes the studio open with no network after its first visit (a workshop on bad Wi-Fi): the built app
 * and the files in `static/` are cached at install; pages fall back to the cached app shell. Only this
 * origin's own GET requests are touched: calls to other sites and to the proxy go to the network as they are.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `sous-app-${version}`;
const SHELL = '/';
const ASSETS = new Set([...build, ...files]);

/**
 * The files SvelteKit's list leaves out: the web workers' bundles (the engine worker reads PDFs and images
 * with lazy chunks) and the OCR files at /vendor/ocr/, listed at build time by scripts/vite-offline-files.ts.
 */
const EXTRA_LIST = '/offline-files.json';

async function extraFiles(): Promise<string[]> {
  const response = await fetch(EXTRA_LIST, { cache: 'no-cache' });
  if (!response.ok) return []; // the dev server has no such list
  const list: unknown = await response.json();
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string' && f.startsWith('/')) : [];
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const extra = await extraFiles().catch(() => []);
      for (const file of extra) ASSETS.add(file);
      await cache.addAll([SHELL, ...ASSETS]);
    })()
  );
});

sw.addEventListener('activate', (event) => {
  // A new version takes over only when no tab runs the old one, so a page never loses its own chunks.
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key.startsWith('sous-app-') && key !== CACHE).map((key) => caches.delete(key))))
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/proxy')) return;

  // The extra files by their folders too: a service worker restarted since install has only SvelteKit's list.
  if (ASSETS.has(url.pathname) || url.pathname.startsWith('/_app/immutable/workers/') || url.pathname.startsWith('/vendor/ocr/')) {
    event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
  } else if (request.mode === 'navigate') {
    // Network first, so a new build shows at once; the cached shell when there is no network.
    event.respondWith(fetch(request).catch(async () => (await caches.match(SHELL)) ?? Response.error()));
  }
});
