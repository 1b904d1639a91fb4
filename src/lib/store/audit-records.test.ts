/** What the store's writes leave in the audit trail, and that a runner is refused before anything is written. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/chain';
import { allAudit, connectionUseRecorder } from './audit';
import { bindConnection, createConnection, createVault, deleteConnection, DexieConnectionSecrets, renameConnection, setConnectionSecrets } from './connections';
import { newConversationRow, putConversation } from './conversations';
import type { SousDb } from './db';
import { NotAllowedError } from './people';
import { createBlankRecipe, deleteRecipe, duplicateRecipe, renameRecipe, restoreRecipe } from './recipe-admin';
import { markStarted, markStopped } from './recipe-states';
import { saveRecipe } from './recipes';
import { freshDb, recipe } from './test-db';

const SECRET = 'sk-very-secret-token-1234';

async function asRunner(db: SousDb): Promise<void> {
  await db.people.bulkPut([
    { id: 'a', name: 'Admin', role: 'admin', pin: null, created_at: '2026-01-01T00:00:00.000Z' },
    { id: 'r', name: 'Runa', role: 'runner', pin: null, created_at: '2026-01-02T00:00:00.000Z' }
  ]);
  await db.governance.put({ key: 'current_person', value: 'r' });
}

describe('audit entries from the store', () => {
  it('records recipe create, edit, copy, delete, undo, start, stop and import with a valid chain', async () => {
    const db = freshDb();
    const id = await createBlankRecipe(db, 'Orders');
    await renameRecipe(db, id, 'Daily orders');
    const copy = await duplicateRecipe(db, id);
    const deleted = await deleteRecipe(db, copy);
    await restoreRecipe(db, deleted);
    await markStarted(db, id, 2);
    await markStopped(db, id);
    await saveRecipe(db, recipe('{"format":"sous.recipe/v1","id":"imp","name":"Imported","trigger":{"kind":"manual"},"steps":[]}'), new Date(), { action: 'recipe.import' });
    const rows = await allAudit(db);
    expect(rows.map((r) => `${r.action} ${r.target.id}@${r.target.version ?? ''}`)).toEqual([
      `recipe.create ${id}@1`,
      `recipe.edit ${id}@2`,
      `recipe.create ${copy}@1`,
      `recipe.delete ${copy}@1`,
      `recipe.restore ${copy}@1`,
      `recipe.start ${id}@2`,
      `recipe.stop ${id}@2`,
      'recipe.import imp@1'
    ]);
    expect(rows[2]!.detail).toMatchObject({ copied_from: id });
    expect(rows.every((r) => r.actor.id === 'owner')).toBe(true);
    expect(verifyChain(rows).ok).toBe(true);
  });

  it('records connection changes and use without any secret, use once per job', async () => {
    const db = freshDb();
    const vault = await createVault(db, 'a long passphrase');
    const row = await createConnection(db, vault, { connector: 'http', label: 'Billing', secrets: { key: SECRET } });
    await renameConnection(db, row.id, 'Billing API');
    await setConnectionSecrets(db, vault, row.id, { key: `${SECRET}-2` });
    await bindConnection(db, 'r1', 'billing', row.id);
    await db.jobs.put({ id: 'j1', recipe_id: 'r1', status: 'running', started_at: '2026-12-07T10:00:00.000Z' } as never);
    const secrets = new DexieConnectionSecrets(db, vault, connectionUseRecorder(db));
    await secrets.resolve('billing', 'http', 'r1', 'j1');
    await secrets.resolve('billing', 'http', 'r1', 'j1');
    await deleteConnection(db, row.id);
    const rows = await allAudit(db);
    expect(rows.map((r) => r.action)).toEqual(['connection.create', 'connection.edit', 'connection.edit', 'connection.edit', 'connection.use', 'connection.delete']);
    expect(rows[4]!.target).toEqual({ kind: 'connection', id: row.id, job: 'j1' });
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });

  it('records a conversation once, when it starts', async () => {
    const db = freshDb();
    const row = newConversationRow({ kind: 'direct', agents: ['erp-genie'], title: 'ERP Genie' });
    await putConversation(db, row);
    await putConversation(db, row);
    expect((await allAudit(db)).map((r) => `${r.action} ${r.detail.agents}`)).toEqual(['conversation erp-genie']);
  });

  it.each([
    ['create a recipe', (db: SousDb) => createBlankRecipe(db, 'Nope')],
    ['start a recipe', (db: SousDb) => markStarted(db, 'r1', 1)],
    ['stop a recipe', (db: SousDb) => markStopped(db, 'r1')],
    ['bind a connection', (db: SousDb) => bindConnection(db, 'r1', 'x', 'c1')],
    ['delete a connection', (db: SousDb) => deleteConnection(db, 'c1')]
  ])('refuses a runner to %s and writes nothing', async (_what, write) => {
    const db = freshDb();
    await asRunner(db);
    await expect(write(db)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.recipes.count()).toBe(0);
    expect(await db.recipe_states.count()).toBe(0);
    expect(await db.connection_bindings.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a runner to delete a recipe that exists, and keeps it', async () => {
    const db = freshDb();
    const id = await createBlankRecipe(db, 'Keep me');
    await asRunner(db);
    await expect(deleteRecipe(db, id)).rejects.toThrow('A runner may not edit recipes');
    expect(await db.recipes.get(id)).toBeDefined();
    expect(await db.audit.count()).toBe(1);
  });
});
