/**
 * Where the local server keeps received webhooks until the studio says their job exists, and the paths the
 * studio last published. SQLite (better-sqlite3) in `DIR/hooks.db`, opened as `sous serve` opens its own
 * (`openDatabase`: WAL, `synchronous = FULL`, so a finished write is on disk before the 202), with the
 * events in `sous serve`'s queue table (`SqliteQueueStore`): `pending` until acked, then `started` with the
 * job id, and kept, so an acked id is never relayed again, also after a restart. The server does not know
 * which recipe a path belongs to (the studio does), so the entry's recipe_id is the path. Acked events are
 * not needed again (only pending ones are ever relayed), so beyond the newest KEEP_ACKED they are deleted,
 * bodies and all, at open and every so often: the folder does not grow with every webhook ever received.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../cli/serve/sqlite-journal';
import { SqliteQueueStore } from '../cli/serve/sqlite-queue-store';
import type { HookEvent } from '../src/lib/triggers/webhooks/protocol';

/** Acked events kept (an ack of an older one answers 404, which the studio takes as done). */
const KEEP_ACKED = 1000;

export type AckResult = 'acked' | 'already' | 'unknown';

export interface HookStore {
  /** Keeps the event (on disk when this returns). */
  add(event: HookEvent): Promise<void>;
  /** Every event not yet acked, oldest first. */
  pending(): Promise<HookEvent[]>;
  /** Events waiting for this path (kept in memory, counted from disk at open). */
  pendingCount(path: string): number;
  pendingTotal(): number;
  ack(eventId: string, jobId: string): Promise<AckResult>;
  /** The paths the studio last published. */
  paths(): ReadonlySet<string>;
  setPaths(paths: readonly string[]): void;
  close(): void;
}

export async function openHookStore(dir: string): Promise<HookStore> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(dir, 'hooks.db'));
  const queue = new SqliteQueueStore(db);
  const pathTable = pathsTable(db);
  // The queue table is SqliteQueueStore's (cli/serve/sqlite-queue-store.ts): `seq`, `state`.
  const prune = db.prepare(`DELETE FROM queue WHERE state = 'started' AND seq NOT IN (SELECT seq FROM queue WHERE state = 'started' ORDER BY seq DESC LIMIT ${KEEP_ACKED})`);
  prune.run();
  let acks = 0;
  let published = new Set(pathTable.load());
  // Pending ids (→ path) in memory too: the counts, and an ack that claims its id at once, so two tabs
  // acking the same event at the same moment cannot both count it.
  const waiting = new Map<string, string>();
  const counts = new Map<string, number>();
  const bump = (path: string, by: number) => {
    const next = (counts.get(path) ?? 0) + by;
    if (next > 0) counts.set(path, next);
    else counts.delete(path);
  };
  const track = (id: string, path: string) => {
    waiting.set(id, path);
    bump(path, 1);
  };
  for (const entry of await queue.list('pending')) track(entry.event.event_id, (entry.event.payload as HookEvent).path);

  return {
    async add(event) {
      const added = await queue.put({
        event: { event_id: event.event_id, recipe_id: event.path, kind: 'webhook', payload: event },
        state: 'pending',
        accepted_at: event.received_at,
        skipped: 0
      });
      if (!added) throw new Error(`the event id ${event.event_id} was already used`);
      track(event.event_id, event.path);
    },
    async pending() {
      return (await queue.list('pending')).map((entry) => entry.event.payload as HookEvent);
    },
    pendingCount: (path) => counts.get(path) ?? 0,
    pendingTotal: () => [...counts.values()].reduce((a, b) => a + b, 0),
    async ack(eventId, jobId) {
      const path = waiting.get(eventId);
      if (path === undefined) return (await queue.get(eventId)) ? 'already' : 'unknown';
      waiting.delete(eventId);
      bump(path, -1);
      try {
        await queue.update(eventId, { state: 'started', job_id: jobId });
      } catch (err) {
        track(eventId, path);
        throw err;
      }
      if (++acks % KEEP_ACKED === 0) prune.run();
      return 'acked';
    },
    paths: () => published,
    setPaths(paths) {
      pathTable.save(paths);
      published = new Set(paths);
    },
    close: () => db.close()
  };
}

function pathsTable(db: Database.Database) {
  db.exec('CREATE TABLE IF NOT EXISTS hook_paths (path TEXT PRIMARY KEY)');
  const all = db.prepare<[], { path: string }>('SELECT path FROM hook_paths ORDER BY path');
  const clear = db.prepare('DELETE FROM hook_paths');
  const insert = db.prepare('INSERT OR IGNORE INTO hook_paths (path) VALUES (?)');
  // The whole set at once: a crash halfway never leaves half the old and half the new paths.
  const save = db.transaction((paths: readonly string[]) => {
    clear.run();
    for (const path of paths) insert.run(path);
  });
  return { load: () => all.all().map((row) => row.path), save: (paths: readonly string[]) => save(paths) };
}
