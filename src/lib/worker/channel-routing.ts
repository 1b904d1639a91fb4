/**
 * Which agent of a channel a message is for: the one it names ("@ERP Genie …", "ERP Genie, …"), else the
 * one still busy with the person (collecting, confirming, asking which), else the one whose skills match
 * best by the understand module's own skill scores (the basic chooser's matcher, not a second one).
 */
import type { Agent } from '../agents/format';
import type { ConversationState } from '../agents/conversation/state';
import type { SkillView } from '../agents/conversation/ports';
import { MATCH_THRESHOLD, scoreSkills, type SkillCandidate } from '../agents/understand';

export interface Route {
  agent: string;
  /** The message without the name it was addressed with. */
  text: string;
  /** The message named its agent. */
  addressed: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "@Name rest", "Name: rest", "Name, rest" or "Name rest" at the start, by name or id, any case. */
export function addressedAgent(text: string, members: Agent[]): { agent: Agent; rest: string } | undefined {
  const trimmed = text.trim();
  // Longest names first, so "Stock Genie Pro" wins over "Stock Genie".
  const names = members.flatMap((agent) => [agent.name, agent.id].map((name) => ({ agent, name }))).sort((a, b) => b.name.length - a.name.length);
  for (const { agent, name } of names) {
    const at = new RegExp(`^@${escape(name)}(?=$|[\\s,:;.!?])[\\s,:;.!?]*`, 'iu');
    const plain = new RegExp(`^${escape(name)}(?=$|[\\s,:;!?])[\\s,:;!?]*`, 'iu');
    const m = at.exec(trimmed) ?? plain.exec(trimmed);
    if (m) return { agent, rest: trimmed.slice(m[0].length).trim() };
  }
  return undefined;
}

/** A skill as the understand module scores it. */
export function candidateOf(view: SkillView, agentId: string): SkillCandidate {
  return {
    id: `${agentId}\u0000${view.skill.recipe}`,
    name: view.recipe.name,
    description: view.recipe.description,
    fields: view.fields,
    examples: view.skill.examples
  };
}

export function routeMessage(text: string, members: Agent[], state: ConversationState, skillsOf: (agent: Agent) => SkillView[]): Route {
  if (members.length === 0) throw new Error('the channel has no agents');
  const named = addressedAgent(text, members);
  if (named) return { agent: named.agent.id, text: named.rest || text, addressed: true };
  const busy = state.pending || state.offered;
  const current = members.find((m) => m.id === state.active) ?? members.find((m) => m.id === state.agent);
  if (busy && current) return { agent: current.id, text, addressed: false };
  const candidates = members.flatMap((agent) => skillsOf(agent).map((view) => candidateOf(view, agent.id)));
  const best = scoreSkills(text, candidates).sort((a, b) => b.score - a.score)[0];
  if (best && best.score >= MATCH_THRESHOLD) return { agent: best.id.split('\u0000')[0], text, addressed: false };
  return { agent: (current ?? members[0]).id, text, addressed: false };
}
