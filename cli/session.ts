/**
 * The engine for `sous chat` and `sous mcp`, all in memory: the sandbox apps seeded once when the session
 * is made (so one job sees what an earlier one wrote), a journal of its own, and the given recipes for
 * `call` steps. Two sessions, even in one folder, share nothing.
 */
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { MemoryChat } from '../src/lib/connectors/chat';
import { memorySandboxStores, noEvents } from '../src/lib/connectors/sandbox';
import { pooledFetch } from './http-pool';
import { createRunner, MemoryJournal, systemClock, type RecipeSource, type RunnerDeps } from '../src/lib/engine';
import type { Job, Recipe, User } from '../src/lib/recipe';

export function cliSession(recipes: readonly Recipe[], user: User, options: Pick<RunnerDeps, 'childAgent'> = {}) {
  const byId = new Map(recipes.map((r) => [r.id, r]));
  const chat = new MemoryChat();
  // Events the sandbox apps raise start nothing here: only the session's own jobs run.
  const connectors = builtinConnectors({ chat, http: { fetch: pooledFetch }, sandbox: { stores: memorySandboxStores(), events: noEvents } });
  const journal = new MemoryJournal();
  const source: RecipeSource = {
    async get(id) {
      const recipe = byId.get(id);
      return recipe ? { recipe, version: null } : undefined;
    }
  };
  const runner = createRunner({ journal, connectors, clock: systemClock, recipes: source, user, ...options });

  /** Every job the session ran, in the order they started (child jobs of `call` steps included). */
  async function jobs(): Promise<Job[]> {
    const all: Job[] = [];
    for (const id of journal.jobIds()) {
      const job = await journal.loadJob(id);
      if (job) all.push(job);
    }
    return all;
  }

  return { chat, connectors, journal, runner, user, recipe: (id: string) => byId.get(id), jobs };
}

export type CliSession = ReturnType<typeof cliSession>;
