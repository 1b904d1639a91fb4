// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { queueStoreContract } from '../triggers/queue/store-contract';
import type { QueueEntry } from '../triggers/queue/types';
import { SousDb } from './db';
import { freshDb } from './test-db';
import { DexieQueueStore } from './trigger-events';

let dbs: SousDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});
const open = (name?: string) => {
  const db = name ? new SousDb(name) : freshDb();
  dbs.push(db);
  return db;
};

const entry = (id: string, recipe = 'r1'): QueueEntry => ({
  event: { event_id: id, recipe_id: recipe, kind: 'schedule', due_at: '2030-01-01T00:00:00.000Z', payload: { at: '2030-01-01T00:00:00.000Z' } },
  state: 'pending',
  accepted_at: '2030-01-01T00:00:00.000Z',
  skipped: 0
});

describe('DexieQueueStore', () => {
  it.each(queueStoreContract)('%s', async (_name, check) => {
    await check(new DexieQueueStore(open()));
  });

  it('two tabs (two connections to one database) putting the same ids at once: each id is added once', async () => {
    const name = `sous-test-${crypto.randomUUID()}`;
    const [a, b] = [new DexieQueueStore(open(name)), new DexieQueueStore(open(name))];
    const ids = Array.from({ length: 20 }, (_, i) => `r1@${i}`);
    const answers = await Promise.all(ids.flatMap((id) => [a.put(entry(id)), b.put(entry(id))]));
    expect(answers.filter(Boolean)).toHaveLength(20);
    const listed = (await a.list('pending')).map((e) => e.event.event_id);
    expect(new Set(listed).size).toBe(20);
    expect(listed).toHaveLength(20);
  });

  it('keeps the recipe id and acceptance order in the row, for its indexes', async () => {
    const db = open();
    const store = new DexieQueueStore(db);
    await store.put(entry('b', 'r2'));
    await store.put(entry('a', 'r1'));
    const rows = await db.trigger_events.orderBy('seq').toArray();
    expect(rows.map((r) => [r.event_id, r.recipe_id, r.seq])).toEqual([['b', 'r2', 1], ['a', 'r1', 2]]);
    expect(await store.get('a')).toEqual(entry('a', 'r1'));
  });
});
