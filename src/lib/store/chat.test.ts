// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { DexieChatSink, recentMessages } from './chat';
import type { SousDb } from './db';
import { StorageFullError } from './storage-errors';
import { freshDb, quotaError } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

const message = (n: number) => ({ id: `m${n}`, channel: 'finance', text: `hello ${n}`, at: new Date(Date.UTC(2030, 0, 1, 0, n)).toISOString() });

it('shows the newest messages, oldest of them first', async () => {
  db = freshDb();
  const sink = new DexieChatSink(db);
  for (const n of [3, 1, 2, 4]) await sink.post(message(n));
  expect((await recentMessages(db, 3)).map((m) => m.id)).toEqual(['m2', 'm3', 'm4']);
});

it('on a full disk says the message could not be saved and keeps the earlier ones', async () => {
  db = freshDb();
  const sink = new DexieChatSink(db);
  await sink.post(message(1));
  vi.spyOn(db.chat, 'add').mockRejectedValueOnce(quotaError());
  await expect(sink.post(message(2))).rejects.toThrow(StorageFullError);
  await expect(sink.post(message(3))).resolves.toBeUndefined();
  expect((await recentMessages(db)).map((m) => m.id)).toEqual(['m1', 'm3']);
});
