/**
 * The conversation's ports as the studio's worker gives them: agents and recipes from IndexedDB (read
 * once per message, so the conversation's synchronous lookups see one consistent workspace), effects
 * from the workspace's connectors, and jobs on the host's own runner, so they are journaled, locked and
 * resumable like every other job.
 */
import type { Agent } from '../agents/format';
import type { ConversationPorts, JobPort, Chooser } from '../agents/conversation/ports';
import { recipeEffect, type RecipeEffect } from '../connectors/effects';
import type { ConnectorLookup, Clock, Journal } from '../engine/ports';
import type { Runner } from '../engine/runner';
import type { Recipe, User } from '../recipe';
import { getRecipe, listAgents, listRecipes, type SousDb } from '../store';
import type { JobLocks } from './job-locks';

export interface Workspace {
  agents: Map<string, Agent>;
  recipes: Map<string, { recipe: Recipe; version: number }>;
}

/** Every agent and the newest version of every recipe; a damaged recipe is left out (and reported). */
export async function readWorkspace(db: SousDb, report: (problem: string) => void): Promise<Workspace> {
  const agents = new Map((await listAgents(db)).map((a) => [a.id, a]));
  const recipes = new Map<string, { recipe: Recipe; version: number }>();
  for (const row of await listRecipes(db)) {
    try {
      const found = await getRecipe(db, row.id);
      if (found) recipes.set(row.id, found);
    } catch (err) {
      report(`recipe "${row.id}" is left out of the agents' skills: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { agents, recipes };
}

export function effectIn(workspace: Workspace, connectors: ConnectorLookup, recipeId: string): RecipeEffect {
  const found = workspace.recipes.get(recipeId);
  // A recipe that is not there counts as a write, as effects.ts counts an unknown one.
  if (!found) return { effect: 'write', idempotent: false, writes: [`${recipeId}: unknown recipe`] };
  return recipeEffect(found.recipe, { connectors, recipe: (id) => workspace.recipes.get(id)?.recipe });
}

export interface JobPortDeps {
  runner: Runner;
  journal: Journal;
  locks: JobLocks;
  /** Imported connectors are brought up to date before a job starts or goes on. */
  sync: () => Promise<void>;
  newId: () => string;
}

/** Jobs started by a conversation run here and now (the conversation waits for the answer to say it). */
export function hostJobPort(deps: JobPortDeps, workspace: Workspace, onStart?: (jobId: string) => Promise<void>): JobPort {
  return {
    async start(recipe, input, who) {
      await deps.sync();
      const jobId = deps.newId();
      // Noted before it runs: a page closed mid-job leaves a conversation that still learns how it ended.
      await onStart?.(jobId);
      try {
        return await deps.runner.start(recipe, input, {
          jobId,
          version: workspace.recipes.get(recipe.id)?.version ?? null,
          user: who.user,
          agent: who.agent,
          handedBy: who.handedBy ?? null,
          parentJob: who.parentJob ?? null
        });
      } finally {
        // The journal gives the lock back when the job ends or waits; this covers a failure of our own.
        deps.locks.release(jobId);
      }
    },
    async answer(jobId, stepPath, choice, by) {
      await deps.sync();
      return deps.locks.with(jobId, () => deps.runner.answer(jobId, stepPath, { choice, by: by.id }));
    },
    async get(jobId) {
      return (await deps.journal.loadJob(jobId)) ?? undefined;
    }
  };
}

export interface PortsDeps extends JobPortDeps {
  connectors: ConnectorLookup;
  clock: Clock;
}

export function conversationPorts(deps: PortsDeps, workspace: Workspace, user: User, chooser: Chooser, onStart?: (jobId: string) => Promise<void>): ConversationPorts {
  return {
    agent: (id) => workspace.agents.get(id),
    recipe: (id) => workspace.recipes.get(id)?.recipe,
    effect: (id) => effectIn(workspace, deps.connectors, id),
    chooser,
    jobs: hostJobPort(deps, workspace, onStart),
    user,
    now: () => deps.clock.now()
  };
}
