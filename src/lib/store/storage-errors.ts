/**
 * A write the browser refuses for lack of space must say so in words a person can act on. IndexedDB
 * reports it as `QuotaExceededError`, which Dexie may wrap (an `AbortError` with it as `inner`).
 */

export class StorageFullError extends Error {
  constructor(
    readonly what: string,
    readonly cause: unknown
  ) {
    super(
      `the browser's storage for Sous is full, so ${what} could not be saved. ` +
        'Everything saved before is still there; free some space (delete old jobs, or other sites\' data) and try again.'
    );
    this.name = 'StorageFullError';
  }
}

export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner, cause } = e as { name?: string; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner ?? cause;
  }
  return false;
}

/** Run a write; a quota failure comes back as a StorageFullError naming what was being saved. */
export async function guardWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    // An inner write already named what did not fit (a guarded put inside a guarded transaction).
    if (err instanceof StorageFullError) throw err;
    throw isQuotaError(err) ? new StorageFullError(what, err) : err;
  }
}
