/** A Cache API stand-in kept in memory, for Node (the CLI and tests) where `caches` does not exist. */
import type { CacheLike, CachesLike } from './model-files';

export class MemoryCaches implements CachesLike {
  readonly stores = new Map<string, Map<string, { body: ArrayBuffer; headers: [string, string][] }>>();

  async open(name: string): Promise<CacheLike> {
    let store = this.stores.get(name);
    if (!store) this.stores.set(name, (store = new Map()));
    const entries = store;
    return {
      async match(url) {
        const hit = entries.get(url);
        return hit ? new Response(hit.body.slice(0), { headers: hit.headers }) : undefined;
      },
      async put(url, response) {
        entries.set(url, { body: await response.arrayBuffer(), headers: [...response.headers] });
      },
      async delete(url) {
        return entries.delete(url);
      },
      async keys() {
        return [...entries.keys()].map((url) => ({ url }));
      }
    };
  }

  /** How many entries all caches hold. */
  size(): number {
    return [...this.stores.values()].reduce((n, s) => n + s.size, 0);
  }
}
