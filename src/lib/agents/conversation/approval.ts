/**
 * Approvals inside a skill's job: the person answers the card in the chat ("approve", "reject", one of the
 * step's choices, 승인/거절/반려), or in the Inbox, after which `jobChanged` reports the outcome.
 */
import type { Job } from '../../recipe';
import type { Reply } from '../understand';
import { m, type Ctx } from './context';
import { report } from './report';
import type { WaitingApproval } from './state';

const APPROVE = /^(approve[ds]?|accept(ed)?|승인(해|해요|합니다|해\s*줘|해\s*주세요)?|허가|수락)$/i;
const REJECT = /^(reject(ed)?|decline[d]?|deny|denied|거절(해|해요|합니다|해\s*줘|해\s*주세요)?|반려(해|해요|합니다|해\s*줘|해\s*주세요)?|거부)$/i;
const APPROVE_CHOICE = /approv|accept|^yes$|^ok$|승인|수락/i;
const REJECT_CHOICE = /reject|declin|deny|^no$|거절|반려|거부/i;

function normal(text: string): string {
  return text.trim().replace(/[.!?。~]+$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** Whether the words are an approval word in themselves (not a bare yes/no). */
export function isApprovalWord(text: string): boolean {
  const t = normal(text);
  return APPROVE.test(t) || REJECT.test(t);
}

/**
 * The step's choice the text means: the choice itself, its number, or an approve/reject word (a bare
 * yes/no too, when `reply` says so) matched to the choice that reads that way.
 */
export function approvalChoice(text: string, reply: Reply | null, choices: string[]): string | undefined {
  const t = normal(text);
  const exact = choices.find((c) => c.toLowerCase() === t);
  if (exact) return exact;
  if (/^\d+$/.test(t)) return choices[Number(t) - 1];
  if (APPROVE.test(t) || reply === 'yes') return choices.find((c) => APPROVE_CHOICE.test(c));
  if (REJECT.test(t) || reply === 'no') return choices.find((c) => REJECT_CHOICE.test(c));
  return undefined;
}

/** Answer the waiting approval as the person talking and report what the job did next. */
export async function answerApproval(ctx: Ctx, waiting: WaitingApproval, choice: string): Promise<void> {
  ctx.state.waiting = ctx.state.waiting.filter((w) => w !== waiting && !(w.job === waiting.job && w.step === waiting.step));
  let moved: Job | undefined;
  try {
    moved = await ctx.ports.jobs.answer(waiting.stepJob, waiting.step, choice, ctx.ports.user);
  } catch {
    // Answered elsewhere meanwhile (the Inbox): say how the job stands now.
    moved = undefined;
  }
  const job = moved && moved.id === waiting.job ? moved : await ctx.ports.jobs.get(waiting.job);
  if (!job) return;
  await report(ctx, job, waiting.skill, waiting.agent, moved ? `${m(ctx).answered(choice)} ` : '');
}

/** The approval that a reply answers: the newest one waiting. */
export function latestWaiting(ctx: Ctx): WaitingApproval | undefined {
  return ctx.state.waiting[ctx.state.waiting.length - 1];
}

/**
 * A job the conversation waits on moved on elsewhere (an approval answered in the Inbox): say how it
 * stands, once, when the step it waited on is no longer waiting.
 */
export async function reportMoved(ctx: Ctx, job: Job): Promise<void> {
  const mine = ctx.state.waiting.filter((w) => w.job === job.id || w.stepJob === job.id);
  for (const waiting of mine) {
    const stepJob = waiting.stepJob === job.id ? job : await ctx.ports.jobs.get(waiting.stepJob);
    const record = stepJob?.steps.find((s) => s.path === waiting.step);
    if (record?.status === 'waiting' && stepJob?.status !== 'cancelled') continue;
    const root = waiting.job === job.id ? job : await ctx.ports.jobs.get(waiting.job);
    // Still going on after the answer: told when it ends or waits again (the next change of the job).
    if (root && (root.status === 'running' || root.status === 'queued')) continue;
    ctx.state.waiting = ctx.state.waiting.filter((w) => w !== waiting);
    if (!root) continue;
    const output = record?.output as { choice?: unknown } | undefined;
    const prefix = typeof output?.choice === 'string' ? `${m(ctx).answered(output.choice)} ` : '';
    await report(ctx, root, waiting.skill, waiting.agent, prefix);
  }
}
