/**
 * Downloading a model's files ourselves, into the same Cache API caches WebLLM reads (`webllm/config`,
 * `webllm/model`, `webllm/wasm`, keyed by URL), so the Models page can show real bytes, speed and time left
 * (WebLLM's own progress gives only a fraction) and WebLLM later finds everything cached and works offline.
 * `fetch` and `caches` are passed in; nothing here imports WebLLM.
 */
import { guardWrite } from '../../store/storage-errors';
import { modelFilesUrl } from './model-source';
import type { ModelRecordLike } from './models';

export const CACHE_NAMES = { config: 'webllm/config', model: 'webllm/model', wasm: 'webllm/wasm' } as const;

export interface CacheLike {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  delete(request: string): Promise<boolean>;
  keys(): Promise<readonly { url: string }[]>;
}
export interface CachesLike {
  open(name: string): Promise<CacheLike>;
}

export interface DownloadProgress {
  /** Bytes in the cache so far (including files cached before this download). */
  loaded: number;
  /** Bytes in all, as the model's file list says (0 until it is read). */
  total: number;
  /** Bytes per second over the last few seconds; 0 at the start. */
  speed: number;
  /** Seconds left at that speed, or null while unknown. */
  secondsLeft: number | null;
  file: string;
}

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly code: 'cancelled' | 'not_found' | 'http' | 'network' | 'broken'
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

interface Plan {
  config: { url: string; cache: keyof typeof CACHE_NAMES; size?: number; name: string }[];
}

export interface DownloadOptions {
  fetch?: typeof fetch;
  caches: CachesLike;
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  now?: () => number;
}

