/** A replaced recipe's diff as a few short lines for the pack preview: what changed, not how. */
import type { RecipeDiff, StepChange } from '../../diff';
import type { MessageKey, MessageParams } from '$lib/i18n';

export interface DiffLine {
  key: MessageKey;
  params: MessageParams;
}

/** More than this and the rest is counted: a preview lists many recipes, each diff stays compact. */
export const MAX_DIFF_LINES = 8;

const fieldList = (paths: string[]) => paths.map((p) => p || '(whole)').join(', ');

function stepLine(change: StepChange): DiffLine {
  const fields = fieldList(change.changes.map((c) => c.path));
  if (change.kind === 'changed') return { key: change.moved ? 'packs:import.movedChanged' : 'packs:import.changed', params: { id: change.id, fields } };
  return { key: `packs:import.${change.kind}`, params: { id: change.id } };
}

export function diffLines(diff: RecipeDiff, max = MAX_DIFF_LINES): DiffLine[] {
  const lines: DiffLine[] = [];
  if (diff.recipe.length) lines.push({ key: 'packs:import.recipeFields', params: { fields: fieldList(diff.recipe.map((c) => c.path)) } });
  if (diff.trigger.length) lines.push({ key: 'packs:import.triggerFields', params: { fields: fieldList(diff.trigger.map((c) => c.path)) } });
  lines.push(...diff.steps.map(stepLine));
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), { key: 'packs:import.more', params: { count: lines.length - (max - 1) } }];
}
