/**
 * The trigger queue's QueueStore over Dexie (`db.trigger_events`), shared by every tab's worker: an
 * accepted schedule tick or relayed webhook is stored before it is answered, and an event id once seen
 * stays seen, so no tab and no reload runs it twice. `put` reads and adds in one read-write transaction,
 * which IndexedDB runs one at a time across tabs, so two tabs putting the same id get one true, one false.
 */
import type { QueueEntry, QueueEntryPatch, QueueEntryState, QueueStore } from '../triggers/queue/types';
import type { SousDb, TriggerEventRow } from './db';
import { guardWrite } from './storage-errors';

export class DexieQueueStore implements QueueStore {
  constructor(private readonly db: SousDb) {}

  put(entry: QueueEntry): Promise<boolean> {
    const table = this.db.trigger_events;
    const id = entry.event.event_id;
    return guardWrite(`the trigger event ${id}`, () =>
      this.db.transaction('rw', table, async () => {
        if (await table.get(id)) return false;
        const last = await table.orderBy('seq').last();
        await table.add({ ...structuredClone(entry), event_id: id, recipe_id: entry.event.recipe_id, seq: (last?.seq ?? 0) + 1 });
        return true;
      })
    );
  }

  async get(eventId: string): Promise<QueueEntry | undefined> {
    const row = await this.db.trigger_events.get(eventId);
    return row && entryOf(row);
  }

  update(eventId: string, patch: QueueEntryPatch): Promise<void> {
    return guardWrite(`the trigger event ${eventId}`, async () => {
      const changed = await this.db.trigger_events.update(eventId, { ...patch });
      if (changed === 0 && !(await this.db.trigger_events.get(eventId))) throw new Error(`the queue has no event ${eventId}`);
    });
  }

  async list(state: QueueEntryState): Promise<QueueEntry[]> {
    const rows = await this.db.trigger_events.where('state').equals(state).sortBy('seq');
    return rows.map(entryOf);
  }
}

/** The stored row less the columns copied out for indexes. */
function entryOf(row: TriggerEventRow): QueueEntry {
  const { event_id, recipe_id, seq, ...entry } = row;
  return entry;
}
