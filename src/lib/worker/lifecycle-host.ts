/**
 * Start and stop in the worker: a recipe starts (its triggers fire, on the version made active) only when
 * nothing stops it from running well. The checks themselves are src/lib/triggers/lifecycle/'s; this
 * gathers what they read: the workspace's connectors (imported ones too), this machine's connection
 * bindings and the other started recipes.
 */
import Dexie from 'dexie';
import { ConnectorCatalog } from '../connectors/catalog';
import type { ConnectorDef } from '../connectors/sdk';
import type { Recipe } from '../recipe';
import { policyLintProblems } from '../lint/policy';
import { getRecipe, markStarted, markStopped, startedRecipes, type SousDb } from '../store';
import { readPolicy } from '../store/governance';
import { startReasons, type StartReason } from '../triggers/lifecycle';

/**
 * `ok: false`: every reason the recipe cannot start, in plain English words, and the same with codes for
 * the studio to say them in the person's language; nothing changed.
 */
export type StartResult = { ok: true; version: number } | { ok: false; reasons: string[]; problems: StartReason[] };

/** The connectors jobs use (`WorkspaceConnectors` is one): the checks lint against the same ones. */
export interface LifecycleConnectors {
  /** Brings imported connectors up to date (another tab may have imported one). */
  sync(): Promise<void>;
  list(): ConnectorDef[];
}

export interface LifecycleHostDeps {
  db: SousDb;
  /** With them, Start lints and checks connections against what jobs would use (see `startProblemsFor`). */
  connectors?: LifecycleConnectors;
  /** Why this version of the recipe cannot start; [] when it can. Default: `startProblemsFor` with `connectors`. */
  startProblems?: (recipeId: string, version: number) => Promise<string[]>;
}

/**
 * Why `recipe` cannot start on this machine: lint with the workspace's catalogue and recipes (as the
 * editor lints), the connections bound here, the webhook paths of the other started recipes, and the
 * policy in force (every job it started would be refused, so Start refuses first, in the same words).
 */
export async function startProblemsFor(db: SousDb, connectors: LifecycleConnectors, recipe: Recipe): Promise<StartReason[]> {
  await connectors.sync();
  const [newest, bindings, started, policy] = await Promise.all([newestRecipes(db), boundConnectors(db, recipe.id), startedRecipes(db, ['webhook']), readPolicy(db)]);
  return startReasons({
    policyProblems: policy ? policyLintProblems(recipe, policy.policy) : [],
    recipe,
    catalog: new ConnectorCatalog(connectors.list()),
    lint: { knownRecipes: [...newest.keys()], recipe: (id) => newest.get(id) },
    bindings,
    startedWebhooks: started.flatMap(({ recipe: other }) =>
      other.trigger.kind === 'webhook' && other.id !== recipe.id ? [{ recipeId: other.id, name: other.name, path: other.trigger.path }] : []
    )
  });
}

/** Every recipe's newest saved version, by id: what a `call` step runs. */
async function newestRecipes(db: SousDb): Promise<Map<string, Recipe>> {
  const rows = await db.recipes.toArray();
  const versions = await db.recipe_versions.bulkGet(rows.map((r) => [r.id, r.version] as [string, number]));
  return new Map(versions.flatMap((v) => (v ? [[v.recipe_id, v.recipe] as const] : [])));
}

/**
 * The recipe's references bound here, each with the bound connection's connector (a deleted one is left
 * out). The editor reads the same (in a live query), so its Problems list and Start agree.
 */
export async function boundConnectors(db: SousDb, recipeId: string): Promise<Map<string, { connector: string }>> {
  const bindings = await db.connection_bindings.where('[recipe_id+ref]').between([recipeId, Dexie.minKey], [recipeId, Dexie.maxKey]).toArray();
  const rows = await db.connections.bulkGet(bindings.map((b) => b.connection_id));
  const out = new Map<string, { connector: string }>();
  bindings.forEach((b, i) => {
    const row = rows[i];
    if (row) out.set(b.ref, { connector: row.connector });
  });
  return out;
}

export function createLifecycleHost(deps: LifecycleHostDeps) {
  const { db } = deps;
  const problemsOf = async (recipe: Recipe, version: number): Promise<StartReason[]> => {
    if (deps.startProblems) return (await deps.startProblems(recipe.id, version)).map((message) => ({ message }));
    return deps.connectors ? startProblemsFor(db, deps.connectors, recipe) : [];
  };
  const refused = (problems: StartReason[]): StartResult => ({ ok: false, reasons: problems.map((p) => p.message), problems });
  return {
    /** Start the recipe on `version` (default: its newest, which is also "Start this version" for a draft). */
    async startRecipe(recipeId: string, version?: number): Promise<StartResult> {
      const found = await getRecipe(db, recipeId, version);
      if (!found) return refused([version === undefined ? { message: `there is no recipe "${recipeId}"`, code: 'start.noRecipe', params: { id: recipeId } } : { message: `recipe "${recipeId}" has no version ${version}`, code: 'start.noVersion', params: { id: recipeId, version } }]);
      const problems = await problemsOf(found.recipe, found.version);
      if (problems.length > 0) return refused(problems);
      await markStarted(db, recipeId, found.version);
      return { ok: true, version: found.version };
    },

    /** Stop the recipe: its triggers no longer fire. Jobs already running go on to their end. */
    async stopRecipe(recipeId: string): Promise<void> {
      await markStopped(db, recipeId);
    }
  };
}

export type LifecycleHost = ReturnType<typeof createLifecycleHost>;
