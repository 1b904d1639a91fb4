/**
 * What a polled event has seen, per started recipe and event (`db.poll_cursors` in the studio; a Map in
 * tests): the keys of items already acted on, and when the first poll took the items there as seen.
 */
import type { PollCursorRow } from '../../store/db';

/**
 * A cursor row. `polled_at` (when a poll last succeeded) and `paused_at` (when the recipe was seen
 * stopped) tell a start after a pause, which primes afresh, from a recipe that kept running.
 */
export type PollCursor = PollCursorRow & { polled_at?: string; paused_at?: string };

export interface PollCursorStore {
  get(key: string): Promise<PollCursor | undefined>;
  put(cursor: PollCursor): Promise<void>;
}

/** How many keys a cursor keeps, newest last: far more than one page of any list, small enough to store. */
export const MAX_SEEN = 5000;

/** `RECIPE_ID EVENT`, the cursor's key. */
export function cursorKey(recipeId: string, event: string): string {
  return `${recipeId} ${event}`;
}

/**
 * The seen keys after a poll: the earlier ones, then the keys of the list now (so that an item still
 * listed is never forgotten while the list is shorter than `max`), without repeats, the last `max`.
 */
export function nextSeen(before: readonly string[], listed: readonly string[], max = MAX_SEEN): string[] {
  const now = new Set(listed);
  const merged = [...before.filter((k) => !now.has(k)), ...now];
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

export class MemoryCursorStore implements PollCursorStore {
  readonly rows = new Map<string, PollCursor>();
  async get(key: string): Promise<PollCursor | undefined> {
    const row = this.rows.get(key);
    return row && structuredClone(row);
  }
  async put(cursor: PollCursor): Promise<void> {
    this.rows.set(cursor.key, structuredClone(cursor));
  }
}

/**
 * A job's id from what it was started for, so two tabs (or a crash and a retry) make one job, not two:
 * `poll-` and 128 bits of SHA-256. A page that is not a secure context has no `crypto.subtle`; there (one
 * origin, so all its tabs alike) four seeded FNV-1a hashes give the 128 bits instead.
 */
export async function pollJobId(recipeId: string, event: string, key: string, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<string> {
  const text = `${recipeId}\n${event}\n${key}`;
  if (!subtle) return `poll-${[0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2f].map((seed) => fnv1a(text, seed)).join('')}`;
  const bytes = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `poll-${[...bytes.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
