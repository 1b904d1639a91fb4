/**
 * Basic mode (no model): match the message against the agent's skills (names, descriptions, input field
 * names, examples; English and Korean, see ../understand); when none fits, against each hand-off agent
 * by its skills, name and description. Two close best matches are a question back.
 */
import { AMBIGUOUS_MARGIN, MATCH_THRESHOLD, scoreSkills, type SkillCandidate } from '../understand';
import type { Agent } from '../format';
import type { ChooseRequest, Choice, Chooser, SkillView } from '../conversation/ports';

export function createBasicChooser(): Chooser {
  return { mode: 'basic', choose: async (request) => chooseBasic(request) };
}

export function chooseBasic(request: ChooseRequest): Choice {
  const ownScores = scoreSkills(request.text, request.skills.map(candidate));
  const agentScores = scoreAgents(request.text, request.handoffs, request.handoffSkills ?? {});
  const own = pick(ownScores);
  // The agent's own skills come first, unless another agent fits clearly better.
  const ownBest = ownScores[0]?.score ?? 0;
  const handOn = (agentScores[0]?.score ?? 0) > ownBest + AMBIGUOUS_MARGIN;
  if (own.length === 1 && !handOn) return { kind: 'skill', skill: own[0] };
  if (own.length > 1 && !handOn) return { kind: 'ambiguous', options: own };
  const agents = pick(agentScores);
  if (agents.length === 1) return { kind: 'handoff', agent: agents[0] };
  if (agents.length > 1) return { kind: 'ambiguous', options: agents };
  return { kind: 'none' };
}

export function candidate(view: SkillView): SkillCandidate {
  return { id: view.recipe.id, name: view.recipe.name, description: view.recipe.description, fields: view.fields, examples: view.skill.examples };
}

/** The ids at the top: the best when it passes the threshold, with any others within the margin of it. */
function pick(scored: { id: string; score: number }[]): string[] {
  const best = scored[0];
  if (!best || best.score < MATCH_THRESHOLD) return [];
  return scored.filter((s) => s.score >= MATCH_THRESHOLD && best.score - s.score < AMBIGUOUS_MARGIN).map((s) => s.id);
}

/** A skill an agent reaches only through another agent counts for less than one of its own. */
const INDIRECT = 0.85;

/**
 * An agent scores as its best skill (its own, or, for less, one it reaches by handing on again), or as
 * itself (its name and description) when that is higher.
 */
function scoreAgents(text: string, agents: Agent[], skills: Record<string, SkillView[]>): { id: string; score: number }[] {
  const scored = agents.map((agent) => {
    const own = new Set(agent.skills.map((s) => s.recipe));
    const self: SkillCandidate = { id: `agent:${agent.id}`, name: agent.name, description: agent.description, fields: [] };
    const all = scoreSkills(text, [self, ...(skills[agent.id] ?? []).map(candidate)]);
    const score = Math.max(0, ...all.map((s) => (s.id === self.id || own.has(s.id) ? s.score : s.score * INDIRECT)));
    return { id: agent.id, score };
  });
  return scored.sort((a, b) => b.score - a.score);
}
