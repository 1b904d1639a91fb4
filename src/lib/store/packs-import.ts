/**
 * Importing a pack (docs/pack-format.md): first a plan of what it would do, read from the store and
 * changing nothing (new or replacing, with a diff for each replaced recipe, and the connection
 * references that need a connection); then, once the person confirms, every write in one IndexedDB
 * transaction, so a refused write (a full disk) leaves nothing half-imported.
 */
import { Dexie } from 'dexie';
import type { Agent } from '../agents/format';
import { diffRecipes, type RecipeDiff } from '../diff';
import type { Pack, PackTable, SandboxApp } from '../packs';
import type { Recipe } from '../recipe';
import type { TableDef, TableRow } from '../connectors/tables/schema';
import type { SousDb } from './db';
import { saveAgent } from './agents';
import { getRecipe, saveRecipe } from './recipes';
import { guardWrite } from './storage-errors';
import { DexieTables } from './tables';
import { installExercises } from './exercises';
import { recordAudit } from './audit';
import { assertMay } from './people';
import { planSandbox, sandboxScope, writeSandbox, type SandboxPlan } from './packs-sandbox';

export interface RecipePlan {
  recipe: Recipe;
  /** The newest saved version it would replace, with the diff from it to the pack's. */
  replaces?: { version: number; diff: RecipeDiff };
}
export interface AgentPlan {
  agent: Agent;
  replaces: boolean;
}
export interface TablePlan {
  table: PackTable;
  /** The id of the studio's table of that name, whose columns and rows it would replace. */
  replaces?: string;
}
/** A pack recipe's named connection reference (`connections.erp`), to be mapped to a connection here. */
export interface RefPlan {
  recipe_id: string;
  ref: string;
  connector: string;
  label?: string;
}
export interface PackPlan {
  recipes: RecipePlan[];
  agents: AgentPlan[];
  tables: TablePlan[];
  refs: RefPlan[];
  /** Each sandbox app the pack's seed data replaces, with every collection's count now and after. */
  sandbox: SandboxPlan[];
}

export async function planPackImport(db: SousDb, pack: Pack): Promise<PackPlan> {
  const recipes: RecipePlan[] = [];
  for (const recipe of pack.recipes) {
    const found = await getRecipe(db, recipe.id);
    recipes.push(found ? { recipe, replaces: { version: found.version, diff: diffRecipes(found.recipe, recipe) } } : { recipe });
  }
  const agents: AgentPlan[] = [];
  for (const agent of pack.agents) agents.push({ agent, replaces: (await db.agents.get(agent.id)) !== undefined });
  const byName = new Map((await db.lookup_tables.toArray()).map((t) => [t.name, t.id]));
  const tables = pack.tables.map((table) => ({ table, replaces: byName.get(table.name) }));
  const refs = pack.recipes.flatMap((r) =>
    Object.entries(r.connections ?? {}).map(([ref, use]) => ({ recipe_id: r.id, ref, connector: use.connector, label: use.label }))
  );
  return { recipes, agents, tables, refs, sandbox: await planSandbox(db, pack.sandbox) };
}

/** A reference's chosen connection; references left out are set up later on the Connections page. */
export interface RefChoice {
  recipe_id: string;
  ref: string;
  connection_id: string;
}

export interface PackImported {
  /** Each recipe with the version it is now and whether that version is new. */
  recipes: Array<{ id: string; version: number; created: boolean }>;
  agents: number;
  tables: number;
  bindings: number;
  /** Workshop exercises installed (shown beside the editor of their recipes). */
  exercises: number;
  /** The sandbox apps whose records the pack's replaced. */
  sandbox: SandboxApp[];
}

/**
 * Write the pack: recipes as their next versions (as a save in the editor makes), agents, tables with
 * their rows (a table of the same name has its columns and rows replaced, keeping its id), the sandbox
 * apps' records it carries, the chosen connections, its exercises and the audit entry. All or nothing;
 * a person who may not edit (a runner) is refused before anything is read.
 */
