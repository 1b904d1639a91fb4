/**
 * The lineage: one random id kept in IndexedDB, in a tiny database of its own beside `sous` (the browser
 * clears or evicts an origin's IndexedDB as a whole, so both go together, while a restore that rebuilds
 * `sous` leaves it). A marker names the lineage it counted in: a database without it, or with another, is
 * not the one the marker saw.
 */
import { Dexie, type Table } from 'dexie';

export const LINEAGE_DB = 'sous-lineage';

export interface LineageStore {
  /** The id, or undefined in a database that has none (new, or cleared). */
  read(): Promise<string | undefined>;
  /** The id, created (with `fresh()`) when there is none; `created` says which. */
  ensure(fresh: () => string): Promise<{ id: string; created: boolean }>;
  close(): void;
}

interface LineageRow {
  id: 'lineage';
  value: string;
  created_at: string;
}

class LineageDb extends Dexie {
  meta!: Table<LineageRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ meta: 'id' });
  }
}

export function dexieLineage(name = LINEAGE_DB): LineageStore {
  const db = new LineageDb(name);
  // The browser closes the connection when it clears IndexedDB under an open tab: open again, once.
  async function withOpen<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof Dexie.DatabaseClosedError)) throw err;
      await db.open();
      return work();
    }
  }
  return {
    read: () => withOpen(async () => (await db.meta.get('lineage'))?.value),
    ensure: (fresh) =>
      withOpen(() =>
        db.transaction('rw', db.meta, async () => {
          const found = await db.meta.get('lineage');
          if (found) return { id: found.value, created: false };
          const id = fresh();
          await db.meta.add({ id: 'lineage', value: id, created_at: new Date().toISOString() });
          return { id, created: true };
        })
      ),
    close: () => db.close()
  };
}
