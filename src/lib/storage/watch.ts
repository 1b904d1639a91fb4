/**
 * The studio's storage watch, one per tab: at start, finds whether storage was cleared since the last visit;
 * then, whenever work is written, counts it again (coalesced), keeps the marker up to date and asks the
 * browser to keep the data the first time there is work to keep.
 */
import type { SousDb } from '../store/db';
import { readMarker, writeMarker } from './marker';
import { askPersistOnce } from './persist';
import { dismissClearedNotice, noticeFrom, readClearedNotice, saveClearedNotice, wasCleared } from './cleared';
import { countWork, onWorkWritten } from './counts';
import type { LineageStore } from './lineage';
import type { StorageEdges } from './edges';
import { sameCounts, totalWork, type ClearedNotice, type WorkCounts } from './schema';

export interface StorageWatchOptions {
  db: SousDb;
  lineage: LineageStore;
  edges: StorageEdges;
  /** The browser's answer to the first ask (true: kept). */
  onAsked?: (kept: boolean) => void;
  onCleared?: (notice: ClearedNotice) => void;
  /** The cleared warning is no longer true: the work is back (a backup restored), so it was dismissed. */
  onClearedGone?: () => void;
  /** A watch that fails says so here (it never throws into the studio). */
  onProblem?: (err: unknown) => void;
  debounceMs?: number;
  newId?: () => string;
}

export interface StorageWatch {
  /** Settles once the start's check is done. */
  ready: Promise<void>;
  /** Counts and writes the marker now (a page being left). */
  flush(): Promise<void>;
  stop(): void;
}

export function startStorageWatch(options: StorageWatchOptions): StorageWatch {
  const { db, lineage, edges, debounceMs = 800, newId = () => crypto.randomUUID() } = options;
  let lineageId = '';
  let written: WorkCounts | null = null;
  let stopped = false;
  let cancel: (() => void) | null = null;

  const found = (notice: ClearedNotice) => {
    saveClearedNotice(edges.local, notice);
    options.onCleared?.(notice);
  };
  // Checks against the marker as left, then takes a lineage (a new one in a new database).
  async function takeLineage() {
    const marker = readMarker(edges);
    const got = await lineage.ensure(newId);
    lineageId = got.id;
    if (wasCleared(marker, got)) found(noticeFrom(marker!, edges.now()));
  }
  async function record() {
    // A lineage gone under the open tab: the browser cleared IndexedDB while the studio was open.
    if ((await lineage.read()) !== lineageId) await takeLineage();
    const counts = await countWork(db);
    const before = written;
    if (stopped) return;
    if (!before || !sameCounts(before, counts)) {
      writeMarker(edges, { v: 1, lineage: lineageId, at: new Date(edges.now()).toISOString(), counts });
      written = counts;
      workBack(counts);
    }
    if (totalWork(counts) > 0 && (!before || totalWork(counts) > totalWork(before))) {
      const kept = await askPersistOnce(edges);
      if (kept !== null && !stopped) options.onAsked?.(kept);
    }
  }
  function workBack(counts: WorkCounts) {
    const pending = readClearedNotice(edges.local);
    if (!pending || totalWork(counts) < totalWork(pending.counts)) return;
    dismissClearedNotice(edges.local);
    options.onClearedGone?.();
  }
  const guarded = (work: () => Promise<void>) => () => work().catch((err) => options.onProblem?.(err));

  let running: Promise<void> = guarded(async () => {
    await takeLineage();
    await record();
  })();
  const ready = running;
  const unsubscribe = onWorkWritten(db, () => {
    cancel?.();
    cancel = edges.schedule(() => void flush(), debounceMs);
  });
  function flush(): Promise<void> {
    cancel?.();
    cancel = null;
    if (stopped) return running;
    running = running.then(guarded(record));
    return running;
  }
  return {
    ready,
    flush,
    stop() {
      stopped = true;
      cancel?.();
      unsubscribe();
    }
  };
}
