/**
 * Which of the built files the service worker caches at install (the app shell: what the recipe list, the
 * editor and the engine need to open with no network) and which wait until first use or an explicit "Make
 * available offline" (OCR languages and cores, the model runtime, pdf.js's worker). Pure, so the build
 * plugin that writes the plan, the service worker that reads it and `npm run bench` agree on the figures.
 */
import type { PlanFile, PrecachePlan } from './precache-plan-schema';

export type { PlanFile, PrecachePlan } from './precache-plan-schema';

/**
 * Heavy parts only some people use, by name: each loads when first needed, so caching it at install would
 * make every laptop download it. A file this big that is none of these is lazy too (a catch-all, so a new
 * heavy dependency does not silently land in every install).
 */
export const LAZY_PATTERNS: readonly RegExp[] = [/^\/vendor\/ocr\//, /webllm/i, /pdf\.worker/];
export const LAZY_OVER_BYTES = 3_000_000;

export function isLazy(file: Pick<PlanFile, 'path' | 'bytes'>): boolean {
  return file.bytes > LAZY_OVER_BYTES || LAZY_PATTERNS.some((pattern) => pattern.test(file.path));
}

/** Splits the files (each path once, sorted) into the install list and the on-first-use list. */
export function planPrecache(files: readonly PlanFile[]): PrecachePlan {
  const unique = new Map(files.map((file) => [file.path, file]));
  const sorted = [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { shell: sorted.filter((file) => !isLazy(file)), lazy: sorted.filter((file) => isLazy(file)) };
}

/** Files under /_app/immutable/ carry their content's hash in their names: they never change. */
export function isHashedName(path: string): boolean {
  return path.startsWith('/_app/immutable/');
}

/**
 * The key a file is kept under in the cache shared by every version: its path when the name is hashed,
 * else the path with its content hash, so a changed vendor file is fetched again and an unchanged one is not.
 */
export function cacheKey(file: Pick<PlanFile, 'path' | 'hash'>): string {
  return isHashedName(file.path) ? file.path : `${file.path}?sous-hash=${file.hash}`;
}

export function totalBytes(files: readonly Pick<PlanFile, 'bytes'>[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}

/** The shell files a new version must download when the previous version's shell is already cached. */
export function updateFiles(previous: PrecachePlan, next: PrecachePlan): PlanFile[] {
  const have = new Set(previous.shell.map(cacheKey));
  return next.shell.filter((file) => !have.has(cacheKey(file)));
}

/** The figures `npm run bench` reports: bytes at install, bytes on an update, bytes left for first use. */
export function precacheFigures(plan: PrecachePlan, previous?: PrecachePlan) {
  const update = previous ? updateFiles(previous, plan) : plan.shell;
  return {
    shellFiles: plan.shell.length,
    shellBytes: totalBytes(plan.shell),
    lazyFiles: plan.lazy.length,
    lazyBytes: totalBytes(plan.lazy),
    updateFiles: update.length,
    updateBytes: totalBytes(update)
  };
}
