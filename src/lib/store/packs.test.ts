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
import { recordPackExport } from './packs-export';
import { dexieSandboxStores } from './sandbox-apps';
import { addPerson, NotAllowedError, switchPerson } from './people';
import { TEST_PIN_COST } from '../access/pin';
import { allAudit } from './audit';
import { setPolicy } from './governance';

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

const vendor = (id: string, name: string) => ({ id, name, email: `${id}@pack.example`, created_at: '2026-01-05T09:00:00.000Z' });
const withVendors: Pack = { ...pack(), sandbox: { erp: { vendors: [vendor('p-1', 'One'), vendor('p-2', 'Two'), vendor('p-3', 'Three')] } } };

describe("a pack's sandbox seed", () => {
  it("plans each collection's count now and after, then replaces the named app's records, others empty", async () => {
    db = freshDb();
    const plan = await planPackImport(db, withVendors);
    // The ERP was never opened: "now" is what its own seed would give.
    expect(plan.sandbox).toEqual([{ app: 'erp', collections: [{ name: 'vendors', before: 12, after: 3 }, { name: 'invoices', before: expect.any(Number), after: 0 }, { name: 'purchase_orders', before: expect.any(Number), after: 0 }] }]);
    expect(await db.sandbox_vendors.count()).toBe(0);
    const done = await importPack(db, withVendors, []);
    expect(done.sandbox).toEqual(['erp']);
    const erp = dexieSandboxStores(db).erp;
    expect((await erp.list('vendors')).map((v) => v.name).sort()).toEqual(['One', 'Three', 'Two']);
    expect(await erp.list('invoices')).toEqual([]);
    // The other apps keep their own seed, untouched by the import.
    expect(await db.sandbox_orders.count()).toBe(0);
    expect(await dexieSandboxStores(db).orders.list('orders')).toHaveLength(10);
    // A second plan reads what is there now.
    expect((await planPackImport(db, withVendors)).sandbox[0].collections[0]).toEqual({ name: 'vendors', before: 3, after: 3 });
    // Reset gives the app's own seed back.
    await erp.reset();
    expect(await erp.list('vendors')).toHaveLength(12);
  });

  it('a pack whose write fails changes no sandbox record; a pack without sandbox leaves the apps alone', async () => {
    db = freshDb();
    const erp = dexieSandboxStores(db).erp;
    await erp.delete('vendors', 'ven-001');
    vi.spyOn(db.exercises, 'bulkPut').mockRejectedValueOnce(quotaError());
    await expect(importPack(db, withVendors, [])).rejects.toBeInstanceOf(StorageFullError);
    expect(await erp.list('vendors')).toHaveLength(11);
    expect(await db.recipes.count()).toBe(0);
    expect(await allAudit(db)).toEqual([]);
    const plain: Pack = { ...pack(), sandbox: undefined };
    expect((await planPackImport(db, plain)).sandbox).toEqual([]);
    expect((await importPack(db, plain, [])).sandbox).toEqual([]);
    expect(await erp.list('vendors')).toHaveLength(11);
  });
});

describe('packs on the audit trail', () => {
  it('an import records the pack, its counts and what it replaced; an export what was chosen', async () => {
    db = freshDb();
    await importPack(db, withVendors, [], { now: new Date('2026-03-01T10:00:00Z') });
    await importPack(db, withVendors, []);
    const imports = (await allAudit(db)).filter((e) => e.action === 'pack.import');
    expect(imports).toHaveLength(2);
    expect(imports[0]).toMatchObject({ target: { kind: 'pack', id: 'finance-workshop' }, at: '2026-03-01T10:00:00.000Z', detail: { pack_id: 'finance-workshop', name: 'Finance workshop', recipes: 1, agents: 0, tables: 1, exercises: 2, sandbox: 'erp', replaced: '' } });
    expect(imports[1].detail.replaced).toBe('recipe:flag-big-starter, table:pricing');

    const table = (await new DexieTables(db).listTables())[0];
    const choice = { id: 'out', name: 'Out', recipes: ['flag-big-starter'], agents: [], tables: [table.id] };
    const { pack: gathered } = await gatherPack(db, choice);
    await recordPackExport(db, choice, gathered, 0);
    const exported = (await allAudit(db)).filter((e) => e.action === 'pack.export');
    expect(exported).toMatchObject([{ target: { kind: 'pack', id: 'out' }, detail: { name: 'Out', chosen_recipes: 'flag-big-starter', chosen_agents: '', chosen_tables: 'pricing', recipes: 1, tables: 1, secrets_blanked: 0 } }]);
  });

  it('a runner may not import a pack, and nothing is written', async () => {
    db = freshDb();
    await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, { cost: TEST_PIN_COST });
    const lee = await addPerson(db, { name: 'Lee', role: 'runner' }, { cost: TEST_PIN_COST });
    await switchPerson(db, lee.id);
    // Even a pack with no recipe (whose saves would ask) is refused.
    await expect(importPack(db, { ...withVendors, recipes: [], exercises: [] }, [])).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.sandbox_vendors.count()).toBe(0);
    expect(await db.lookup_tables.count()).toBe(0);
    expect((await allAudit(db)).map((e) => e.action)).not.toContain('pack.import');
  });
});

describe('a trainer re-exporting a workshop', () => {
  it('exercises (with their starters), the sandbox apps\' records and the policy in force come back byte for byte', async () => {
    db = freshDb();
    const p = pack();
    await importPack(db, p, []);
    await setPolicy(db, p.policy!);
    const table = (await new DexieTables(db).listTables())[0];
    const choice = { id: p.id, name: p.name, description: p.description, recipes: [], agents: [], tables: [table.id], exercises: ['flag-big', 'add-vendor'], sandbox: ['erp' as const], policy: true };
    const { pack: gathered, added, missing } = await gatherPack(db, choice);
    expect(added).toEqual([{ id: 'flag-big-starter', by: { exercise: 'flag-big' } }]);
    expect(missing).toEqual([]);
    // The fixture's empty meta is the one thing a studio does not keep.
    const expected = exportPack({ ...p, meta: undefined, present: p.present?.filter((k) => k !== 'meta') }).text;
    expect(exportPack(gathered).text).toBe(expected);
    expect(Object.keys(gathered.sandbox?.erp ?? {})).toEqual(['vendors']);

    await recordPackExport(db, choice, gathered, 0);
    expect((await allAudit(db)).at(-1)?.detail).toMatchObject({ chosen_exercises: 'flag-big, add-vendor', sandbox: 'erp', policy: 'Workshop rules' });
  });
  it("names an exercise's starter that is gone; the file would not import, which the page refuses to hand out", async () => {
    db = freshDb();
    await importPack(db, pack(), []);
    await db.recipes.delete('flag-big-starter');
    const { pack: gathered, missing } = await gatherPack(db, { id: 'x', name: 'X', recipes: [], agents: [], tables: [], exercises: ['flag-big'] });
    expect(missing).toEqual(['flag-big-starter']);
    const read = parsePackText(exportPack(gathered).text);
    expect(read.ok || read.issues[0]).toMatchObject({ path: 'exercises[0].starter' });
  });
});