export async function importPack(db: SousDb, pack: Pack, choices: RefChoice[], options: { now?: Date; newId?: () => string } = {}): Promise<PackImported> {
  await assertMay(db, 'edit');
  const now = options.now ?? new Date();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const stores = [...new Set([db.recipes, db.recipe_versions, db.agents, db.lookup_tables, db.lookup_rows, db.connection_bindings, db.connections, db.exercises, db.audit, db.people, db.governance, ...sandboxScope(db, pack.sandbox)])];
  return guardWrite(`the pack "${pack.name}"`, () =>
    db.transaction('rw', stores, async () => {
      const replaced: string[] = [];
      const recipes: PackImported['recipes'] = [];
      for (const recipe of pack.recipes) {
        const saved = await saveRecipe(db, recipe, now);
        recipes.push({ id: recipe.id, ...saved });
        if (!saved.created) replaced.push(`recipe:${recipe.id}`);
      }
      for (const agent of pack.agents) {
        if (await db.agents.get(agent.id)) replaced.push(`agent:${agent.id}`);
        const saved = await saveAgent(db, agent, now);
        // The pack's parser read it already; a refusal here would mean the two parsers disagree.
        if (!saved.ok) throw new Error(`the agent "${agent.id}" could not be saved: ${saved.issues[0]?.message ?? ''}`);
      }
      const store = new DexieTables(db);
      for (const table of pack.tables) if (await writeTable(db, store, table, now, newId)) replaced.push(`table:${table.name}`);
      const sandbox = await writeSandbox(db, pack.sandbox);
      const bindings = await bindChoices(db, pack, choices);
      const exercises = await installExercises(db, pack, now);
      const done: PackImported = { recipes, agents: pack.agents.length, tables: pack.tables.length, bindings, exercises, sandbox };
      await recordAudit(db, { action: 'pack.import', target: { kind: 'pack', id: pack.id }, detail: importDetail(pack, done, replaced) }, { now: () => now });
      return done;
    })
  );
}

/** The audit entry's facts: the pack, how many of each it brought, and what it replaced (bounded). */
function importDetail(pack: Pack, done: PackImported, replaced: string[]): Record<string, string | number> {
  const list = replaced.join(', ');
  return {
    pack_id: pack.id,
    name: pack.name,
    recipes: done.recipes.length,
    agents: done.agents,
    tables: done.tables,
    exercises: done.exercises,
    sandbox: done.sandbox.join(', '),
    bindings: done.bindings,
    replaced: list.length > 2000 ? `${list.slice(0, 2000)}…` : list
  };
}

/** The chosen connections for the pack's references; a choice for a reference the pack lacks is ignored. */
async function bindChoices(db: SousDb, pack: Pack, choices: RefChoice[]): Promise<number> {
  let bindings = 0;
  const known = new Set(pack.recipes.flatMap((r) => Object.keys(r.connections ?? {}).map((ref) => `${r.id}\u0000${ref}`)));
  for (const choice of choices) {
    if (!known.has(`${choice.recipe_id}\u0000${choice.ref}`)) continue;
    if (!(await db.connections.get(choice.connection_id))) throw new Error(`the chosen connection for "${choice.ref}" no longer exists`);
    await db.connection_bindings.put({ recipe_id: choice.recipe_id, ref: choice.ref, connection_id: choice.connection_id });
    bindings++;
  }
  return bindings;
}

/** Returns whether it replaced a table of that name. */
async function writeTable(db: SousDb, store: DexieTables, table: PackTable, now: Date, newId: () => string): Promise<boolean> {
  const at = now.toISOString();
  const existing = await db.lookup_tables.where('name').equals(table.name).first();
  const def: TableDef = existing
    ? { ...existing, columns: table.columns, updated_at: at }
    : { id: newId(), name: table.name, columns: table.columns, created_at: at, updated_at: at };
  if (existing) await db.lookup_rows.where('[table_id+seq]').between([def.id, Dexie.minKey], [def.id, Dexie.maxKey]).delete();
  await db.lookup_tables.put(def);
  const rows: TableRow[] = table.rows.map((values, seq) => ({ id: newId(), table_id: def.id, seq, values }));
  await store.putRows(rows);
  return existing !== undefined;
}
