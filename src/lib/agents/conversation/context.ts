/** One message's work: the state being moved on, the person's language, and the turns said so far. */
import type { AgentTurn, Turn } from '../turn';
import { messages, type Messages } from './messages';
import type { ConversationPorts, Lang } from './ports';
import type { ConversationState } from './state';

export interface Ctx {
  ports: ConversationPorts;
  state: ConversationState;
  lang: Lang;
  /** The turns this message led to, the person's first. */
  out: Turn[];
  now: Date;
}

export function createCtx(state: ConversationState, ports: ConversationPorts, lang: Lang): Ctx {
  // A copy, so the caller's state is never changed in place (the studio keeps the old one until saved).
  const copy: ConversationState = structuredClone(state);
  return { ports, state: copy, lang, out: [], now: ports.now?.() ?? new Date() };
}

export function m(ctx: Ctx): Messages {
  return messages(ctx.lang);
}

/** Stamp turns with their time only where the caller keeps a clock (the studio); the CLI leaves it out. */
function stamp(ctx: Ctx): { at?: string } {
  return ctx.ports.now ? { at: ctx.now.toISOString() } : {};
}

export function hear(ctx: Ctx, text: string): void {
  push(ctx, { role: 'user', text, ...stamp(ctx) });
}

export function speak(ctx: Ctx, agent: string, text: string, extra: Omit<Partial<AgentTurn>, 'role' | 'agent' | 'text'> = {}): void {
  push(ctx, { role: 'agent', agent, text, ...extra, ...stamp(ctx) });
}

function push(ctx: Ctx, turn: Turn): void {
  ctx.state.turns.push(turn);
  ctx.out.push(turn);
}

/** The display name of an agent, or its id. */
export function agentName(ctx: Ctx, id: string): string {
  return ctx.ports.agent(id)?.name ?? id;
}
