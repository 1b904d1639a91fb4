/**
 * "Sous's data in this browser was cleared since your last visit": found when the marker saw work in a
 * database that is no longer there (its lineage gone or another), and kept in localStorage until the person
 * dismisses it, so a reload before reading it does not lose it.
 */
import { quietly, type KeyValue } from './edges';
import { ClearedNoticeSchema, totalWork, type ClearedNotice, type Marker } from './schema';

export const CLEARED_KEY = 'sous.storage.cleared';

/** Whether the marker saw work in another database than the one open now. */
export function wasCleared(marker: Marker | null, lineage: { id: string; created: boolean }): boolean {
  if (!marker || totalWork(marker.counts) === 0) return false;
  return lineage.created || marker.lineage !== lineage.id;
}

export function noticeFrom(marker: Marker, foundAt: number): ClearedNotice {
  return { last_seen_at: marker.at, counts: marker.counts, found_at: new Date(foundAt).toISOString() };
}

export function readClearedNotice(local: KeyValue | undefined): ClearedNotice | null {
  try {
    const text = local?.getItem(CLEARED_KEY);
    if (!text) return null;
    const got = ClearedNoticeSchema.safeParse(JSON.parse(text));
    return got.success ? got.data : null;
  } catch {
    return null;
  }
}

export function saveClearedNotice(local: KeyValue | undefined, notice: ClearedNotice): void {
  if (local) quietly(() => local.setItem(CLEARED_KEY, JSON.stringify(notice)));
}

export function dismissClearedNotice(local: KeyValue | undefined): void {
  if (local) quietly(() => local.removeItem(CLEARED_KEY));
}
