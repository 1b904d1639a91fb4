/**
 * For the storage tests only: small in-memory fakes of the browser's edges (navigator.storage,
 * localStorage, document.cookie, the clock and timers). The logic under test is the real one.
 */
import type { CookieJar, KeyValue, StorageEdges, StorageManagerLike } from './edges';

export class MemoryKeyValue implements KeyValue {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

/** `document.cookie` as a browser treats it: a write sets one cookie (Max-Age=0 deletes it). */
export class MemoryCookieJar implements CookieJar {
  readonly jar = new Map<string, string>();
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  set cookie(line: string) {
    const [pair, ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.delete(name);
    else this.jar.set(name, pair.slice(eq + 1).trim());
  }
}

/** navigator.storage: `grants` is what persist() answers; counts its calls. */
export class FakeStorageManager implements StorageManagerLike {
  persistCalls = 0;
  constructor(public kept = false, public grants = true, public space: { usage: number; quota: number; usageDetails?: Record<string, number> } = { usage: 12_400_000, quota: 2_100_000_000 }) {}
  async persist() {
    this.persistCalls++;
    if (this.grants) this.kept = true;
    return this.kept;
  }
  async persisted() {
    return this.kept;
  }
  async estimate() {
    return this.space;
  }
}

/** Timers that run only when the test says so, and a clock it moves. */
export class ManualTime {
  now = Date.parse('2026-12-07T09:00:00.000Z');
  private pending = new Set<() => void>();
  schedule = (fn: () => void, _ms: number) => {
    this.pending.add(fn);
    return () => this.pending.delete(fn);
  };
  runTimers() {
    const due = [...this.pending];
    this.pending.clear();
    for (const fn of due) fn();
  }
  get waiting() {
    return this.pending.size;
  }
}

export function fakeEdges(time = new ManualTime(), storage = new FakeStorageManager()) {
  const local = new MemoryKeyValue();
  const cookies = new MemoryCookieJar();
  const edges: StorageEdges = { storage, local, cookies, now: () => time.now, schedule: time.schedule };
  return { edges, local, cookies, storage, time };
}
