/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Makes the studio open with no network after its first visit (a workshop on bad Wi-Fi), while keeping what
 * thirty laptops download small. Install caches only the app shell (the build's precache-plan.json, from
 * src/lib/pwa/precache-plan.ts); the heavy parts (OCR, the model runtime, pdf.js's worker) are cached on first
 * use or by "Make available offline". Files live in one cache shared by every version, keyed by URL (hashed
 * names) or by content hash, so an update downloads only what changed. Only this origin's own GET requests
 * are touched, and only our own `sous-app-*` caches: WebLLM's model weights stay in theirs across updates.
 */
import { build, files, version } from '$service-worker';
import { FILL_HEADER, OUR_CACHES, PLAN_PATH, SHARED_CACHE, VERSION_CACHE_PREFIX } from '$lib/pwa/cache-names';
import { cacheKey, isHashedName, type PlanFile, type PrecachePlan } from '$lib/pwa/precache-plan';

const sw = self as unknown as ServiceWorkerGlobalScope;
const VERSION_CACHE = `${VERSION_CACHE_PREFIX}${version}`;
const SHELL = '/';

function isPlanFile(value: unknown): value is PlanFile {
  const file = value as PlanFile;
  return typeof file?.path === 'string' && file.path.startsWith('/') && typeof file.bytes === 'number' && typeof file.hash === 'string';
}

function parsePlan(value: unknown): PrecachePlan | null {
  const plan = value as PrecachePlan;
  const ok = Array.isArray(plan?.shell) && Array.isArray(plan?.lazy) && [...plan.shell, ...plan.lazy].every(isPlanFile);
  return ok ? plan : null;
}

/** The dev server writes no plan: then SvelteKit's own list is the shell, keyed by this version. */
function fallbackPlan(): PrecachePlan {
  return { shell: [...build, ...files].map((path) => ({ path, bytes: 0, hash: version })), lazy: [] };
}

let planLoad: Promise<{ plan: PrecachePlan; byPath: Map<string, PlanFile> }> | undefined;

/** This version's plan, as stored at install (a worker restarted later reads it from its cache). */
function currentPlan() {
  planLoad ??= (async () => {
    const stored = await (await caches.open(VERSION_CACHE)).match(PLAN_PATH);
    const plan = (stored && parsePlan(await stored.json().catch(() => null))) || fallbackPlan();
    return { plan, byPath: new Map([...plan.shell, ...plan.lazy].map((file) => [file.path, file])) };
  })();
  return planLoad;
}

async function fetchPlan(versionCache: Cache): Promise<PrecachePlan> {
  const response = await fetch(PLAN_PATH, { cache: 'no-cache' }).catch(() => null);
  if (!response?.ok) return fallbackPlan();
  const plan = parsePlan(await response.clone().json().catch(() => null));
  if (!plan) return fallbackPlan();
  await versionCache.put(PLAN_PATH, response);
  return plan;
}

/** One shell file into the shared cache, unless a version before this one already put it there. */
async function cacheFile(shared: Cache, file: PlanFile): Promise<void> {
  const key = cacheKey(file);
  if (await shared.match(key)) return;
  // A hashed file the previous service worker (one cache per version) holds: the same bytes, not fetched again.
  const earlier = isHashedName(file.path) ? await caches.match(file.path) : undefined;
  const response = earlier ?? (await fetch(file.path, { cache: isHashedName(file.path) ? 'default' : 'no-cache' }));
  if (!response.ok) throw new Error(`could not cache ${file.path}: HTTP ${response.status}`);
  await shared.put(key, response);
}

async function install(): Promise<void> {
  const versionCache = await caches.open(VERSION_CACHE);
  const shared = await caches.open(SHARED_CACHE);
  const plan = await fetchPlan(versionCache);
  const page = await fetch(SHELL, { cache: 'no-cache' });
  if (!page.ok) throw new Error(`could not cache the app page: HTTP ${page.status}`);
  await versionCache.put(SHELL, page);
  // A few at a time: a laptop on bad Wi-Fi, and a server shared by a room.
  const queue = [...plan.shell];
  const next = async (): Promise<void> => {
    for (let file = queue.shift(); file; file = queue.shift()) await cacheFile(shared, file);
  };
  await Promise.all(Array.from({ length: 6 }, next));
}

/** Drops other versions' caches and the shared entries this version's plan no longer names. */
async function activate(): Promise<void> {
  const keys = await caches.keys();
  await Promise.all(keys.filter((key) => key.startsWith(OUR_CACHES) && key !== SHARED_CACHE && key !== VERSION_CACHE).map((key) => caches.delete(key)));
  const { plan } = await currentPlan();
  const keep = new Set([...plan.shell, ...plan.lazy].map(cacheKey));
  const shared = await caches.open(SHARED_CACHE);
  for (const request of await shared.keys()) {
    const url = new URL(request.url);
    if (!keep.has(url.pathname + url.search)) await shared.delete(request);
  }
  // The first visit's page is served (and fills the cache on first use) without a reload.
  await sw.clients.claim();
}

sw.addEventListener('install', (event) => event.waitUntil(install()));
sw.addEventListener('activate', (event) => event.waitUntil(activate()));

// The page asks, from its "A new version is ready" prompt, once nothing unsaved would be lost.
sw.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

/** Cache first: a file's key names its content, so a cached copy is always right; a miss fills the cache. */
async function fromCache(event: FetchEvent, key: string): Promise<Response> {
  const shared = await caches.open(SHARED_CACHE);
  const hit = await shared.match(key);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') event.waitUntil(shared.put(key, response.clone()));
  return response;
}

async function keyOf(path: string): Promise<string | undefined> {
  if (isHashedName(path)) return path;
  const file = (await currentPlan()).byPath.get(path);
  return file ? cacheKey(file) : undefined;
}

async function respond(event: FetchEvent, path: string): Promise<Response> {
  const key = await keyOf(path);
  return key ? fromCache(event, key) : fetch(event.request);
}

/**
 * The local server's own endpoints (the proxy, its settings, webhooks and their relay, MCP, model files,
 * the workshop room's facts and pack): the page's requests to them go to the network untouched, never
 * through this worker or its caches. `/room/` and `/room.json`, not `/room`: that is the studio's own page.
 */
const SERVER_ENDPOINTS = ['/proxy', '/hooks', '/mcp', '/models/', '/room.json', '/room/'];

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has(FILL_HEADER)) return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || SERVER_ENDPOINTS.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname === PLAN_PATH) {
    // The page's offline panel reads it: this version's copy when there is no network.
    event.respondWith(fetch(request).catch(async () => (await (await caches.open(VERSION_CACHE)).match(PLAN_PATH)) ?? Response.error()));
  } else if (request.mode === 'navigate') {
    // Network first, so a new build shows at once; the cached shell when there is no network.
    event.respondWith(fetch(request).catch(async () => (await (await caches.open(VERSION_CACHE)).match(SHELL)) ?? Response.error()));
  } else if (url.pathname !== '/service-worker.js' && !url.search) {
    event.respondWith(respond(event, url.pathname));
  }
});
