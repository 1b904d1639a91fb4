/** A queue store in memory: for the tests and the studio's first use. `snapshot`/`from` copy what a crash leaves. */
import type { QueueEntry, QueueEntryPatch, QueueEntryState, QueueStore } from './types';

export class MemoryQueueStore implements QueueStore {
  /** Map keeps insertion order, which is the order `list` promises. */
  private readonly entries = new Map<string, QueueEntry>();

  /** A store holding a copy of another's entries, as a restarted process would find them on disk. */
  static from(other: MemoryQueueStore): MemoryQueueStore {
    const store = new MemoryQueueStore();
    for (const entry of other.snapshot()) store.entries.set(entry.event.event_id, entry);
    return store;
  }

  async put(entry: QueueEntry): Promise<boolean> {
    const id = entry.event.event_id;
    if (this.entries.has(id)) return false;
    this.entries.set(id, structuredClone(entry));
    return true;
  }

  async get(eventId: string): Promise<QueueEntry | undefined> {
    const entry = this.entries.get(eventId);
    return entry && structuredClone(entry);
  }

  async update(eventId: string, patch: QueueEntryPatch): Promise<void> {
    const entry = this.entries.get(eventId);
    if (!entry) throw new Error(`the queue has no event ${eventId}`);
    this.entries.set(eventId, { ...entry, ...patch });
  }

  async list(state: QueueEntryState): Promise<QueueEntry[]> {
    return [...this.entries.values()].filter((e) => e.state === state).map((e) => structuredClone(e));
  }

  snapshot(): QueueEntry[] {
    return [...this.entries.values()].map((e) => structuredClone(e));
  }
}
