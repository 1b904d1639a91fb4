/**
 * Gathering a pack to export from what the studio holds: the chosen recipes with every callable recipe
 * they `call` (and those recipes' calls in turn), the chosen agents with their skills' recipes, and the
 * chosen tables with their rows. The pack is written by `exportPack`, which keeps secrets out.
 */
import { allSteps, type Recipe } from '../recipe';
import { PACK_FORMAT, type Pack, type PackTable } from '../packs';
import type { Agent } from '../agents/format';
import type { SousDb } from './db';
import { getAgent } from './agents';
import { getRecipe } from './recipes';
import { DexieTables } from './tables';
import { recordAudit } from './audit';
import type { AuditRow } from '../audit/schema';

export interface PackChoice {
  id: string;
  name: string;
  description?: string;
  recipes: string[];
  agents: string[];
  /** Table ids. */
  tables: string[];
}

/** A recipe the pack holds though it was not chosen: which recipe calls it, or which agent has it as a skill. */
export interface AddedRecipe {
  id: string;
  by: { recipe: string } | { agent: string };
}

/** The recipes a recipe's `call` steps name, in file order, each once. */
export function calledRecipes(recipe: Recipe): string[] {
  const ids = new Set<string>();
  for (const step of allSteps(recipe.steps)) if (step.kind === 'call') ids.add(step.recipe);
  return [...ids];
}

export async function gatherPack(db: SousDb, choice: PackChoice): Promise<{ pack: Pack; added: AddedRecipe[]; missing: string[] }> {
  const recipes = new Map<string, Recipe>();
  const added: AddedRecipe[] = [];
  const missing: string[] = [];
  const queue: Array<{ id: string; by?: AddedRecipe['by'] }> = choice.recipes.map((id) => ({ id }));
  const agents: Agent[] = [];
  for (const id of choice.agents) {
    const agent = await getAgent(db, id);
    if (!agent) continue;
    agents.push(agent);
    queue.push(...agent.skills.map((s) => ({ id: s.recipe, by: { agent: agent.id } })));
  }
  // Breadth first, so a recipe chosen by the person is never reported as added by another's call.
  for (let i = 0; i < queue.length; i++) {
    const { id, by } = queue[i];
    if (recipes.has(id)) continue;
    const found = await getRecipe(db, id);
    if (!found) {
      if (!missing.includes(id)) missing.push(id);
      continue;
    }
    recipes.set(id, found.recipe);
    if (by) added.push({ id, by });
    queue.push(...calledRecipes(found.recipe).map((called) => ({ id: called, by: { recipe: id } })));
  }
  const store = new DexieTables(db);
  const tables: PackTable[] = [];
  for (const id of choice.tables) {
    const def = await store.getTable(id);
    if (!def) continue;
    const rows = (await store.rows(id)).sort((a, b) => a.seq - b.seq).map((r) => r.values);
    tables.push({ name: def.name, columns: def.columns.map(({ name, type }) => ({ name, type })), rows });
  }
  const pack: Pack = {
    format: PACK_FORMAT,
    id: choice.id,
    name: choice.name,
    description: choice.description || undefined,
    recipes: [...recipes.values()],
    agents,
    tables,
    exercises: [],
    policy: null
  };
  return { pack, added, missing };
}

/**
 * The audit entry for an export, once the file was made: what the person chose, what the pack holds
 * (with the recipes it added), and how many places had a secret blanked (never the secrets).
 */
export function recordPackExport(db: SousDb, choice: PackChoice, pack: Pack, blanked: number): Promise<AuditRow> {
  const ids = (list: readonly string[]) => {
    const text = list.join(', ');
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  };
  return recordAudit(db, {
    action: 'pack.export',
    target: { kind: 'pack', id: pack.id },
    detail: {
      name: pack.name,
      chosen_recipes: ids(choice.recipes),
      chosen_agents: ids(choice.agents),
      chosen_tables: ids(pack.tables.map((t) => t.name)),
      recipes: pack.recipes.length,
      agents: pack.agents.length,
      tables: pack.tables.length,
      secrets_blanked: blanked
    }
  });
}
