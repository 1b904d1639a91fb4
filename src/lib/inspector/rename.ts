/**
 * Renaming a step: its new id, and every `steps.OLD` in the recipe's expressions rewritten to the new
 * id, so a rename never breaks the steps that read it.
 */
import type { Recipe, Step } from '../recipe';
import { childLists } from '../recipe/walk';
import { segment } from './pill-paths';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `steps.old…` and `` steps.`old`… `` inside `{{ }}` become the new id (quoted when it needs it). */
export function renameInText(text: string, from: string, to: string): string {
  if (!text.includes('{{')) return text;
  const ref = new RegExp(`\\bsteps\\.(?:${escape(from)}(?![A-Za-z0-9_-])|\`${escape(from)}\`)`, 'g');
  return text.replace(/\{\{[\s\S]*?\}\}/g, (expr) => expr.replace(ref, `steps.${segment(to)}`));
}

function renameDeep(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return renameInText(value, from, to);
  if (Array.isArray(value)) return value.map((v) => renameDeep(v, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameDeep(v, from, to)]));
  }
  return value;
}

function renameStep(step: Step, from: string, to: string): Step {
  const lists = new Map(childLists(step));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    if (key === 'id') out.id = value === from ? to : value;
    else if (lists.has(key)) out[key] = (value as Step[]).map((s) => renameStep(s, from, to));
    // An expr field (condition, items) may be written without braces.
    else if ((key === 'condition' || key === 'items') && typeof value === 'string' && !value.includes('{{')) {
      out[key] = renameInText(`{{${value}}}`, from, to).slice(2, -2);
    } else out[key] = renameDeep(value, from, to);
  }
  return out as Step;
}

/** The recipe with step `from` called `to`, and every reference to it following. */
export function renameStepId(recipe: Recipe, from: string, to: string): Recipe {
  return { ...recipe, steps: recipe.steps.map((s) => renameStep(s, from, to)) };
}
