// IndexedDB is fake-indexeddb (as in the store's tests); navigator.storage, localStorage, document.cookie
// and the timers are in-memory fakes (./test-fakes). The watch, the marker, the lineage and the counts are real.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../store/test-db';
import { SousDb } from '../store/db';
import { dexieLineage } from './lineage';
import { readClearedNotice, dismissClearedNotice } from './cleared';
import { readMarker } from './marker';
import { startStorageWatch, type StorageWatch } from './watch';
import { fakeEdges, FakeStorageManager } from './test-fakes';
import { NO_WORK, type ClearedNotice } from './schema';

const open: Array<{ watch: StorageWatch; close: () => void }> = [];
afterEach(() => {
  for (const { watch, close } of open.splice(0)) (watch.stop(), close());
});

/** One visit of the studio: a watch on the database `dbName` with these edges. */
function visit(dbName: string, edges: ReturnType<typeof fakeEdges>['edges']) {
  const db = new SousDb(dbName);
  const lineage = dexieLineage(`${dbName}-lineage`);
  const asked: boolean[] = [];
  const cleared: ClearedNotice[] = [];
  const problems: unknown[] = [];
  const watch = startStorageWatch({ db, lineage, edges, onAsked: (k) => asked.push(k), onCleared: (n) => cleared.push(n), onProblem: (e) => problems.push(e) });
  open.push({ watch, close: () => (lineage.close(), db.close()) });
  return { db, watch, asked, cleared, problems, leave: () => (watch.stop(), lineage.close(), db.close()) };
}

async function saveRecipe(db: SousDb, id: string) {
  await db.recipes.put({ id, name: id, version: 1, updated_at: '2026-12-07T09:00:00.000Z' });
}

async function clearIndexedDb(dbName: string) {
  await Dexie.delete(dbName);
  await Dexie.delete(`${dbName}-lineage`);
}

describe('the storage watch', () => {
  it('on a first visit says nothing, and asks to keep the data once, when the first work is saved', async () => {
    const { edges, storage, time } = fakeEdges(undefined, new FakeStorageManager(false, true));
    const name = freshDb().name;
    const tab = visit(name, edges);
    await tab.watch.ready;
    expect(tab.cleared).toEqual([]);
    expect(storage.persistCalls).toBe(0);
    expect(readMarker(edges)?.counts).toEqual(NO_WORK);

    await saveRecipe(tab.db, 'invoice-intake');
    expect(time.waiting).toBe(1); // coalesced: counted once the timer runs
    time.runTimers();
    await tab.watch.flush();
    expect(tab.asked).toEqual([true]);
    expect(readMarker(edges)?.counts).toEqual({ ...NO_WORK, recipes: 1 });

    await saveRecipe(tab.db, 'second');
    await tab.db.jobs.put({ id: 'j1', recipe_id: 'second' } as never);
    await tab.watch.flush();
    expect(storage.persistCalls).toBe(1);
    expect(readMarker(edges)?.counts).toEqual({ ...NO_WORK, recipes: 2, jobs: 1 });
    expect(tab.problems).toEqual([]);
  });

  it('reports "cleared" with the last visit\'s date and counts when IndexedDB was cleared, until dismissed', async () => {
    const { edges, local, time } = fakeEdges();
    const name = freshDb().name;
    const first = visit(name, edges);
    await first.watch.ready;
    await saveRecipe(first.db, 'a');
    await saveRecipe(first.db, 'b');
    await first.watch.flush();
    first.leave();
    const seen = readMarker(edges)!;

    await clearIndexedDb(name);
    time.now += 86_400_000;
    const second = visit(name, edges);
    await second.watch.ready;
    expect(second.cleared).toEqual([{ last_seen_at: seen.at, counts: { ...NO_WORK, recipes: 2 }, found_at: '2026-12-08T09:00:00.000Z' }]);
    expect(readClearedNotice(local)).toEqual(second.cleared[0]);
    second.leave();

    // Found once: a reload finds the same database (the notice stays until the person dismisses it).
    const third = visit(name, edges);
    await third.watch.ready;
    expect(third.cleared).toEqual([]);
    expect(readClearedNotice(local)).not.toBeNull();
    dismissClearedNotice(local);
    expect(readClearedNotice(local)).toBeNull();
  });

  it('drops the warning once the work is back (a backup restored)', async () => {
    const { edges, local } = fakeEdges();
    const name = freshDb().name;
    const first = visit(name, edges);
    await saveRecipe(first.db, 'a');
    await saveRecipe(first.db, 'b');
    await first.watch.flush();
    first.leave();
    await clearIndexedDb(name);
    let gone = 0;
    const second = visit(name, edges);
    await second.watch.ready;
    expect(second.cleared).toHaveLength(1);
    const lineage = dexieLineage(`${name}-lineage`);
    const again = startStorageWatch({ db: second.db, lineage, edges, onClearedGone: () => gone++ });
    open.push({ watch: again, close: () => lineage.close() });
    await again.ready;
    await saveRecipe(second.db, 'a');
    await again.flush();
    expect(readClearedNotice(local)).not.toBeNull(); // 1 of 2 recipes back: still true
    await saveRecipe(second.db, 'b');
    await again.flush();
    expect(readClearedNotice(local)).toBeNull();
    expect(gone).toBe(1);
  });

  it('finds it from the cookie alone when localStorage was cleared too', async () => {
    const { edges, local } = fakeEdges();
    const name = freshDb().name;
    const first = visit(name, edges);
    await saveRecipe(first.db, 'a');
    await first.watch.flush();
    first.leave();
    await clearIndexedDb(name);
    local.map.clear();
    const second = visit(name, edges);
    await second.watch.ready;
    expect(second.cleared.map((n) => n.counts.recipes)).toEqual([1]);
  });

  it('says nothing when the person deleted their work themselves', async () => {
    const { edges } = fakeEdges();
    const name = freshDb().name;
    const first = visit(name, edges);
    await saveRecipe(first.db, 'a');
    await first.watch.flush();
    await first.db.recipes.clear();
    await first.watch.flush();
    first.leave();
    const second = visit(name, edges);
    await second.watch.ready;
    expect(second.cleared).toEqual([]);
  });

  it('says nothing for work saved by an older Sous that left no marker', async () => {
    const { edges } = fakeEdges();
    const name = freshDb().name;
    const older = new SousDb(name);
    await saveRecipe(older, 'old');
    older.close();
    const tab = visit(name, edges);
    await tab.watch.ready;
    expect(tab.cleared).toEqual([]);
    expect(readMarker(edges)?.counts.recipes).toBe(1);
  });

  it('finds a clearing that happens while the studio is open, at the next write', async () => {
    const { edges } = fakeEdges();
    const name = freshDb().name;
    const tab = visit(name, edges);
    await saveRecipe(tab.db, 'a');
    await tab.watch.flush();
    await clearIndexedDb(name);
    await saveRecipe(tab.db, 'after');
    await tab.watch.flush();
    expect(tab.cleared.map((n) => n.counts.recipes)).toEqual([1]);
    expect(readMarker(edges)?.counts.recipes).toBe(1);
    expect(tab.problems).toEqual([]);
  });

  it('asks at the start when work exists and the browser was never asked', async () => {
    const { edges, storage } = fakeEdges(undefined, new FakeStorageManager(false, false));
    const name = freshDb().name;
    const older = new SousDb(name);
    await saveRecipe(older, 'old');
    older.close();
    const tab = visit(name, edges);
    await tab.watch.ready;
    expect(tab.asked).toEqual([false]);
    expect(storage.persistCalls).toBe(1);
  });
});
