// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportPack, parsePackText, type Pack } from '../packs';
import type { SousDb } from './db';
import { gatherPack } from './packs-export';
import { importPack, planPackImport } from './packs-import';
import { getRecipe, saveRecipe } from './recipes';
import { saveAgent } from './agents';
import { DexieTables } from './tables';
import { freshDb, quotaError, recipe } from './test-db';
import { StorageFullError } from './storage-errors';

let db: SousDb;
afterEach(() => db?.delete());

const packText = readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8');
function pack(text = packText): Pack {
  const read = parsePackText(text);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  return read.pack;
}
const caller = recipe(
  JSON.stringify({
    format: 'sous.recipe/v1',
    id: 'outer',
    name: 'Outer',
    trigger: { kind: 'manual' },
    connections: { erp: { connector: 'sandbox.erp', label: 'Company ERP' } },
    steps: [{ id: 'f', kind: 'foreach', items: '{{ [1] }}', as: 'x', steps: [{ id: 'c', kind: 'call', recipe: 'inner', input: {} }] }]
  })
);
const inner = recipe(JSON.stringify({ format: 'sous.recipe/v1', id: 'inner', name: 'Inner', trigger: { kind: 'callable', input: [] }, steps: [] }));

describe('importing a pack', () => {
  it('plans without writing, then writes recipes, tables and choices in one go', async () => {
    db = freshDb();
    const p = pack();
    const plan = await planPackImport(db, p);
    expect(plan.recipes.map((r) => [r.recipe.id, r.replaces])).toEqual(p.recipes.map((r) => [r.id, undefined]));
    expect(plan.tables).toEqual([{ table: p.tables[0], replaces: undefined }]);
    expect(await db.recipes.count()).toBe(0);
    const done = await importPack(db, p, []);
    expect(done.recipes.every((r) => r.version === 1 && r.created)).toBe(true);
    const tables = await new DexieTables(db).listTables();
    expect(tables.map((t) => t.name)).toEqual(['pricing']);
    expect((await new DexieTables(db).rows(tables[0].id)).map((r) => r.values)).toEqual([{ tier: 'gold', discount: 10 }]);

    // A changed copy: the recipe is planned as replacing version 1, with the step added in the diff.
    const changed = structuredClone(JSON.parse(packText));
    changed.recipes[0].steps.push({ id: 'done', kind: 'stop', outcome: 'success', message: 'ok' });
    changed.tables[0].rows.push({ tier: 'silver', discount: 5 });
    const again = await planPackImport(db, pack(JSON.stringify(changed)));
    expect(again.recipes[0].replaces?.version).toBe(1);
    expect(again.recipes[0].replaces?.diff.steps.map((s) => [s.id, s.kind])).toContainEqual(['done', 'added']);
    expect(again.tables[0].replaces).toBe(tables[0].id);
    await importPack(db, pack(JSON.stringify(changed)), []);
    expect((await getRecipe(db, p.recipes[0].id))?.version).toBe(2);
    expect(await db.lookup_tables.count()).toBe(1);
    expect((await new DexieTables(db).rows(tables[0].id)).map((r) => r.values.tier)).toEqual(['gold', 'silver']);
  });

  it('binds the chosen connections; a full disk leaves nothing half-written', async () => {
    db = freshDb();
    const p: Pack = { ...pack(), recipes: [caller, inner] };
    const plan = await planPackImport(db, p);
    expect(plan.refs).toEqual([{ recipe_id: 'outer', ref: 'erp', connector: 'sandbox.erp', label: 'Company ERP' }]);
    await db.connections.put({ id: 'c1', connector: 'sandbox.erp', label: 'ERP', fields: {}, sealed: null, created_at: '', updated_at: '' });
    expect((await importPack(db, p, [{ recipe_id: 'outer', ref: 'erp', connection_id: 'c1' }])).bindings).toBe(1);
    expect(await db.connection_bindings.get(['outer', 'erp'])).toEqual({ recipe_id: 'outer', ref: 'erp', connection_id: 'c1' });

    const other = freshDb();
    try {
      vi.spyOn(other.lookup_rows, 'bulkPut').mockRejectedValueOnce(quotaError());
      await expect(importPack(other, pack(), [])).rejects.toBeInstanceOf(StorageFullError);
      expect(await other.recipes.count()).toBe(0);
      expect(await other.lookup_tables.count()).toBe(0);
    } finally {
      await other.delete();
    }
  });
});

describe('gathering a pack to export', () => {
  it('adds the recipes a chosen one calls and says so; tables come with their rows', async () => {
    db = freshDb();
    await saveRecipe(db, caller);
    await saveRecipe(db, inner);
    await importPack(db, pack(), []);
    const table = (await new DexieTables(db).listTables())[0];
    const { pack: gathered, added, missing } = await gatherPack(db, { id: 'two', name: 'Two', recipes: ['outer'], agents: [], tables: [table.id] });
    expect(gathered.recipes.map((r) => r.id)).toEqual(['outer', 'inner']);
    expect(added).toEqual([{ id: 'inner', by: { recipe: 'outer' } }]);
    expect(missing).toEqual([]);
    expect(gathered.tables).toEqual([{ name: 'pricing', columns: [{ name: 'tier', type: 'text' }, { name: 'discount', type: 'number' }], rows: [{ tier: 'gold', discount: 10 }] }]);
    // What it writes reads back as the same pack, byte for byte.
    const text = exportPack(gathered).text;
    expect(exportPack(pack(text)).text).toBe(text);
  });

  it("adds an agent's skills' recipes (and their calls), and names what it cannot find", async () => {
    db = freshDb();
    await saveRecipe(db, caller);
    await saveRecipe(db, inner);
    await saveAgent(db, { format: 'sous.agent/v1', id: 'genie', name: 'Genie', skills: [{ recipe: 'outer' }, { recipe: 'gone' }] });
    const { pack: gathered, added, missing } = await gatherPack(db, { id: 'a', name: 'A', recipes: ['inner'], agents: ['genie'], tables: [] });
    expect(gathered.agents.map((a) => a.id)).toEqual(['genie']);
    expect(gathered.recipes.map((r) => r.id)).toEqual(['inner', 'outer']);
    // inner was chosen, so it is not reported as added by outer's call.
    expect(added).toEqual([{ id: 'outer', by: { agent: 'genie' } }]);
    expect(missing).toEqual(['gone']);
  });
});
