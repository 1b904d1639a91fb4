/**
 * The sandbox apps' storage in IndexedDB: each app's collections are Dexie tables, seeded the first time
 * the app is used (a row in `sandbox_meta` remembers it, so a person who deletes every record does not
 * get the seed back until they press Reset). `transaction` is one Dexie `rw` transaction over the app's
 * tables, so a refund and its restock are written together or not at all.
 */
import type { Table } from 'dexie';
import type { Collections, SandboxRecord, SandboxStore, Seed } from '../connectors/sandbox/store';
import type { SousDb } from './db';
import { guardWrite } from './storage-errors';

export class DexieSandboxStore<C extends Collections> implements SandboxStore<C> {
  private seeding: Promise<void> | undefined;

  constructor(
    private readonly db: SousDb,
    private readonly app: string,
    private readonly tables: { [K in keyof C]: string },
    private readonly seed: () => Seed<C>
  ) {}

  private table<K extends keyof C>(collection: K): Table<C[K], string> {
    const name = this.tables[collection];
    if (!name) throw new Error(`the sandbox ${this.app} app has no collection "${String(collection)}"`);
    return this.db.table(name);
  }

  private allTables(): Table[] {
    return [...Object.values(this.tables).map((name) => this.db.table(name as string)), this.db.sandbox_meta];
  }

  /** The app's tables and `sandbox_meta`: what a caller's own transaction must span to call `replaceAll`. */
  scope(): Table[] {
    return this.allTables();
  }

  /**
   * How many records each collection holds now; before the app's first use, how many its seed would give
   * (what a person would see on opening it). Reads only, so a preview may call it.
   */
  async counts(): Promise<Record<keyof C & string, number>> {
    const seeded = await this.db.sandbox_meta.get(`seeded:${this.app}`);
    const seed = seeded ? undefined : this.seed();
    const out = {} as Record<keyof C & string, number>;
    for (const key of Object.keys(this.tables) as (keyof C & string)[]) out[key] = seed ? seed[key].length : await this.table(key).count();
    return out;
  }

  /**
   * Inside a transaction over `scope()` (a pack's import): the app's records become `given`, collections
   * not named there empty, and the app counts as seeded so its own seed never comes over them. Records are
   * taken as given, as the in-memory stores take a pack's seed.
   */
  async replaceAll(given: Partial<Record<keyof C & string, SandboxRecord[]>>): Promise<void> {
    for (const key of Object.keys(this.tables) as (keyof C & string)[]) {
      await this.table(key).clear();
      await this.table(key).bulkPut((given[key] ?? []) as C[typeof key][]);
    }
    // This instance's own `seeding` is left alone: the caller's transaction may yet be rolled back.
    await this.db.sandbox_meta.put({ id: `seeded:${this.app}`, value: new Date().toISOString() });
  }

  /** Seeded and ready to read; a page awaits this before its live queries (which may not write). */
  ready(): Promise<void> {
    return this.seeded();
  }

  /** Seed the app once, the first time any context (page or worker) uses it. */
  private seeded(): Promise<void> {
    this.seeding ??= guardWrite(`the ${this.app} sample data`, () =>
      this.db.transaction('rw', this.allTables(), async () => {
        if (await this.db.sandbox_meta.get(`seeded:${this.app}`)) return;
        await this.fill();
      })
    );
    this.seeding.catch(() => (this.seeding = undefined));
    return this.seeding;
  }

  private async fill(): Promise<void> {
    const seed = this.seed();
    for (const key of Object.keys(this.tables) as (keyof C)[]) {
      await this.table(key).clear();
      await this.table(key).bulkPut(seed[key]);
    }
    await this.db.sandbox_meta.put({ id: `seeded:${this.app}`, value: new Date().toISOString() });
  }

  async list<K extends keyof C & string>(collection: K): Promise<C[K][]> {
    await this.seeded();
    return this.table(collection).toArray();
  }

  async get<K extends keyof C & string>(collection: K, id: string): Promise<C[K] | undefined> {
    await this.seeded();
    return this.table(collection).get(id);
  }

  async put<K extends keyof C & string>(collection: K, record: C[K]): Promise<void> {
    await this.seeded();
    await guardWrite(`a ${this.app} record`, () => this.table(collection).put(record));
  }

  async delete<K extends keyof C & string>(collection: K, id: string): Promise<void> {
    await this.seeded();
    await this.table(collection).delete(id);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.seeded();
    return guardWrite(`a ${this.app} record`, () => this.db.transaction('rw', this.allTables(), work));
  }

  async reset(): Promise<void> {
    await guardWrite(`the ${this.app} sample data`, () => this.db.transaction('rw', this.allTables(), () => this.fill()));
    this.seeding = Promise.resolve();
  }
}
