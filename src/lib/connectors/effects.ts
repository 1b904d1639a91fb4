/**
 * What a recipe does to the world: the strongest effect of its actions and of the recipes it calls.
 * Agents confirm before a skill that writes, MCP marks tools read-only or destructive, and job recovery
 * uses `idempotent`. An action that declares nothing, or a recipe that cannot be found, counts as a write:
 * guessing "read" wrongly would run a change with no confirmation.
 */
import type { ConnectorLookup } from '../engine/ports';
import { childLists, type Recipe, type Step } from '../recipe';
import type { ActionEffect } from './sdk';

export interface RecipeEffect {
  effect: ActionEffect;
  /** Every write in it (and in the recipes it calls) may be repeated harmlessly. */
  idempotent: boolean;
  /** The actions that write, as `connector.action` (a called recipe's as `recipe-id: connector.action`). */
  writes: string[];
}

export interface EffectSources {
  connectors: ConnectorLookup;
  /** The recipe a `call` step names, or undefined when there is none. */
  recipe(id: string): Recipe | undefined;
}

/** The effect of one action step's action, given its (unresolved) input. */
export function actionEffect(connectors: ConnectorLookup, connector: string, action: string, input: Record<string, unknown> = {}): ActionEffect {
  const runtime = connectors.action(connector, action);
  if (!runtime) return 'write';
  if (runtime.effectOf) return runtime.effectOf(input);
  return runtime.effect ?? 'write';
}

/** Whether repeating one action step is harmless, given its (unresolved) input; unknown actions are not. */
export function actionIdempotent(connectors: ConnectorLookup, connector: string, action: string, input: Record<string, unknown> = {}): boolean {
  const runtime = connectors.action(connector, action);
  if (!runtime) return false;
  if (runtime.idempotentOf) return runtime.idempotentOf(input);
  return runtime.idempotent === true;
}

export function recipeEffect(recipe: Recipe, sources: EffectSources): RecipeEffect {
  return effectOf(recipe, sources, new Set());
}

function effectOf(recipe: Recipe, sources: EffectSources, seen: Set<string>): RecipeEffect {
  seen.add(recipe.id);
  const writes: string[] = [];
  let idempotent = true;
  for (const step of enabledSteps(recipe.steps)) {
    if (step.kind === 'action') {
      if (actionEffect(sources.connectors, step.connector, step.action, step.input) === 'write') {
        writes.push(`${step.connector}.${step.action}`);
        if (!actionIdempotent(sources.connectors, step.connector, step.action, step.input)) idempotent = false;
      }
    } else if (step.kind === 'call') {
      if (seen.has(step.recipe)) continue;
      const called = sources.recipe(step.recipe);
      if (!called) {
        writes.push(`${step.recipe}: unknown recipe`);
        idempotent = false;
        continue;
      }
      const inner = effectOf(called, sources, seen);
      writes.push(...inner.writes.map((w) => (w.includes(': ') ? w : `${step.recipe}: ${w}`)));
      if (!inner.idempotent) idempotent = false;
    }
  }
  return { effect: writes.length > 0 ? 'write' : 'read', idempotent: writes.length === 0 || idempotent, writes: [...new Set(writes)] };
}

/** Every step that can run, depth first: a disabled step is skipped with everything inside it. */
function* enabledSteps(steps: Step[]): Generator<Step> {
  for (const step of steps) {
    if (step.disabled) continue;
    yield step;
    for (const [, child] of childLists(step)) yield* enabledSteps(child);
  }
}
