/**
 * Asking the browser to keep Sous's data (`navigator.storage.persist()`), once: when work is first saved,
 * never again once asked (remembered in localStorage) or when the data is already kept. And reading what
 * the browser says about the space: used, available, kept or not.
 */
import { quietly, type StorageEdges, type StorageManagerLike, type KeyValue } from './edges';
import { PersistAskSchema, type PersistAsk } from './schema';

export const PERSIST_ASKED_KEY = 'sous.storage.persist-asked';

export interface StorageState {
  /** Bytes used and available to this origin; null where the browser does not say. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser keeps the data (no eviction when space runs low); null where it does not say. */
  persisted: boolean | null;
  /** Bytes of the work (IndexedDB) and of the studio's files kept for offline use (caches, service worker); Chromium only. */
  split: { data: number; files: number } | null;
}

export async function readStorageState(storage: StorageManagerLike | undefined): Promise<StorageState> {
  const [estimate, persisted] = await Promise.all([
    storage?.estimate ? storage.estimate().catch(() => null) : null,
    storage?.persisted ? storage.persisted().catch(() => null) : null
  ]);
  return {
    usage: typeof estimate?.usage === 'number' ? estimate.usage : null,
    quota: typeof estimate?.quota === 'number' ? estimate.quota : null,
    persisted,
    split: splitOf(estimate?.usageDetails)
  };
}

function splitOf(details: Record<string, number | undefined> | undefined): StorageState['split'] {
  if (!details) return null;
  const n = (key: string) => (typeof details[key] === 'number' ? details[key] : 0);
  return { data: n('indexedDB'), files: n('caches') + n('serviceWorkerRegistrations') };
}

export function readPersistAsk(local: KeyValue | undefined): PersistAsk | null {
  try {
    const text = local?.getItem(PERSIST_ASKED_KEY);
    if (!text) return null;
    const got = PersistAskSchema.safeParse(JSON.parse(text));
    return got.success ? got.data : null;
  } catch {
    return null;
  }
}

/**
 * The first ask: the browser's answer (true: kept), or null when nothing was asked (asked before, already
 * kept, or no such API). Remembered before the answer comes, so two tabs saving at once ask once.
 */
export async function askPersistOnce(edges: Pick<StorageEdges, 'storage' | 'local' | 'now'>): Promise<boolean | null> {
  const { storage, local } = edges;
  if (!storage?.persist || readPersistAsk(local)) return null;
  if (await storage.persisted?.().catch(() => false)) {
    remember(edges, true);
    return null;
  }
  if (readPersistAsk(local)) return null; // another tab asked while this one looked
  remember(edges, false);
  const kept = await askNow(storage);
  remember(edges, kept);
  return kept;
}

/** The Settings page's "ask again": always asks, and remembers the answer. */
export async function askPersistAgain(edges: Pick<StorageEdges, 'storage' | 'local' | 'now'>): Promise<boolean | null> {
  if (!edges.storage?.persist) return null;
  const kept = await askNow(edges.storage);
  remember(edges, kept);
  return kept;
}

async function askNow(storage: StorageManagerLike): Promise<boolean> {
  try {
    return (await storage.persist!()) === true;
  } catch {
    return false;
  }
}

function remember(edges: Pick<StorageEdges, 'local' | 'now'>, kept: boolean): void {
  const ask: PersistAsk = { asked_at: new Date(edges.now()).toISOString(), kept };
  if (edges.local) quietly(() => edges.local!.setItem(PERSIST_ASKED_KEY, JSON.stringify(ask)));
}
