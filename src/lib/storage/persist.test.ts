// navigator.storage and localStorage are in-memory fakes (./test-fakes); the asking logic is real.
import { describe, expect, it } from 'vitest';
import { askPersistAgain, askPersistOnce, readPersistAsk, readStorageState } from './persist';
import { fakeEdges, FakeStorageManager } from './test-fakes';

describe('asking the browser to keep the data', () => {
  it.each([
    { name: 'granted', kept: false, grants: true, first: true, calls: 1 },
    { name: 'refused', kept: false, grants: false, first: false, calls: 1 },
    { name: 'already kept: never asked', kept: true, grants: true, first: null, calls: 0 }
  ])('asks once ($name), never again', async ({ kept, grants, first, calls }) => {
    const { edges, storage, local } = fakeEdges(undefined, new FakeStorageManager(kept, grants));
    expect(await askPersistOnce(edges)).toBe(first);
    expect(await askPersistOnce(edges)).toBeNull();
    expect(await askPersistOnce(edges)).toBeNull();
    expect(storage.persistCalls).toBe(calls);
    expect(readPersistAsk(local)).toEqual({ asked_at: '2026-12-07T09:00:00.000Z', kept: first ?? true });
  });

  it('does not ask again in a later visit (remembered in localStorage)', async () => {
    const first = fakeEdges(undefined, new FakeStorageManager(false, false));
    await askPersistOnce(first.edges);
    const later = { ...first.edges, storage: new FakeStorageManager(false, true) };
    expect(await askPersistOnce(later)).toBeNull();
    expect((later.storage as FakeStorageManager).persistCalls).toBe(0);
  });

  it('answers null where the browser has no persist(), and false where it throws', async () => {
    const { edges } = fakeEdges();
    expect(await askPersistOnce({ ...edges, storage: {} })).toBeNull();
    expect(await askPersistOnce({ ...edges, storage: undefined })).toBeNull();
    const throwing = { persist: () => Promise.reject(new Error('no')), persisted: async () => false };
    expect(await askPersistOnce({ ...edges, storage: throwing })).toBe(false);
  });

  it('asks again from Settings, whatever was asked before', async () => {
    const { edges, storage } = fakeEdges(undefined, new FakeStorageManager(false, false));
    await askPersistOnce(edges);
    storage.grants = true;
    expect(await askPersistAgain(edges)).toBe(true);
    expect(storage.persistCalls).toBe(2);
  });
});

describe('what the browser says about the space', () => {
  it('reads usage, quota and whether it is kept', async () => {
    expect(await readStorageState(new FakeStorageManager(true))).toEqual({ usage: 12_400_000, quota: 2_100_000_000, persisted: true, split: null });
  });

  it("splits the usage into work and the studio's offline files where the browser says (Chromium)", async () => {
    const storage = new FakeStorageManager(false, false, { usage: 900, quota: 10_000, usageDetails: { indexedDB: 300, caches: 500, serviceWorkerRegistrations: 100 } });
    expect((await readStorageState(storage)).split).toEqual({ data: 300, files: 600 });
  });

  it.each([
    ['no storage manager', undefined],
    ['no methods', {}],
    ['methods that fail', { estimate: () => Promise.reject(new Error('x')), persisted: () => Promise.reject(new Error('x')) }]
  ])('says nothing it does not know (%s)', async (_name, storage) => {
    expect(await readStorageState(storage)).toEqual({ usage: null, quota: null, persisted: null, split: null });
  });
});
