import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../src/lib/triggers/webhooks/protocol';
import { openHookStore } from './hooks-store';

const event = (n: number, path = 'a'): HookEvent => ({
  event_id: `wh_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  path,
  received_at: new Date(Date.UTC(2026, 11, 6, 22, 0, n)).toISOString(),
  request: { method: 'POST', headers: {}, query: {}, body: { n } }
});

describe('the webhook store', () => {
  it('keeps events until acked, counts them per path, and says what an ack found', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sous-hook-store-'));
    const store = await openHookStore(dir);
    for (const e of [event(1), event(2, 'b'), event(3)]) await store.add(e);
    await expect(store.add(event(1))).rejects.toThrow(/already used/);
    expect([store.pendingCount('a'), store.pendingCount('b'), store.pendingTotal()]).toEqual([2, 1, 3]);
    expect(await Promise.all([event(1), event(1), event(9)].map((e) => store.ack(e.event_id, e.event_id)))).toEqual(['acked', 'already', 'unknown']);
    store.setPaths(['a', 'b']);
    store.setPaths(['b', 'c']);
    store.close();

    const again = await openHookStore(dir);
    expect((await again.pending()).map((e) => e.request.body)).toEqual([{ n: 2 }, { n: 3 }]);
    expect([again.pendingCount('a'), again.pendingCount('b'), again.pendingTotal()]).toEqual([1, 1, 2]);
    expect(await again.ack(event(1).event_id, 'x')).toBe('already');
    expect([...again.paths()]).toEqual(['b', 'c']);
    again.close();
  });
});

describe('acked events', () => {
  it('are deleted beyond the newest thousand, pending ones never', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sous-hook-prune-'));
    const store = await openHookStore(dir);
    for (let n = 1; n <= 1003; n++) await store.add(event(n));
    for (let n = 1; n <= 1002; n++) await store.ack(event(n).event_id, 'j');
    store.close();
    const again = await openHookStore(dir);
    expect((await again.pending()).map((e) => e.request.body)).toEqual([{ n: 1003 }]);
    expect(await again.ack(event(1).event_id, 'j')).toBe('unknown');
    expect(await again.ack(event(3).event_id, 'j')).toBe('already');
    again.close();
  });
});
