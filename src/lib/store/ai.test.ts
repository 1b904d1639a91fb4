import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAiConnector } from '../connectors/ai';
import { ScriptedModelClient } from '../ai/scripted-model-client';
import { DexieReplayStore, getAiSetting, setAiSetting } from './ai';
import { freshDb } from './test-db';

describe('the ai rows (Dexie version 6)', () => {
  it('a replay recorded through one database connection is replayed through another (a reloaded page)', async () => {
    const db = freshDb();
    const ctx = { user: { id: 'u', name: 'U', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 's' };
    const first = new ScriptedModelClient([{ label: 'invoice', confidence: 0.9 }]);
    const make = (client: ScriptedModelClient, store: DexieReplayStore) =>
      createAiConnector({ extractBasic: () => { throw new Error('not used'); }, model: async () => client, replays: store });
    const input = { text: 'Invoice 12', labels: ['invoice', 'receipt'] };
    await make(first, new DexieReplayStore(db)).actions.classify.execute(input, ctx);
    db.close();
    await db.open();
    const second = new ScriptedModelClient([]);
    const out = await make(second, new DexieReplayStore(db)).actions.classify.execute(input, ctx);
    expect(out).toMatchObject({ label: 'invoice', replayed: true });
    expect(second.calls).toBe(0);
  });

  it('keeps the model settings', async () => {
    const db = freshDb();
    expect(await getAiSetting(db, 'base_url')).toBe('');
    await setAiSetting(db, 'base_url', 'http://127.0.0.1:5177/models');
    expect(await getAiSetting(db, 'base_url')).toBe('http://127.0.0.1:5177/models');
  });
});
