/**
 * What the relay does in the studio, apart from the page: the offered skills (callable recipes the
 * person ticked, each with its effect, from the same tool layer as `sous mcp`), and a call run as an
 * ordinary job through the engine, answered once the job ends or waits for an approval. The studio
 * passes its worker client and its confirm prompt; the relay's test passes the engine host in memory.
 */
import type { ConnectorLookup } from '../../engine/ports';
import type { Job, Recipe } from '../../recipe';
import { getRecipe, listRecipes, readJob } from '../../store';
import type { SousDb } from '../../store/db';
import { mcpSkills } from '../mcp/skills';
import { offeredIds } from './offers';
import type { RelaySkill } from './protocol';
import type { ConfirmQuestion, RelayPorts } from './relay-client';
import { relayWords, type RelayLang } from './messages';

export interface StudioPortDeps {
  db: SousDb;
  /** The connectors' declared effects (the studio's catalogue; the engine's connectors in a test). */
  connectors: ConnectorLookup;
  /** Start a job of the recipe's newest version; answers its id (the worker client's `run`). */
  run(recipeId: string, input: Record<string, unknown>): Promise<string>;
  confirm(question: ConfirmQuestion, signal: AbortSignal): Promise<boolean>;
  lang?: RelayLang;
  /** How often a running job is looked at. */
  pollMs?: number;
}

const SETTLED = new Set(['succeeded', 'failed', 'cancelled', 'waiting']);

export function studioPorts(deps: StudioPortDeps): RelayPorts {
  const words = relayWords(deps.lang);
  return {
    skills: () => offeredSkills(deps.db, deps.connectors),
    async run(recipeId, input, signal) {
      // Only what the person offers runs, whatever the server asks.
      if (!(await offeredIds(deps.db)).has(recipeId)) throw new Error(words.notOffered(recipeId));
      const jobId = await deps.run(recipeId, input);
      return waitForJob(deps.db, jobId, signal, deps.pollMs);
    },
    confirm: deps.confirm
  };
}

/** Every offered recipe that is callable, newest version, with its effect (called recipes counted in). */
export async function offeredSkills(db: SousDb, connectors: ConnectorLookup): Promise<RelaySkill[]> {
  const offered = await offeredIds(db);
  const recipes: Recipe[] = [];
  for (const row of await listRecipes(db)) {
    const found = await getRecipe(db, row.id);
    if (found) recipes.push(found.recipe);
  }
  // All recipes go in (a `call` step's effect needs the one it calls); only offered ones come out.
  return mcpSkills(recipes, connectors)
    .filter((s) => offered.has(s.recipe.id))
    .map((s) => ({ recipe: s.recipe as unknown as RelaySkill['recipe'], effect: s.effect }));
}

/** The job once it has ended or waits for a person; rejects when the call is cancelled. */
export async function waitForJob(db: SousDb, jobId: string, signal: AbortSignal, pollMs = 150): Promise<Job> {
  for (;;) {
    if (signal.aborted) throw new Error(`the call was cancelled; job ${jobId} goes on in the studio`);
    const job = await readJob(db, jobId);
    if (job && SETTLED.has(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
