/**
 * Where the local server keeps received webhooks until the studio says their job exists, and the paths the
 * studio last published. SQLite (better-sqlite3) in `DIR/hooks.db`, opened as `sous serve` opens its own
 * (`openDatabase`: WAL, `synchronous = FULL`, so a finished write is on disk before the 202), with the
 * events in `sous serve`'s queue table (`SqliteQueueStore`): `pending` until acked, then `started` with the
 * job id, and kept, so an acked id is never relayed again, also after a restart. The server does not know
 * which recipe a path belongs to (the studio does), so the entry's recipe_id is the path.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../cli/serve/sqlite-journal';
import { SqliteQueueStore } from '../cli/serve/sqlite-queue-store';
import type { HookEvent } from '../src/lib/triggers/webhooks/protocol';

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
  let published = new Set(pathTable.load());
  const counts = new Map<string, number>();
  const bump = (path: string, by: number) => {
    const next = (counts.get(path) ?? 0) + by;
    if (next > 0) counts.set(path, next);
    else counts.delete(path);
  };
  for (const entry of await queue.list('pending')) bump((entry.event.payload as HookEvent).path, 1);

  return {
    async add(event) {
      const added = await queue.put({
        event: { event_id: event.event_id, recipe_id: event.path, kind: 'webhook', payload: event },
        state: 'pending',
        accepted_at: event.received_at,
        skipped: 0
      });
      if (!added) throw new Error(`the event id ${event.event_id} was already used`);
      bump(event.path, 1);
    },
    async pending() {
      return (await queue.list('pending')).map((entry) => entry.event.payload as HookEvent);
    },
    pendingCount: (path) => counts.get(path) ?? 0,
    pendingTotal: () => [...counts.values()].reduce((a, b) => a + b, 0),
    async ack(eventId, jobId) {
      const entry = await queue.get(eventId);
      if (!entry) return 'unknown';
      if (entry.state !== 'pending') return 'already';
      await queue.update(eventId, { state: 'started', job_id: jobId });
      bump((entry.event.payload as HookEvent).path, -1);
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