/** Fetch every file of the model not yet cached; throws DownloadError with a plain message. */
export async function downloadModel(record: ModelRecordLike, options: DownloadOptions): Promise<void> {
  const get = options.fetch ?? fetch;
  const now = options.now ?? (() => performance.now());
  const base = modelFilesUrl(record.model);
  const open = cacheOpener(options.caches);

  const chatConfig = await jsonFile(get, open, `${base}mlc-chat-config.json`, 'config', 'mlc-chat-config.json', options.signal);
  const tensorList = await jsonFile(get, open, `${base}tensor-cache.json`, 'model', 'tensor-cache.json', options.signal);
  const records = (tensorList as { records?: { dataPath?: unknown; nbytes?: unknown }[] }).records;
  if (!Array.isArray(records) || records.some((r) => typeof r.dataPath !== 'string')) {
    throw new DownloadError('The model\'s file list (tensor-cache.json) has no "records": the files at this address are not a WebLLM model.', 'broken');
  }
  const tokenizerFiles = (chatConfig as { tokenizer_files?: unknown }).tokenizer_files;
  const tokenizer = Array.isArray(tokenizerFiles) && tokenizerFiles.includes('tokenizer.json') ? 'tokenizer.json' : 'tokenizer.model';

  const plan: Plan['config'] = [
    ...records.map((r) => ({ url: new URL(r.dataPath as string, base).href, cache: 'model' as const, size: Number(r.nbytes) || undefined, name: r.dataPath as string })),
    { url: new URL(tokenizer, base).href, cache: 'model', name: tokenizer },
    { url: record.model_lib, cache: 'wasm', name: record.model_lib.split('/').pop() ?? 'model library' }
  ];
  const progress = meter(plan.reduce((sum, f) => sum + (f.size ?? 0), 0), now, options.onProgress);
  for (const file of plan) {
    const cache = await open(file.cache);
    const cached = await cache.match(file.url);
    if (cached) {
      progress.skip(file.size ?? Number(cached.headers.get('content-length') ?? 0), file.name, file.size === undefined);
      continue;
    }
    const response = await request(get, file.url, file.name, options.signal);
    const body = await readCounting(response, options.signal, (n) => progress.add(n, file.name, file.size === undefined));
    if (file.size !== undefined && body.size !== file.size) {
      throw new DownloadError(
        `The model file ${file.name} is ${body.size} bytes, but the model's file list says ${file.size}: the copy at this address is broken. Delete the model and fix the files on the server.`,
        'broken'
      );
    }
    await guardWrite(`the model file ${file.name}`, () => cache.put(file.url, new Response(body, { headers: { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream', 'content-length': String(body.size) } })));
  }
}

/** Whether every file of the model is cached (so WebLLM can load it offline). */
export async function isModelCached(record: ModelRecordLike, caches: CachesLike): Promise<boolean> {
  const base = modelFilesUrl(record.model);
  const config = await caches.open(CACHE_NAMES.config);
  const model = await caches.open(CACHE_NAMES.model);
  const wasm = await caches.open(CACHE_NAMES.wasm);
  if (!(await config.match(`${base}mlc-chat-config.json`)) || !(await wasm.match(record.model_lib))) return false;
  const list = await model.match(`${base}tensor-cache.json`);
  if (!list) return false;
  try {
    const records = ((await list.json()) as { records: { dataPath: string }[] }).records;
    for (const r of records) if (!(await model.match(new URL(r.dataPath, base).href))) return false;
  } catch {
    return false;
  }
  return Boolean((await model.match(`${base}tokenizer.json`)) ?? (await model.match(`${base}tokenizer.model`)));
}

/** Bytes of the model's cached weights, from its cached file list (null when the list is not cached). */
export async function cachedWeightBytes(record: ModelRecordLike, caches: CachesLike): Promise<number | null> {
  const list = await (await caches.open(CACHE_NAMES.model)).match(`${modelFilesUrl(record.model)}tensor-cache.json`);
  if (!list) return null;
  try {
    const records = ((await list.json()) as { records: { nbytes?: number }[] }).records;
    return records.reduce((sum, r) => sum + (Number(r.nbytes) || 0), 0);
  } catch {
    return null;
  }
}

/** Remove every cached file of the model (also of a half-finished download); answers how many. */
export async function deleteModelFiles(record: ModelRecordLike, caches: CachesLike): Promise<number> {
  const base = modelFilesUrl(record.model);
  let removed = 0;
  for (const name of Object.values(CACHE_NAMES)) {
    const cache = await caches.open(name);
    for (const key of await cache.keys()) {
      if (key.url.startsWith(base) || key.url === record.model_lib) removed += (await cache.delete(key.url)) ? 1 : 0;
    }
  }
  return removed;
}

function cacheOpener(caches: CachesLike) {
  const open = new Map<string, Promise<CacheLike>>();
  return (which: keyof typeof CACHE_NAMES) => {
    if (!open.has(which)) open.set(which, caches.open(CACHE_NAMES[which]));
    return open.get(which)!;
  };
}

async function jsonFile(get: typeof fetch, open: ReturnType<typeof cacheOpener>, url: string, which: keyof typeof CACHE_NAMES, name: string, signal?: AbortSignal) {
  const cache = await open(which);
  const cached = await cache.match(url);
  const text = cached ? await cached.text() : await (await request(get, url, name, signal)).text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DownloadError(`The model's ${name} is not valid JSON: the files at this address are broken or are not a WebLLM model.`, 'broken');
  }
  if (!cached) await cache.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }));
  return data;
}

async function request(get: typeof fetch, url: string, name: string, signal?: AbortSignal): Promise<Response> {
  if (signal?.aborted) throw cancelled();
  let response: Response;
  try {
    response = await get(url, { signal });
  } catch {
    if (signal?.aborted) throw cancelled();
    throw new DownloadError(`Could not reach ${new URL(url).host} to download ${name}: check the model base URL and that the server is running (and the network, if it is not on this machine).`, 'network');
  }
  if (response.status === 404) {
    throw new DownloadError(`The model file ${name} is not at ${url} (404): check the model base URL; it should hold MODEL_ID/resolve/main/ folders and a libs/ folder.`, 'not_found');
  }
  if (!response.ok) throw new DownloadError(`The server answered ${response.status} ${response.statusText} for the model file ${name}.`, 'http');
  return response;
}

async function readCounting(response: Response, signal: AbortSignal | undefined, count: (n: number) => void): Promise<Blob> {
  if (!response.body) {
    const blob = await response.blob();
    count(blob.size);
    return blob;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  try {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        if (signal?.aborted) throw cancelled();
        throw new DownloadError('The download stopped half-way (the connection was lost): try again.', 'network');
      }
      if (chunk.done) break;
      parts.push(chunk.value as Uint8Array<ArrayBuffer>);
      count(chunk.value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
  // A Blob of the chunks: no second copy of a shard of tens of MB.
  return new Blob(parts);
}

/** Bytes, speed (over a sliding window of a few seconds) and time left. */
function meter(total: number, now: () => number, report?: (p: DownloadProgress) => void) {
  let loaded = 0;
  const samples: [number, number][] = [];
  const WINDOW_MS = 3000;
  const emit = (file: string) => {
    const t = now();
    samples.push([t, loaded]);
    while (samples.length > 2 && t - samples[0][0] > WINDOW_MS) samples.shift();
    const [t0, b0] = samples[0];
    const speed = t > t0 ? ((loaded - b0) / (t - t0)) * 1000 : 0;
    const secondsLeft = speed > 0 && total > 0 ? Math.max(0, (total - loaded) / speed) : null;
    report?.({ loaded, total, speed, secondsLeft, file });
  };
  return {
    add(n: number, file: string, unplanned: boolean) {
      loaded += n;
      if (unplanned) total += n;
      emit(file);
    },
    /** A file already cached: counted as loaded, but samples restart so it does not inflate the speed. */
    skip(n: number, file: string, unplanned: boolean) {
      loaded += n;
      if (unplanned) total += n;
      samples.length = 0;
      emit(file);
    }
  };
}

function cancelled(): DownloadError {
  return new DownloadError('The download was cancelled. What was downloaded so far is kept; download again to go on.', 'cancelled');
}
