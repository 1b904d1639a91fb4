/**
 * What `sous chat` talks with: the agent file, the agents it may hand on to (`--agents`) and the recipes
 * (`--recipes`), both by default the agent file's folder. Anything that would make the conversation
 * meaningless is refused before it starts, one line per problem: a file that is not a valid agent or
 * recipe, a skill whose recipe is not there or not callable, a hand-off to an agent that is not there.
 */
import { dirname } from 'node:path';
import { parseAgentText, type Agent } from '../src/lib/agents/format';
import { formatIssue, type Recipe } from '../src/lib/recipe';
import type { ChatArgs } from './args';
import { readText } from './files';
import { loadAgentFolder, loadRecipeFolder } from './workspace';

export interface ChatWorld {
  agent: Agent;
  agents: Map<string, Agent>;
  recipes: Recipe[];
}

export async function loadChatWorld(args: ChatArgs): Promise<{ ok: true; world: ChatWorld } | { ok: false; lines: string[] }> {
  const text = await readText(args.agent);
  if (!text.ok) return { ok: false, lines: [`${args.agent}: ${text.message}`] };
  const parsed = parseAgentText(text.value);
  if (!parsed.ok) return { ok: false, lines: parsed.issues.map((issue) => `${args.agent}: ${formatIssue(issue)}`) };
  const agent = parsed.agent;
  const here = dirname(args.agent);
  const recipesDir = args.recipes ?? here;
  const agentsDir = args.agents ?? here;
  const [recipes, others] = await Promise.all([loadRecipeFolder(recipesDir), loadAgentFolder(agentsDir)]);
  const lines = [...(recipes.ok ? [] : recipes.lines), ...(others.ok ? [] : others.lines)];
  if (!recipes.ok || !others.ok) return { ok: false, lines };

  // The agent file wins over a copy of it (or an agent of the same id) in --agents.
  const agents = new Map(others.items.map((a) => [a.id, a]));
  const files = new Map(others.files);
  agents.set(agent.id, agent);
  files.set(agent.id, args.agent);
  const problems = checkReachable(agent, agents, new Map(recipes.items.map((r) => [r.id, r])), { files, recipesDir, agentsDir });
  return problems.length ? { ok: false, lines: problems } : { ok: true, world: { agent, agents, recipes: recipes.items } };
}

interface Where {
  files: Map<string, string>;
  recipesDir: string;
  agentsDir: string;
}

/** The agent and every agent it can hand on to, directly or through others: their skills and hand-offs. */
function checkReachable(start: Agent, agents: Map<string, Agent>, recipes: Map<string, Recipe>, where: Where): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const agent = queue.shift()!;
    if (seen.has(agent.id)) continue;
    seen.add(agent.id);
    const file = where.files.get(agent.id) ?? agent.id;
    agent.skills.forEach((skill, i) => {
      const recipe = recipes.get(skill.recipe);
      if (!recipe) lines.push(`${file}: skills[${i}].recipe: no recipe "${skill.recipe}" in ${where.recipesDir} (give the folder with --recipes)`);
      else if (recipe.trigger.kind !== 'callable') {
        lines.push(`${file}: skills[${i}].recipe: the recipe "${skill.recipe}" has a ${recipe.trigger.kind} trigger; a skill needs a callable one`);
      }
    });
    (agent.agents ?? []).forEach((id, i) => {
      const other = agents.get(id);
      if (!other) lines.push(`${file}: agents[${i}]: no agent "${id}" in ${where.agentsDir} (give the folder with --agents)`);
      else queue.push(other);
    });
  }
  return lines;
}
