/**
 * A journal write refused for lack of space (the browser's quota, or the disk under `sous serve`'s SQLite). The engine does not import the store, and an
 * error's class does not survive a worker boundary, so it is known by name: the store's StorageFullError
 * (its message already says what to do) or a bare QuotaExceededError, possibly wrapped (Dexie's `inner`).
 */
import type { JobError, StepRecord } from '../recipe';

export const STORAGE_FULL_CODE = 'storage_full';

const GENERIC =
  "the browser's storage for Sous is full, so the job's progress could not be saved. " +
  "Everything saved before is still there; free some space (delete old jobs, or other sites' data) and try again.";

/** `sous serve`'s SQLite journal on a full disk (better-sqlite3's `SQLITE_FULL`, or the full-disk I/O error). */
const DISK_FULL =
  "the disk that holds Sous's job journal is full, so the job's progress could not be saved. " +
  'Everything saved before is still there; free some space on that disk and run the job again.';

/** The error a job ends with when its journal is full; undefined for any other failure. */
export function storageFullError(err: unknown, step: string | null): JobError | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const { name, message, inner, cause, code } = e as { name?: string; message?: string; inner?: unknown; cause?: unknown; code?: unknown };
    if (name === 'StorageFullError') return { message: message ?? GENERIC, step, code: STORAGE_FULL_CODE };
    if (name === 'QuotaExceededError') return { message: GENERIC, step, code: STORAGE_FULL_CODE };
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return { message: DISK_FULL, step, code: STORAGE_FULL_CODE };
    e = inner ?? cause;
  }
  return undefined;
}

/**
 * What a step left open by the full disk says once the job stops: failed with that error. The output is
 * left out (it is most often the large value that did not fit), so the record is small enough to save.
 */
export function closedByFullStorage(record: StepRecord, error: JobError, at: string): StepRecord {
  const { output: _output, ...rest } = record;
  return { ...rest, status: 'failed', error, finished_at: at };
}
