/**
 * Collect and confirm: ask for each missing required input in trigger order, check answers against the
 * field's type, show the confirmation card before a skill that writes, and run it after a yes.
 */
import type { Field } from '../../recipe';
import { parseCorrection, parseFieldValue } from '../understand';
import { m, speak, type Ctx } from './context';
import type { SkillView } from './ports';
import { runPending } from './run';
import { fieldLabel, findSkill, needsConfirm, skillLabel } from './skills';
import { nextMissing, showValue, triggerValues } from './values';

export function pendingView(ctx: Ctx): SkillView | undefined {
  const pending = ctx.state.pending;
  const agent = pending && ctx.ports.agent(pending.agent);
  return agent && pending ? findSkill(agent, pending.skill, ctx.ports) : undefined;
}

/** Take the next step of the pending skill: ask, show the card, or run. */
export async function advance(ctx: Ctx): Promise<void> {
  const pending = ctx.state.pending;
  const view = pendingView(ctx);
  if (!pending || !view) {
    ctx.state.pending = undefined;
    return;
  }
  const missing = nextMissing(view.fields, pending.values);
  if (missing) return ask(ctx, missing);
  if (needsConfirm(view)) return showCard(ctx, view);
  await runPending(ctx, advance);
}

export function ask(ctx: Ctx, field: Field, reason?: string): void {
  const pending = ctx.state.pending!;
  pending.asking = field.name;
  pending.confirming = false;
  const label = fieldLabel(field);
  const text = reason ? m(ctx).askAgain(reason.replace(/[.\s]+$/, ''), label) : m(ctx).ask(label);
  speak(ctx, pending.agent, text, { skill: pending.skill, asks: field.name });
}

function showCard(ctx: Ctx, view: SkillView, lead = ''): void {
  const pending = ctx.state.pending!;
  pending.asking = undefined;
  pending.confirming = true;
  const values = triggerValues(view.fields, pending.values);
  const shown = Object.entries(values).map(([k, v]) => `${k}: ${showValue(v)}`);
  const text = m(ctx).confirm(skillLabel(view), shown.length ? shown.join(', ') : m(ctx).noValues);
  speak(ctx, pending.agent, `${lead}${text}`, { skill: pending.skill, card: { kind: 'confirm', skill: pending.skill, values } });
}

/** The card is shown again after anything that is neither yes, no nor a correction. */
export function cardAgain(ctx: Ctx): void {
  const view = pendingView(ctx);
  if (view) showCard(ctx, view, `${m(ctx).confirmAgain()} `);
}

/** An answer to the field being asked: kept when it fits the type, else asked again with the reason. */
export async function answerAsked(ctx: Ctx, text: string): Promise<void> {
  const pending = ctx.state.pending!;
  const view = pendingView(ctx);
  const field = view?.fields.find((f) => f.name === pending.asking);
  if (!view || !field) return advance(ctx);
  const parsed = parseFieldValue(field, text, ctx.lang, ctx.now);
  if (!parsed.ok) return ask(ctx, field, parsed.reason);
  pending.values[field.name] = parsed.value;
  await advance(ctx);
}

/**
 * "change the address to …", "아니, 주소는 …": replace that value, then show the card again (or go on
 * collecting). False when the message is not a correction of one of the skill's fields.
 */
export async function tryCorrection(ctx: Ctx, text: string): Promise<boolean> {
  const pending = ctx.state.pending!;
  const view = pendingView(ctx);
  if (!view) return false;
  const correction = parseCorrection(text, view.fields);
  const field = correction && view.fields.find((f) => f.name === correction.field);
  if (!correction || !field) return false;
  const parsed = parseFieldValue(field, correction.raw, ctx.lang, ctx.now);
  if (!parsed.ok) {
    ask(ctx, field, parsed.reason);
    return true;
  }
  pending.values[field.name] = parsed.value;
  const missing = nextMissing(view.fields, pending.values);
  if (missing) ask(ctx, missing);
  else if (needsConfirm(view)) showCard(ctx, view, `${m(ctx).corrected(fieldLabel(field))} `);
  else await runPending(ctx, advance);
  return true;
}

/** "no" at the card, or "cancel" at any point: the pending skill is dropped and said so. */
export function drop(ctx: Ctx, how: 'no' | 'cancel'): void {
  const pending = ctx.state.pending;
  ctx.state.pending = undefined;
  if (!pending) return;
  const view = pendingView({ ...ctx, state: { ...ctx.state, pending } });
  const label = view ? skillLabel(view) : pending.skill;
  speak(ctx, pending.agent, how === 'no' ? m(ctx).dropped(label) : m(ctx).cancelled(label), { skill: pending.skill });
}

