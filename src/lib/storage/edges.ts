/**
 * The browser APIs the storage checks use, as small interfaces: the studio passes the real ones
 * (`browserEdges()`), the unit tests pass in-memory fakes of the same shape.
 */

/** The part of `navigator.storage` Sous uses; every method may be missing (older or private browsers). */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  /** `usageDetails` is Chromium's split of `usage` (IndexedDB, caches, service worker scripts). */
  estimate?(): Promise<{ usage?: number; quota?: number; usageDetails?: Record<string, number | undefined> }>;
}

/** localStorage's three methods. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `document.cookie`: reading gives `a=1; b=2`, writing sets one cookie with its attributes. */
export interface CookieJar {
  cookie: string;
}

export interface StorageEdges {
  storage?: StorageManagerLike;
  local?: KeyValue;
  cookies?: CookieJar;
  now(): number;
  /** Run `fn` after `ms`; answers a cancel. */
  schedule(fn: () => void, ms: number): () => void;
}

export function browserEdges(): StorageEdges {
  return {
    storage: typeof navigator !== 'undefined' ? navigator.storage : undefined,
    local: safeLocalStorage(),
    cookies: typeof document !== 'undefined' ? document : undefined,
    now: () => Date.now(),
    schedule: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    }
  };
}

// Reading `localStorage` itself throws where the person blocks site data.
function safeLocalStorage(): KeyValue | undefined {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** A write to localStorage or a cookie that fails (full, blocked) must never break the studio. */
export function quietly(write: () => void): void {
  try {
    write();
  } catch {
    // the marker is a help, not a duty
  }
}
