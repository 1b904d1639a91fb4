/** Running the pending skill as a job, as the person talking; a refused input is asked for again. */
import { RunRefused } from '../../engine/errors';
import { agentName, m, speak, type Ctx } from './context';
import { report } from './report';
import { findSkill } from './skills';
import type { PendingSkill } from './state';
import { given, triggerValues } from './values';

export async function runPending(ctx: Ctx, advance: (ctx: Ctx) => Promise<void>): Promise<void> {
  const pending = ctx.state.pending;
  if (!pending) return;
  ctx.state.pending = undefined;
  const agent = ctx.ports.agent(pending.agent);
  const view = agent && findSkill(agent, pending.skill, ctx.ports);
  if (!view) return speak(ctx, pending.agent, m(ctx).refused(`${pending.skill} is not a skill of ${agentName(ctx, pending.agent)}`));
  const input = triggerValues(view.fields, pending.values);
  let job;
  try {
    job = await ctx.ports.jobs.start(view.recipe, input, {
      agent: pending.agent,
      ...(pending.handedBy ? { handedBy: pending.handedBy } : {}),
      user: ctx.ports.user
    });
  } catch (err) {
    if (!isRefused(err)) throw err;
    return refused(ctx, pending, err, view.fields.map((f) => f.name), advance);
  }
  ctx.state.jobs.push(job.id);
  await report(ctx, job, pending.skill, pending.agent);
}

/** RunRefused by class here, by name across a worker boundary. */
function isRefused(err: unknown): err is RunRefused {
  return err instanceof RunRefused || (err instanceof Error && err.name === 'RunRefused');
}

async function refused(ctx: Ctx, pending: PendingSkill, err: RunRefused, names: string[], advance: (ctx: Ctx) => Promise<void>): Promise<void> {
  speak(ctx, pending.agent, m(ctx).refused(err.message.replace(/[.\s]+$/, '')), { skill: pending.skill });
  // "name: required (text)", "count: expected number": the field to ask again.
  const problems = Array.isArray(err.problems) ? err.problems : [];
  const field = problems.map((p) => p.split(':')[0].trim()).find((n) => names.includes(n));
  // Only a value that was sent can be asked for again; anything else would refuse the same way twice.
  if (!field || !given(pending.values, field)) return;
  const values = { ...pending.values };
  delete values[field];
  ctx.state.pending = { ...pending, values, confirming: false, asking: undefined };
  await advance(ctx);
}
