/**
 * Gathering a pack to export from what the studio holds: the chosen recipes with every callable recipe
 * they `call` (and those recipes' calls in turn), the chosen agents with their skills' recipes, and the
 * chosen tables with their rows. The pack is written by `exportPack`, which keeps secrets out.
 */
import { allSteps, type Recipe } from '../recipe';
import { PACK_FORMAT, type Pack, type PackTable, type SandboxApp } from '../packs';
import type { Exercise } from '../exercises/schema';
import type { Policy } from '../policy';
import type { Agent } from '../agents/format';
import type { SousDb } from './db';
import { getAgent } from './agents';
import { getRecipe } from './recipes';
import { DexieTables } from './tables';
import { recordAudit } from './audit';
import type { AuditRow } from '../audit/schema';
import { readPolicy } from './governance';
import { readSandbox } from './packs-sandbox';

export interface PackChoice {
  id: string;
  name: string;
  description?: string;
  recipes: string[];
  agents: string[];
  /** Table ids. */
  tables: string[];
  /** Installed exercise ids; each brings its starter recipe. */
  exercises?: string[];
  /** Sandbox apps whose records now become the pack's seed for them. */
  sandbox?: SandboxApp[];
  /** Whether the policy in force goes in. */
  policy?: boolean;
}

/** A recipe the pack holds though it was not chosen: which recipe calls it, which agent has it as a skill, or which exercise starts from it. */
export interface AddedRecipe {
  id: string;
  by: { recipe: string } | { agent: string } | { exercise: string };
}

/** The recipes a recipe's `call` steps name, in file order, each once. */
export function calledRecipes(recipe: Recipe): string[] {
  const ids = new Set<string>();
  for (const step of allSteps(recipe.steps)) if (step.kind === 'call') ids.add(step.recipe);
  return [...ids];
}

/** An exercise's model answer the pack holds because the person chose that recipe too. */
export interface IncludedAnswer {
  recipe: string;
  exercise: string;
}

export interface GatheredPack {
  pack: Pack;
  added: AddedRecipe[];
  missing: string[];
  /** Model answers of the chosen exercises that the pack holds: only ever recipes chosen explicitly. */
  answers: IncludedAnswer[];
  /** Model answers left out though another recipe, an agent or a starter would have brought them in. */
  withheld: AddedRecipe[];
}

/**
 * The pack for a choice. A chosen exercise brings its starter and the recipes its model answer calls, never
 * the model answer (the recipe with the exercise's `recipe` id) unless that recipe is chosen itself.
 */
export async function gatherPack(db: SousDb, choice: PackChoice): Promise<GatheredPack> {
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
  const exercises: Exercise[] = [];
  const answerOf = new Map<string, string>();
  for (const id of choice.exercises ?? []) {
    const row = await db.exercises.get(id);
    if (!row) continue;
    exercises.push(row.exercise);
    answerOf.set(row.exercise.recipe, row.exercise.id);
    const by = { exercise: row.exercise.id };
    if (row.exercise.starter) queue.push({ id: row.exercise.starter, by });
    const model = await getRecipe(db, row.exercise.recipe);
    if (model) queue.push(...calledRecipes(model.recipe).map((called) => ({ id: called, by })));
  }
  const chosen = new Set(choice.recipes);
  const withheld: AddedRecipe[] = [];
  // Breadth first, so a recipe chosen by the person is never reported as added by another's call.
  for (let i = 0; i < queue.length; i++) {
    const { id, by } = queue[i];
    if (recipes.has(id)) continue;
    if (by && answerOf.has(id) && !chosen.has(id)) {
      if (!withheld.some((w) => w.id === id)) withheld.push({ id, by });
      continue;
    }
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
    sandbox: choice.sandbox?.length ? await readSandbox(db, choice.sandbox) : undefined,
    exercises,
    policy: choice.policy ? await policyInForce(db) : null
  };
  const answers = [...answerOf].filter(([recipe]) => recipes.has(recipe)).map(([recipe, exercise]) => ({ recipe, exercise }));
  return { pack, added, missing, answers, withheld };
}

async function policyInForce(db: SousDb): Promise<Policy | null> {
  return (await readPolicy(db))?.policy ?? null;
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
      chosen_exercises: ids(pack.exercises.map((e) => e.id)),
      sandbox: ids(Object.keys(pack.sandbox ?? {})),
      policy: pack.policy?.name ?? null,
      recipes: pack.recipes.length,
      agents: pack.agents.length,
      tables: pack.tables.length,
      secrets_blanked: blanked
    }
  });
}
