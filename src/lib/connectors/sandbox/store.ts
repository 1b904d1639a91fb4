/**
 * The storage a sandbox app's connector gets passed in: named collections of records keyed by `id`.
 * Two implementations: in memory (CLI, tests, benches; here) and Dexie (the browser; src/lib/store/sandbox-*.ts).
 * The app's rules (duplicate checks, access, refunds) live in the connectors, not in the storage.
 */

export interface SandboxRecord {
  id: string;
}

/** A sandbox app's collections, e.g. `{ vendors: Vendor, invoices: Invoice }`. */
export type Collections = Record<string, SandboxRecord>;

export interface SandboxStore<C extends Collections> {
  list<K extends keyof C & string>(collection: K): Promise<C[K][]>;
  get<K extends keyof C & string>(collection: K, id: string): Promise<C[K] | undefined>;
  put<K extends keyof C & string>(collection: K, record: C[K]): Promise<void>;
  delete<K extends keyof C & string>(collection: K, id: string): Promise<void>;
  /** Run `work` so that either all its writes happen or none do (a refund and its restock). */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Put the seed data back, dropping every change. */
  reset(): Promise<void>;
}

export type Seed<C extends Collections> = { [K in keyof C]: C[K][] };

/** Keeps records in memory, starting from a copy of the seed. */
export class MemorySandboxStore<C extends Collections> implements SandboxStore<C> {
  private data: { [K in keyof C]: Map<string, C[K]> };

  constructor(private readonly seed: () => Seed<C>) {
    this.data = MemorySandboxStore.load(seed());
  }

  private static load<C extends Collections>(seed: Seed<C>) {
    const data = {} as { [K in keyof C]: Map<string, C[K]> };
    for (const key of Object.keys(seed) as (keyof C)[]) data[key] = new Map(seed[key].map((r) => [r.id, structuredClone(r)]));
    return data;
  }

  private table<K extends keyof C>(collection: K): Map<string, C[K]> {
    const table = this.data[collection];
    if (!table) throw new Error(`the sandbox has no collection "${String(collection)}"`);
    return table;
  }

  async list<K extends keyof C & string>(collection: K): Promise<C[K][]> {
    return structuredClone([...this.table(collection).values()]);
  }

  async get<K extends keyof C & string>(collection: K, id: string): Promise<C[K] | undefined> {
    const found = this.table(collection).get(id);
    return found && structuredClone(found);
  }

  async put<K extends keyof C & string>(collection: K, record: C[K]): Promise<void> {
    this.table(collection).set(record.id, structuredClone(record));
  }

  async delete<K extends keyof C & string>(collection: K, id: string): Promise<void> {
    this.table(collection).delete(id);
  }

  /** Keeps a copy of everything and puts it back when `work` fails part-way. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const before = new Map((Object.keys(this.data) as (keyof C)[]).map((k) => [k, new Map(this.data[k])]));
    try {
      return await work();
    } catch (err) {
      for (const [k, table] of before) this.data[k] = table as Map<string, C[keyof C]>;
      throw err;
    }
  }

  async reset(): Promise<void> {
    this.data = MemorySandboxStore.load(this.seed());
  }
}
