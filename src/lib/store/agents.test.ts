// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { agentsWithSkill, deleteAgent, getAgent, importAgentText, listAgents, saveAgent } from './agents';
import { freshDb } from './test-db';
import type { SousDb } from './db';

let db: SousDb;
afterEach(() => db?.delete());

const erp = {
  format: 'sous.agent/v1',
  id: 'erp-genie',
  name: 'ERP Genie',
  skills: [{ recipe: 'register-vendor', examples: ['register a vendor'] }]
};
const stock = { format: 'sous.agent/v1', id: 'stock-genie', name: 'Stock Genie', skills: [{ recipe: 'check-stock' }] };

describe('agents in the store', () => {
  it('saves, replaces, lists by name and deletes agents', async () => {
    db = freshDb();
    expect(await saveAgent(db, stock, new Date('2030-01-01T00:00:00Z'))).toMatchObject({ ok: true, created: true });
    expect(await saveAgent(db, erp)).toMatchObject({ ok: true, created: true });
    expect(await saveAgent(db, { ...erp, name: 'ERP Genie 2' })).toMatchObject({ ok: true, created: false });
    expect((await listAgents(db)).map((a) => a.name)).toEqual(['ERP Genie 2', 'Stock Genie']);
    expect((await db.agents.get('stock-genie'))?.updated_at).toBe('2030-01-01T00:00:00.000Z');
    expect(await getAgent(db, 'erp-genie')).toEqual({ ...erp, name: 'ERP Genie 2' });
    expect((await agentsWithSkill(db, 'check-stock')).map((a) => a.id)).toEqual(['stock-genie']);
    expect(await deleteAgent(db, 'stock-genie')).toBe(true);
    expect(await deleteAgent(db, 'stock-genie')).toBe(false);
    expect(await getAgent(db, 'stock-genie')).toBeUndefined();
  });

  const refused: Array<[string, string, string]> = [
    ['not JSON', '{"format": ', ''],
    ['an unknown format', JSON.stringify({ ...erp, format: 'sous.agent/v9' }), 'format'],
    ['a bad id', JSON.stringify({ ...erp, id: 'ERP Genie' }), 'id'],
    ['an unknown key', JSON.stringify({ ...erp, colour: 'blue' }), ''],
    ['a skill listed twice', JSON.stringify({ ...erp, skills: [erp.skills[0], erp.skills[0]] }), 'skills[1].recipe'],
    ['a hand-off to itself', JSON.stringify({ ...erp, agents: ['erp-genie'] }), 'agents[0]']
  ];
  it.each(refused)('refuses %s with its issues and changes nothing', async (_what, text, path) => {
    db = freshDb();
    await saveAgent(db, erp);
    const before = await db.agents.toArray();
    const result = await importAgentText(db, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.length).toBeGreaterThan(0);
      if (path) expect(result.issues.map((i) => i.path)).toContain(path);
    }
    expect(await db.agents.toArray()).toEqual(before);
  });

  it('imports a good file, as the format reads it', async () => {
    db = freshDb();
    const result = await importAgentText(db, JSON.stringify(erp));
    expect(result).toEqual({ ok: true, agent: erp, created: true });
  });
});
