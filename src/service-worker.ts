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

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([SHELL, ...ASSETS])));
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

  if (ASSETS.has(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
  } else if (request.mode === 'navigate') {
    // Network first, so a new build shows at once; the cached shell when there is no network.
    event.respondWith(fetch(request).catch(async () => (await caches.match(SHELL)) ?? Response.error()));
  }
});
