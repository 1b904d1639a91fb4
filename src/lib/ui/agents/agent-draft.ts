/**
 * The Agents page's editing model, free of components (its messages go through the i18n core): an agent as the form holds it (plain strings and lists
 * a person edits), back to the agent file's shape, the id a new or kept-both agent gets, and which recipes
 * may be skills (the callable ones).
 */
import { AGENT_FORMAT, parseAgent, type Agent, type Skill } from '../../agents/format';
import { slugify } from '../../store/recipe-admin';
import type { Recipe } from '../../recipe';
import { t } from '../../i18n';

/** `default`: a card only before a skill that writes; `always`/`never`: the skill's `confirm` override. */
export type ConfirmChoice = 'default' | 'always' | 'never';

export interface SkillDraft {
  recipe: string;
  examples: string[];
  confirm: ConfirmChoice;
}

export interface AgentDraft {
  id: string;
  name: string;
  description: string;
  instructions: string;
  skills: SkillDraft[];
  agents: string[];
}

export function emptyDraft(): AgentDraft {
  return { id: '', name: '', description: '', instructions: '', skills: [], agents: [] };
}

export function draftOf(agent: Agent): AgentDraft {
  return {
    id: agent.id,
    name: agent.name,
    description: agent.description ?? '',
    instructions: agent.instructions ?? '',
    skills: agent.skills.map((s) => ({
      recipe: s.recipe,
      examples: [...(s.examples ?? [])],
      confirm: s.confirm === undefined ? 'default' : s.confirm ? 'always' : 'never'
    })),
    agents: [...(agent.agents ?? [])]
  };
}

/** The agent file's object for a draft: blank texts and examples are left out, never saved as "". */
export function agentData(draft: AgentDraft): Record<string, unknown> {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  const skills: Skill[] = draft.skills.map((s) => {
    const examples = s.examples.map((x) => x.trim()).filter(Boolean);
    return {
      recipe: s.recipe,
      ...(examples.length > 0 ? { examples } : {}),
      ...(s.confirm === 'default' ? {} : { confirm: s.confirm === 'always' })
    };
  });
  const data: Record<string, unknown> = {
    format: AGENT_FORMAT,
    id: draft.id.trim(),
    name: draft.name.trim(),
    description: text(draft.description),
    instructions: text(draft.instructions),
    skills,
    ...(draft.agents.length > 0 ? { agents: [...draft.agents] } : {})
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** The problems of a draft as a person reads them (the format's own checks), none when it can be saved. */
export function draftProblems(draft: AgentDraft): string[] {
  if (!draft.name.trim()) return [t('agents:editor.needsName')];
  const parsed = parseAgent(agentData(draft));
  return parsed.ok ? [] : parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}

const MAX_SLUG = 64;

/** `base` when no agent has it, else `base-2`, `base-3`… (cut so the id stays a slug). */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(id)) return id;
  }
}

/** The id a new agent named `name` gets: its slug (`agent` when the name has no letter), made unique. */
export function idForName(name: string, taken: Iterable<string>): string {
  const slug = slugify(name);
  return uniqueId(slug === 'recipe' ? 'agent' : slug, taken);
}

/** "Keep both" on import: the file's agent under a free id, its name marked as the second one. */
export function keptBoth(agent: Agent, taken: Iterable<string>): Agent {
  const id = uniqueId(agent.id, taken);
  return { ...agent, id, name: `${agent.name} (${id})` };
}

/** The recipes an agent may use as skills: those with a callable trigger, by name. */
export function callableRecipes(recipes: readonly Recipe[]): Recipe[] {
  return recipes.filter((r) => r.trigger.kind === 'callable').sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** A skill's recipe that is missing or not callable any more: shown so the person can drop it. */
export function skillProblem(skill: { recipe: string }, recipes: ReadonlyMap<string, Recipe>): string | undefined {
  const recipe = recipes.get(skill.recipe);
  if (!recipe) return t('agents:editor.noRecipe', { id: skill.recipe });
  if (recipe.trigger.kind !== 'callable') return t('agents:editor.notCallable', { name: recipe.name, kind: recipe.trigger.kind });
  return undefined;
}
