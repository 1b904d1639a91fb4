/**
 * Importing a pack (docs/pack-format.md): first a plan of what it would do, read from the store and
 * changing nothing (new or replacing, with a diff for each replaced recipe, and the connection
 * references that need a connection); then, once the person confirms, every write in one IndexedDB
 * transaction, so a refused write (a full disk) leaves nothing half-imported.
 */
import { Dexie } from 'dexie';
import type { Agent } from '../agents/format';
import { diffRecipes, type RecipeDiff } from '../diff';
import type { Pack, PackTable } from '../packs';
import type { Recipe } from '../recipe';
import type { TableDef, TableRow } from '../connectors/tables/schema';
import type { SousDb } from './db';
import { saveAgent } from './agents';
import { getRecipe, saveRecipe } from './recipes';
import { guardWrite } from './storage-errors';
import { DexieTables } from './tables';
import { installExercises } from './exercises';

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
  return { recipes, agents, tables, refs };
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
}

/**
 * Write the pack: recipes as their next versions (as a save in the editor makes), agents, tables with
 * their rows (a table of the same name has its columns and rows replaced, keeping its id), and the chosen
 * connections. All or nothing.
 */
export async function importPack(db: SousDb, pack: Pack, choices: RefChoice[], options: { now?: Date; newId?: () => string } = {}): Promise<PackImported> {
  const now = options.now ?? new Date();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const stores = [db.recipes, db.recipe_versions, db.agents, db.lookup_tables, db.lookup_rows, db.connection_bindings, db.connections, db.exercises, db.audit, db.people, db.governance];
  return guardWrite(`the pack "${pack.name}"`, () =>
    db.transaction('rw', stores, async () => {
      const recipes: PackImported['recipes'] = [];
      for (const recipe of pack.recipes) recipes.push({ id: recipe.id, ...(await saveRecipe(db, recipe, now)) });
      for (const agent of pack.agents) {
        const saved = await saveAgent(db, agent, now);
        // The pack's parser read it already; a refusal here would mean the two parsers disagree.
        if (!saved.ok) throw new Error(`the agent "${agent.id}" could not be saved: ${saved.issues[0]?.message ?? ''}`);
      }
      const store = new DexieTables(db);
      for (const table of pack.tables) await writeTable(db, store, table, now, newId);
      let bindings = 0;
      const known = new Set(pack.recipes.flatMap((r) => Object.keys(r.connections ?? {}).map((ref) => `${r.id}\u0000${ref}`)));
      for (const choice of choices) {
        if (!known.has(`${choice.recipe_id}\u0000${choice.ref}`)) continue;
        if (!(await db.connections.get(choice.connection_id))) throw new Error(`the chosen connection for "${choice.ref}" no longer exists`);
        await db.connection_bindings.put({ recipe_id: choice.recipe_id, ref: choice.ref, connection_id: choice.connection_id });
        bindings++;
      }
      const exercises = await installExercises(db, pack, now);
      return { recipes, agents: pack.agents.length, tables: pack.tables.length, bindings, exercises };
    })
  );
}

async function writeTable(db: SousDb, store: DexieTables, table: PackTable, now: Date, newId: () => string): Promise<void> {
  const at = now.toISOString();
  const existing = await db.lookup_tables.where('name').equals(table.name).first();
  const def: TableDef = existing
    ? { ...existing, columns: table.columns, updated_at: at }
    : { id: newId(), name: table.name, columns: table.columns, created_at: at, updated_at: at };
  if (existing) await db.lookup_rows.where('[table_id+seq]').between([def.id, Dexie.minKey], [def.id, Dexie.maxKey]).delete();
  await db.lookup_tables.put(def);
  const rows: TableRow[] = table.rows.map((values, seq) => ({ id: newId(), table_id: def.id, seq, values }));
  await store.putRows(rows);
}
