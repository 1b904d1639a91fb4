// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationsWithJob, directConversationId, getConversation, jobsOf, listConversations, newConversationRow, putConversation } from './conversations';
import { freshDb } from './test-db';
import type { SousDb } from './db';

let db: SousDb;
afterEach(() => db?.delete());

describe('conversations in the store', () => {
  it('keeps a conversation whole and finds it by the jobs it started or waits on', async () => {
    db = freshDb();
    const row = newConversationRow({ kind: 'direct', agents: ['erp-genie'], title: 'ERP Genie' });
    expect(row.id).toBe(directConversationId('erp-genie'));
    const state = {
      ...row.state,
      turns: [
        { role: 'user' as const, text: 'register a vendor', at: '2030-01-01T00:00:00.000Z' },
        { role: 'agent' as const, agent: 'erp-genie', text: 'What is the name?', asks: 'name' }
      ],
      jobs: ['J1'],
      waiting: [{ job: 'J1', stepJob: 'J2', step: 'approve', skill: 'register-vendor', agent: 'erp-genie', choices: ['approve', 'reject'] }]
    };
    expect(jobsOf(state)).toEqual(['J1', 'J2']);
    await putConversation(db, { ...row, state }, new Date('2030-01-02T00:00:00Z'));
    const back = await getConversation(db, row.id);
    expect(back?.state).toEqual(state);
    expect(back?.updated_at).toBe('2030-01-02T00:00:00.000Z');
    expect((await conversationsWithJob(db, 'J2')).map((r) => r.id)).toEqual([row.id]);
    expect(await conversationsWithJob(db, 'J3')).toEqual([]);
  });

  it('lists the most recent first, by kind too', async () => {
    db = freshDb();
    await putConversation(db, newConversationRow({ kind: 'direct', agents: ['a'], title: 'A' }), new Date('2030-01-01T00:00:00Z'));
    await putConversation(db, newConversationRow({ kind: 'channel', agents: ['a', 'b'], title: 'Desk' }), new Date('2030-01-03T00:00:00Z'));
    expect((await listConversations(db)).map((r) => r.title)).toEqual(['Desk', 'A']);
    expect((await listConversations(db, 'direct')).map((r) => r.title)).toEqual(['A']);
  });

  it('names a damaged row instead of handing it on', async () => {
    db = freshDb();
    const row = newConversationRow({ kind: 'direct', agents: ['a'], title: 'A' });
    await db.conversations.put({ ...row, state: { ...row.state, turns: [{ role: 'robot' }] } } as never);
    await expect(getConversation(db, row.id)).rejects.toThrow(/damaged/);
  });

  it('refuses a conversation with nobody in it', () => {
    expect(() => newConversationRow({ kind: 'channel', agents: [], title: 'x' })).toThrow(/at least one agent/);
  });
});
