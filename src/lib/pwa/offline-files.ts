/**
 * "Make available offline": the heavy parts the service worker does not cache at install (precache-plan.ts:
 * OCR, the model runtime, pdf.js's worker), fetched into the shared cache by the page itself so it can show
 * progress, under the same keys the service worker reads. Model weights are WebLLM's, in its own caches.
 */
import { guardWrite } from '../store/storage-errors';
import { FILL_HEADER, PLAN_PATH, SHARED_CACHE } from './cache-names';
import { cacheKey, totalBytes, type PlanFile, type PrecachePlan } from './precache-plan';
import { PrecachePlanSchema } from './precache-plan-schema';


export interface OfflineStatus {
  files: PlanFile[];
  /** Those already in the cache (cached on first use or by an earlier "Make available offline"). */
  cached: PlanFile[];
  totalBytes: number;
  cachedBytes: number;
}

export interface OfflineProgress {
  doneFiles: number;
  totalFiles: number;
  doneBytes: number;
  totalBytes: number;
}

/** The built plan, or null where there is none (the dev server) or no Cache Storage (not a secure context). */
export async function loadPlan(): Promise<PrecachePlan | null> {
  if (typeof caches === 'undefined') return null;
  const response = await fetch(PLAN_PATH, { cache: 'no-cache' }).catch(() => null);
  if (!response?.ok) return null;
  const parsed = PrecachePlanSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

export async function offlineStatus(plan: PrecachePlan): Promise<OfflineStatus> {
  const cache = await caches.open(SHARED_CACHE);
  const cached: PlanFile[] = [];
  for (const file of plan.lazy) if (await cache.match(cacheKey(file))) cached.push(file);
  return { files: plan.lazy, cached, totalBytes: totalBytes(plan.lazy), cachedBytes: totalBytes(cached) };
}

/** Reads a response's body while counting its bytes (decoded, as the plan counts them). */
async function readCounting(response: Response, onBytes: (bytes: number) => void): Promise<Blob> {
  if (!response.body) return response.blob();
  const parts: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parts.push(chunk.value);
    onBytes(chunk.value.byteLength);
  }
  return new Blob(parts as BlobPart[]);
}

async function fillOne(cache: Cache, file: PlanFile, onBytes: (bytes: number) => void): Promise<void> {
  const response = await fetch(file.path, { headers: { [FILL_HEADER]: '1' } });
  if (!response.ok) throw new Error(`could not download ${file.path}: HTTP ${response.status}`);
  const body = await readCounting(response, onBytes);
  const headers = new Headers({ 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' });
  await guardWrite(`the offline copy of ${file.path}`, () => cache.put(cacheKey(file), new Response(body, { status: 200, headers })));
}

/** Downloads every heavy file not cached yet, one after another, reporting bytes and files as they come. */
export async function makeAvailableOffline(plan: PrecachePlan, onProgress: (progress: OfflineProgress) => void): Promise<void> {
  const status = await offlineStatus(plan);
  const have = new Set(status.cached.map((file) => file.path));
  const progress: OfflineProgress = { doneFiles: status.cached.length, totalFiles: plan.lazy.length, doneBytes: status.cachedBytes, totalBytes: status.totalBytes };
  onProgress({ ...progress });
  const cache = await caches.open(SHARED_CACHE);
  for (const file of plan.lazy.filter((item) => !have.has(item.path))) {
    const before = progress.doneBytes;
    await fillOne(cache, file, (bytes) => {
      progress.doneBytes += bytes;
      onProgress({ ...progress });
    });
    progress.doneBytes = before + file.bytes; // the plan's figure, whatever the server's encoding
    progress.doneFiles += 1;
    onProgress({ ...progress });
  }
}
