/**
 * What every QueueStore must do, as cases a store's own test runs (`it.each(queueStoreContract)`), so the
 * SQLite and Dexie stores a later session adds are held to the same rules as MemoryQueueStore.
 */
import type { QueueEntry, QueueStore } from './types';

const entry = (id: string, state: QueueEntry['state'] = 'pending'): QueueEntry => ({
  event: { event_id: id, recipe_id: 'r1', kind: 'webhook', payload: { body: { n: 1 } } },
  state,
  accepted_at: '2026-03-01T09:00:00.000Z',
  skipped: 0
});

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`QueueStore contract: ${what}`);
}

export const queueStoreContract: [string, (store: QueueStore) => Promise<void>][] = [
  ['put answers true for a new id and false for a seen one, keeping the first', async (store) => {
    check((await store.put(entry('e1'))) === true, 'a new id is added');
    check((await store.put({ ...entry('e1'), skipped: 9 })) === false, 'a seen id answers false');
    check((await store.get('e1'))?.skipped === 0, 'a seen id changes nothing');
  }],
  ['a seen id stays seen in every state', async (store) => {
    for (const state of ['pending', 'started', 'finished', 'skipped'] as const) {
      await store.put(entry(`e-${state}`, state));
      check((await store.put(entry(`e-${state}`))) === false, `${state} is seen`);
    }
  }],
  ['get gives back what was put, payload included, and undefined for an unknown id', async (store) => {
    await store.put(entry('e1'));
    check(JSON.stringify(await store.get('e1')) === JSON.stringify(entry('e1')), 'the entry round-trips');
    check((await store.get('nope')) === undefined, 'an unknown id is undefined');
  }],
  ['update patches only the fields given; an unknown id is an error', async (store) => {
    await store.put(entry('e1'));
    await store.update('e1', { state: 'started', job_id: 'job-1' });
    const got = await store.get('e1');
    check(got?.state === 'started' && got.job_id === 'job-1' && got.accepted_at === entry('e1').accepted_at, 'patched');
    const failed = await store.update('nope', { state: 'finished' }).then(() => false, () => true);
    check(failed, 'updating an unknown id fails');
  }],
  ['list gives one state, in the order put, also after updates', async (store) => {
    for (const id of ['e3', 'e1', 'e2', 'e4']) await store.put(entry(id));
    await store.update('e1', { state: 'started', job_id: 'j1' });
    await store.update('e3', { skipped: 1 });
    const pending = (await store.list('pending')).map((e) => e.event.event_id);
    check(pending.join() === 'e3,e2,e4', `pending in put order, not ${pending.join()}`);
    check((await store.list('started')).map((e) => e.event.event_id).join() === 'e1', 'started listed');
  }],
  ['what get and list return is a copy: changing it changes nothing stored', async (store) => {
    await store.put(entry('e1'));
    const got = (await store.get('e1'))!;
    got.skipped = 5;
    (await store.list('pending'))[0].skipped = 6;
    check((await store.get('e1'))?.skipped === 0, 'stored entry unchanged');
  }]
];
