/**
 * A new version of the studio, deployed while a tab is open: its service worker installs and waits (the old
 * one keeps serving this tab's chunks). `watchForUpdate` tells the page when one waits; `applyUpdate` asks it
 * to take over and reloads once it has, only in the tab that asked, so a second tab with unsaved edits is
 * never reloaded under them. Browser only; the prompt's words are in src/lib/ui/pwa/.
 */

/**
 * How often an open tab asks the server for a new version, besides on coming back to the tab or the network
 * (one small request for the worker's script, answered 304 when nothing changed).
 */
const CHECK_EVERY_MS = 10 * 60_000;

function whenInstalled(worker: ServiceWorker, onWaiting: (worker: ServiceWorker) => void) {
  const check = () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) onWaiting(worker);
  };
  worker.addEventListener('statechange', check);
  check();
}

/** Calls `onWaiting` when a new service worker waits to take over this page; answers a stop function. */
export function watchForUpdate(onWaiting: (worker: ServiceWorker) => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  let stopped = false;
  let registration: ServiceWorkerRegistration | undefined;
  const report = (worker: ServiceWorker) => {
    if (!stopped) onWaiting(worker);
  };
  const onFound = () => {
    if (registration?.installing) whenInstalled(registration.installing, report);
  };
  const check = () => {
    if (document.visibilityState === 'visible') void registration?.update().catch(() => {}); // offline: next time
  };
  void navigator.serviceWorker.ready.then((found) => {
    if (stopped) return;
    registration = found;
    if (found.waiting) report(found.waiting);
    if (found.installing) whenInstalled(found.installing, report);
    found.addEventListener('updatefound', onFound);
  });
  const timer = setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', check);
  window.addEventListener('online', check);
  return () => {
    stopped = true;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
    window.removeEventListener('online', check);
    registration?.removeEventListener('updatefound', onFound);
  };
}

/**
 * Lets the waiting worker take over, then reloads this tab onto the new version. Where another tab already
 * let it take over, this tab's prompt still shows: then it reloads at once.
 */
export function applyUpdate(worker: ServiceWorker, reload: () => void = () => location.reload()): void {
  let done = false;
  const once = () => {
    if (!done) reload();
    done = true;
  };
  if (navigator.serviceWorker.controller === worker || worker.state === 'activated') return once();
  navigator.serviceWorker.addEventListener('controllerchange', once, { once: true });
  worker.addEventListener('statechange', () => {
    if (worker.state === 'activated' && navigator.serviceWorker.controller === worker) once();
  });
  worker.postMessage({ type: 'SKIP_WAITING' });
}
