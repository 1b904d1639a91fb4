/**
 * The conversation's front door: `say` takes one message from the person and answers the turns it leads
 * to; `jobChanged` reports a waited-on job that moved on elsewhere. Both return a new state (plain JSON).
 */
import type { Job } from '../../recipe';
import { AMBIGUOUS_MARGIN, classifyReply, detectLang, MATCH_THRESHOLD, scoreSkills, type Reply } from '../understand';
import { answerApproval, approvalChoice, isApprovalWord, latestWaiting, reportMoved } from './approval';
import { advance, answerAsked, ask, cardAgain, drop, pendingView, tryCorrection } from './collect';
import { newRequest, takeOption } from './choose';
import { createCtx, hear, m, speak, type Ctx } from './context';
import type { ConversationPorts, Lang } from './ports';
import { runPending } from './run';
import { reachableSkills, skillViews } from './skills';
import { candidate } from '../choosers/basic';
import type { ConversationState, OfferedChoice } from './state';

export interface SayResult {
  state: ConversationState;
  /** The new turns, the person's first. */
  turns: ConversationState['turns'];
}

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;

export async function say(state: ConversationState, text: string, ports: ConversationPorts): Promise<SayResult> {
  const reply = classifyReply(text);
  const ctx = createCtx(state, ports, languageOf(text, state, reply));
  ctx.state.lang = ctx.lang;
  hear(ctx, text);
  await route(ctx, text.trim(), reply);
  return { state: ctx.state, turns: ctx.out };
}

export async function jobChanged(state: ConversationState, job: Job, ports: ConversationPorts): Promise<SayResult> {
  const ctx = createCtx(state, ports, state.lang);
  await reportMoved(ctx, job);
  return { state: ctx.state, turns: ctx.out };
}

/** The approvals this conversation's jobs wait on, oldest first (for the UI's cards). */
export function pendingApprovals(state: ConversationState): ConversationState['waiting'] {
  return state.waiting;
}

/**
 * The person's language: Korean when the message has Hangul; otherwise a bare reply, a number or an answer
 * to a question keeps the last language ("yes", "12", "Acme Ltd"), and a new request is detected afresh.
 */
export function languageOf(text: string, state: ConversationState, reply: Reply | null): Lang {
  if (HANGUL.test(text)) return 'ko';
  if (!/[a-z]{2,}/i.test(text) || reply || isApprovalWord(text)) return state.lang;
  if (state.pending?.asking) return state.lang;
  // A few Latin words at a card or a question ("US", "the first one") are a value, not a change of language.
  const open = state.pending || state.offered || state.waiting.length > 0;
  const words = text.match(/[a-z]+/gi)?.length ?? 0;
  if (open && words < 3) return state.lang;
  // One Latin word in a conversation under way ("KR", "Globex") is a code or a name, not a new language.
  if (state.turns.length > 0 && words < 2) return state.lang;
  return detectLang(text);
}

async function route(ctx: Ctx, text: string, reply: Reply | null): Promise<void> {
  const state = ctx.state;
  if (!text) {
    if (state.pending?.confirming) return cardAgain(ctx);
    return;
  }
  const waiting = latestWaiting(ctx);
  // An approval word answers the waiting card; a bare yes/no does too when no card of ours is open.
  if (waiting && (isApprovalWord(text) || (!state.pending && !state.offered && reply !== 'cancel'))) {
    const choice = approvalChoice(text, reply, waiting.choices);
    if (choice) {
      await answerApproval(ctx, waiting, choice);
      return askAgainAfter(ctx);
    }
    if (isApprovalWord(text) || reply || /^\d+$/.test(text)) return speak(ctx, waiting.agent, m(ctx).notAChoice(waiting.choices), { job: waiting.job, skill: waiting.skill });
  }
  if (reply === 'cancel') {
    if (state.pending) return drop(ctx, 'cancel');
    const asked = state.offered;
    state.offered = undefined;
    return speak(ctx, asked?.agent ?? state.active, asked ? m(ctx).questionCancelled : m(ctx).nothingToCancel);
  }
  if (state.offered) {
    const offered = state.offered;
    state.offered = undefined;
    const picked = pickOption(ctx, text, offered);
    if (picked) return takeOption(ctx, offered, picked);
  }
  if (state.pending) return continuePending(ctx, text, reply);
  await newRequest(ctx, text);
}

