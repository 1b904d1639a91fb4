import { describe, expect, it } from 'vitest';
import { MemoryQueueStore } from './memory-store';
import { queueStoreContract } from './store-contract';

describe('MemoryQueueStore keeps the QueueStore contract', () => {
  it.each(queueStoreContract)('%s', async (_name, run) => {
    await run(new MemoryQueueStore());
  });

  it('from() copies the entries, as a restart finds them, and the copies are independent', async () => {
    const a = new MemoryQueueStore();
    await a.put({ event: { event_id: 'e1', recipe_id: 'r1', kind: 'event', payload: {} }, state: 'pending', accepted_at: 'x', skipped: 0 });
    const b = MemoryQueueStore.from(a);
    await b.update('e1', { state: 'started', job_id: 'j' });
    expect([(await a.get('e1'))?.state, (await b.get('e1'))?.state]).toEqual(['pending', 'started']);
  });
});
