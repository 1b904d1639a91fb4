/**
 * A new request: the agent's chooser decides between a skill of its own, handing on to one of its agents,
 * a question back ("Do you mean A or B?") or "I can't do that" with what it can do.
 */
import { extractValues } from '../understand';
import type { Agent } from '../format';
import type { Turn } from '../turn';
import { advance } from './collect';
import { agentName, m, speak, type Ctx } from './context';
import type { Choice, SkillView } from './ports';
import { handoffAgents, reachableSkills, skillLabel, skillViews } from './skills';
import type { OfferedChoice } from './state';
import { fitValues } from './values';

/** How many hand-offs one request may go through (a loop of agents handing on ends here). */
const MAX_HOPS = 4;

export async function newRequest(ctx: Ctx, text: string, agentId = ctx.state.agent, handedBy?: string, hops = 0): Promise<void> {
  ctx.state.pending = undefined;
  ctx.state.offered = undefined;
  const agent = ctx.ports.agent(agentId);
  if (!agent) return speak(ctx, agentId, m(ctx).cannotAtAll);
  ctx.state.active = agent.id;
  const skills = skillViews(agent, ctx.ports);
  const handoffs = hops < MAX_HOPS ? handoffAgents(agent, ctx.ports) : [];
  const choice = await ctx.ports.chooser.choose({
    text,
    lang: ctx.lang,
    agent,
    skills,
    handoffs,
    handoffSkills: reachableSkills(agent, ctx.ports),
    history: before(ctx.state.turns)
  });
  if (choice.fellBack) speak(ctx, agent.id, m(ctx).modelFallback);
  await follow(ctx, choice, { text, agent, skills, handoffs, handedBy, hops });
}

/** The turns before the person's latest message (that message is the request itself). */
function before(turns: Turn[]): Turn[] {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i].role === 'user') return turns.slice(0, i);
  return turns;
}

interface Asked {
  text: string;
  agent: Agent;
  skills: SkillView[];
  handoffs: Agent[];
  handedBy?: string;
  hops: number;
}

async function follow(ctx: Ctx, choice: Choice, asked: Asked): Promise<void> {
  switch (choice.kind) {
    case 'skill': {
      const view = asked.skills.find((s) => s.recipe.id === choice.skill);
      if (!view) return cannot(ctx, asked);
      return startSkill(ctx, asked.agent.id, asked.handedBy, view, asked.text, choice.values);
    }
    case 'handoff': {
      const target = asked.handoffs.find((a) => a.id === choice.agent);
      if (!target) return cannot(ctx, asked);
      speak(ctx, asked.agent.id, m(ctx).handOff(target.name), { hands_to: target.id });
      return newRequest(ctx, asked.text, target.id, asked.agent.id, asked.hops + 1);
    }
    case 'ambiguous':
      return offer(ctx, choice.options, asked);
    case 'none':
      return cannot(ctx, asked);
    default: {
      const never: never = choice;
      throw new Error(`unknown choice ${JSON.stringify(never)}`);
    }
  }
}

/** Start collecting a skill with the values the message (or the model) already holds. */
export async function startSkill(ctx: Ctx, agent: string, handedBy: string | undefined, view: SkillView, text: string, values?: Record<string, unknown>): Promise<void> {
  const extracted = extractValues(text, view.fields, { examples: view.skill.examples, now: ctx.now });
  const fitted = fitValues(view.fields, { ...extracted, ...(values ?? {}) }, ctx.lang, ctx.now);
  ctx.state.pending = { skill: view.recipe.id, agent, ...(handedBy ? { handedBy } : {}), values: fitted };
  await advance(ctx);
}

async function offer(ctx: Ctx, ids: string[], asked: Asked): Promise<void> {
  const options: OfferedChoice['options'] = [];
  for (const id of ids) {
    const view = asked.skills.find((s) => s.recipe.id === id);
    if (view) options.push({ id, label: skillLabel(view), kind: 'skill' });
    else {
      const agent = asked.handoffs.find((a) => a.id === id);
      if (agent) options.push({ id, label: agent.name, kind: 'agent' });
    }
  }
  if (options.length === 0) return cannot(ctx, asked);
  const offered: OfferedChoice = { text: asked.text, agent: asked.agent.id, ...(asked.handedBy ? { handedBy: asked.handedBy } : {}), options };
  // One option is no question.
  if (options.length === 1) return takeOption(ctx, offered, options[0].id);
  ctx.state.offered = offered;
  speak(ctx, asked.agent.id, m(ctx).whichOne(options.map((o) => o.label)), {
    card: { kind: 'choice', options: options.map(({ id, label }) => ({ id, label })) }
  });
}

/** The person picked an option of the "Do you mean …?" card. */
export async function takeOption(ctx: Ctx, offered: OfferedChoice, id: string): Promise<void> {
  const agent = ctx.ports.agent(offered.agent);
  const option = offered.options.find((o) => o.id === id);
  if (!agent || !option) return;
  if (option.kind === 'agent') {
    speak(ctx, agent.id, m(ctx).handOff(agentName(ctx, id)), { hands_to: id });
    return newRequest(ctx, offered.text, id, agent.id, 1);
  }
  const view = skillViews(agent, ctx.ports).find((s) => s.recipe.id === id);
  if (view) await startSkill(ctx, agent.id, offered.handedBy, view, offered.text);
}

/** "I can't do that", with what this agent can do (its skills, then the agents it hands on to). */
function cannot(ctx: Ctx, asked: Asked): void {
  const msg = m(ctx);
  const can = [
    ...asked.skills.map(skillLabel),
    ...asked.handoffs.map((a) => msg.askAgentFor(a.name, a.description?.replace(/[.\s]+$/, '') || a.name))
  ];
  speak(ctx, asked.agent.id, can.length ? msg.cannot(can) : msg.cannotAtAll);
}