/** After an approval answered mid-collect, the question still open is asked again, so it is not lost. */
function askAgainAfter(ctx: Ctx): void {
  const pending = ctx.state.pending;
  const field = pending?.asking && pendingView(ctx)?.fields.find((f) => f.name === pending.asking);
  if (field) ask(ctx, field);
  else if (pending?.confirming) cardAgain(ctx);
}

async function continuePending(ctx: Ctx, text: string, reply: Reply | null): Promise<void> {
  const pending = ctx.state.pending!;
  if (!pendingView(ctx)) return newRequest(ctx, text);
  if (await tryCorrection(ctx, text)) return;
  if (pending.confirming) {
    if (reply === 'yes') return runPending(ctx, advance);
    if (reply === 'no') return drop(ctx, 'no');
    if (isNewRequest(ctx, text)) return newRequest(ctx, text);
    return cardAgain(ctx);
  }
  if (isNewRequest(ctx, text)) return newRequest(ctx, text);
  await answerAsked(ctx, text);
}

/**
 * How well a message must match another skill to be taken as a new request while a value is asked for: a
 * bare value ("Acme Ltd") can share a word with a skill's examples, a request ("look up a vendor") matches
 * outright.
 */
const NEW_REQUEST_SCORE = 0.9;

/**
 * Whether a message while collecting is a new request rather than an answer: it matches another skill
 * within reach (the agent's own or through its hand-offs) as well as a request does, or it says the
 * pending skill's own name or one of its examples again (which starts it over).
 */
function isNewRequest(ctx: Ctx, text: string): boolean {
  const pending = ctx.state.pending!;
  const view = pendingView(ctx);
  const said = normal(text);
  if (view && [view.recipe.name, ...(view.skill.examples ?? [])].some((e) => normal(e) === said)) return true;
  const root = ctx.ports.agent(ctx.state.agent);
  const active = ctx.ports.agent(ctx.state.active);
  const views = [root, active]
    .filter((a) => a !== undefined)
    .flatMap((a) => [...skillViews(a, ctx.ports), ...Object.values(reachableSkills(a, ctx.ports)).flat()])
    .filter((v) => v.recipe.id !== pending.skill);
  if (views.length === 0) return false;
  const scored = scoreSkills(text, views.map(candidate));
  return (scored[0]?.score ?? 0) >= Math.max(NEW_REQUEST_SCORE, MATCH_THRESHOLD);
}

function normal(text: string): string {
  return text.trim().toLowerCase().replace(/[.!?。]+$/, '').replace(/\s+/g, ' ');
}

/** The option a reply to "Do you mean A or B?" picks: its number, its id, or words of its label. */
function pickOption(ctx: Ctx, text: string, offered: OfferedChoice): string | undefined {
  const t = text.trim().toLowerCase().replace(/[.!?]+$/, '');
  const ordinal = /^(\d+)(번|번째)?$/.exec(t) ?? (/^(first|the first|첫\s*번째|첫번째)/.test(t) ? ['', '1'] : /^(second|the second|두\s*번째)/.test(t) ? ['', '2'] : null);
  if (ordinal) return offered.options[Number(ordinal[1]) - 1]?.id;
  const exact = offered.options.find((o) => o.id === t || o.label.toLowerCase() === t);
  if (exact) return exact.id;
  const containing = offered.options.filter((o) => t.includes(o.label.toLowerCase()) || (t.length >= 3 && o.label.toLowerCase().includes(t)));
  if (containing.length === 1) return containing[0].id;
  return matchOption(ctx, text, offered);
}

/** "등록", "the lookup one": the option whose skill (or agent) the reply matches best, when one clearly does. */
function matchOption(ctx: Ctx, text: string, offered: OfferedChoice): string | undefined {
  const agent = ctx.ports.agent(offered.agent);
  if (!agent) return undefined;
  const views = skillViews(agent, ctx.ports);
  const candidates = offered.options.map((o) => {
    const view = views.find((v) => v.recipe.id === o.id);
    if (view) return candidate(view);
    const other = ctx.ports.agent(o.id);
    return { id: o.id, name: o.label, description: other?.description, fields: [] };
  });
  const [best, next] = scoreSkills(text, candidates);
  if (!best || best.score < MATCH_THRESHOLD) return undefined;
  return next && best.score - next.score < AMBIGUOUS_MARGIN ? undefined : best.id;
}
