/** The skills an agent can use here: entries whose recipe is present and callable, with fields and effect. */
import type { Field } from '../../recipe';
import type { Agent } from '../format';
import { inputFields } from '../skill-schema';
import type { ConversationPorts, SkillView } from './ports';

export function skillViews(agent: Agent, ports: Pick<ConversationPorts, 'recipe' | 'effect'>): SkillView[] {
  const views: SkillView[] = [];
  for (const skill of agent.skills) {
    const recipe = ports.recipe(skill.recipe);
    if (!recipe || recipe.trigger.kind !== 'callable') continue;
    views.push({ skill, recipe, fields: inputFields(recipe), effect: ports.effect(recipe.id) });
  }
  return views;
}

export function findSkill(agent: Agent, skillId: string, ports: Pick<ConversationPorts, 'recipe' | 'effect'>): SkillView | undefined {
  return skillViews(agent, ports).find((v) => v.recipe.id === skillId);
}

/** The agents `agent` may hand on to that are here. */
export function handoffAgents(agent: Agent, ports: Pick<ConversationPorts, 'agent'>): Agent[] {
  return (agent.agents ?? []).map((id) => ports.agent(id)).filter((a): a is Agent => a !== undefined && a.id !== agent.id);
}

/**
 * For each agent `agent` may hand on to, the skills reachable through it (its own, and those of agents it
 * hands on to in turn), so a front desk can route to another front desk.
 */
export function reachableSkills(agent: Agent, ports: Pick<ConversationPorts, 'agent' | 'recipe' | 'effect'>): Record<string, SkillView[]> {
  const out: Record<string, SkillView[]> = {};
  for (const first of handoffAgents(agent, ports)) {
    const seen = new Set([agent.id]);
    const queue = [first];
    const views: SkillView[] = [];
    while (queue.length > 0 && seen.size < 20) {
      const next = queue.shift()!;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      views.push(...skillViews(next, ports));
      queue.push(...handoffAgents(next, ports));
    }
    out[first.id] = views;
  }
  return out;
}

/** What a person reads for a skill: the recipe's name. */
export function skillLabel(view: SkillView): string {
  return view.recipe.name || view.recipe.id;
}

/** What a field is called when asked for: its description, else its name. */
export function fieldLabel(field: Field): string {
  return field.description?.trim() || field.name.replace(/[_-]+/g, ' ');
}

/** A confirmation card is shown before a skill that writes, unless the skill says otherwise. */
export function needsConfirm(view: SkillView): boolean {
  return view.skill.confirm ?? view.effect.effect === 'write';
}
