/**
 * Conversations over the real engine and in-memory sandbox apps, seeded afresh each time, as `sous chat`
 * runs them: for the dialogue corpus, its tests and the bench. Node only (it reads the fixture files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinConnectors } from '../../connectors/builtin';
import { MemoryChat } from '../../connectors/chat';
import { recipeEffect } from '../../connectors/effects';
import { memorySandboxStores, noEvents } from '../../connectors/sandbox';
import { createRunner, MemoryJournal } from '../../engine';
import { parseRecipeText, type Job, type Recipe, type User } from '../../recipe';
import { createBasicChooser } from '../choosers';
import { childAgentHook, createRunnerJobPort } from '../conversation/runner-port';
import type { Chooser, ConversationPorts } from '../conversation/ports';
import { parseAgentText, type Agent } from '../format';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

export interface Workspace {
  agents: Map<string, Agent>;
  recipes: Map<string, Recipe>;
}

/** The fixture agents and recipes (`*.agent.json`, `*.recipe.json`); a bad file fails loudly. */
export function loadFixtures(dir: URL = FIXTURES): Workspace {
  const agents = new Map<string, Agent>();
  const recipes = new Map<string, Recipe>();
  for (const name of readdirSync(dir)) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    if (name.endsWith('.agent.json')) {
      const parsed = parseAgentText(text);
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
      agents.set(parsed.agent.id, parsed.agent);
    } else if (name.endsWith('.recipe.json')) {
      const parsed = parseRecipeText(text);
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
      recipes.set(parsed.recipe.id, parsed.recipe);
    }
  }
  return { agents, recipes };
}

export const TOM: User = { id: 'emp-003', name: 'Tom Becker', email: 'tom@sous-demo.example', roles: [] };

export interface SandboxSession {
  ports: ConversationPorts;
  journal: MemoryJournal;
  /** Every job in the journal (the conversation's and their children), oldest first. */
  jobs(): Promise<Job[]>;
}

/** Ports over a fresh sandbox: a new journal, freshly seeded apps, the runner with the childAgent hook. */
export function sandboxSession(workspace: Workspace, options: { chooser?: Chooser; user?: User; jobLink?: (id: string) => string } = {}): SandboxSession {
  const connectors = builtinConnectors({ chat: new MemoryChat(), sandbox: { stores: memorySandboxStores(), events: noEvents } });
  const journal = new MemoryJournal();
  let n = 0;
  const runner = createRunner({
    journal,
    connectors,
    recipes: { get: async (id) => (workspace.recipes.has(id) ? { recipe: workspace.recipes.get(id)!, version: null } : undefined) },
    childAgent: childAgentHook((id) => workspace.agents.get(id)),
    newId: () => `job-${String(++n).padStart(3, '0')}`
  });
  const recipe = (id: string) => workspace.recipes.get(id);
  const ports: ConversationPorts = {
    agent: (id) => workspace.agents.get(id),
    recipe,
    effect: (id) => {
      const found = recipe(id);
      return found ? recipeEffect(found, { connectors, recipe }) : { effect: 'write', idempotent: false, writes: [`${id}: unknown recipe`] };
    },
    chooser: options.chooser ?? createBasicChooser(),
    jobs: createRunnerJobPort(runner, journal),
    user: options.user ?? TOM,
    ...(options.jobLink ? { jobLink: options.jobLink } : {})
  };
  return {
    ports,
    journal,
    async jobs() {
      const out: Job[] = [];
      for (const id of journal.jobIds()) {
        const job = await journal.loadJob(id);
        if (job) out.push(job);
      }
      return out;
    }
  };
}
