/**
 * A Dexie liveQuery as a rune: `current` follows the database, also when another context (the engine's
 * worker) writes to it. The query subscribes again when what `key` reads changes.
 */
import { liveQuery } from 'dexie';

export interface Live<T> {
  readonly current: T | undefined;
  readonly error: unknown;
}

export function live<K, T>(key: () => K, query: (key: K) => Promise<T>): Live<T> {
  let current = $state.raw<T>();
  let error = $state.raw<unknown>();
  $effect(() => {
    const k = key();
    current = undefined;
    const subscription = liveQuery(() => query(k)).subscribe({
      next: (value) => {
        current = value;
        error = undefined;
      },
      error: (err) => (error = err)
    });
    return () => subscription.unsubscribe();
  });
  return {
    get current() {
      return current;
    },
    get error() {
      return error;
    }
  };
}
