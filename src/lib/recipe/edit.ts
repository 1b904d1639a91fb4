/**
 * Editing a recipe's step tree: pure, immutable operations. Each answers a new Recipe and leaves the one
 * it was given untouched, so the editor's undo history can keep every version it has seen.
 *
 * A place in the tree is a `StepLocation`: the container step's id (null for the top level), which of
 * its lists, and an index into that list.
 */
import type { Recipe, Step } from './schema';
import { allSteps } from './walk';

export type BranchKey = 'steps' | 'then' | 'else' | 'catch';

export type StepLocation = { parent: string | null; branch: BranchKey; index: number };

/** The lists a container step holds, by key; `else` counts for every `if`, even one without it yet. */
export function branchesOf(step: Step): BranchKey[] {
  switch (step.kind) {
    case 'if':
      return ['then', 'else'];
    case 'foreach':
      return ['steps'];
    case 'try':
      return ['steps', 'catch'];
    case 'action':
    case 'set':
    case 'approval':
    case 'call':
    case 'stop':
      return [];
    default: {
      const never: never = step;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}

/** The list held at `branch` of a step (an `if` without `else` answers an empty list). */
export function listOf(step: Step, branch: BranchKey): Step[] | undefined {
  if (!branchesOf(step).includes(branch)) return undefined;
  return ((step as unknown as Record<string, Step[] | undefined>)[branch]) ?? [];
}

/** Find a step anywhere in the tree, with where it is. */
export function findStep(recipe: Recipe, id: string): { step: Step; location: StepLocation } | undefined {
  const visit = (list: Step[], parent: string | null, branch: BranchKey): { step: Step; location: StepLocation } | undefined => {
    for (let index = 0; index < list.length; index++) {
      const step = list[index];
      if (step.id === id) return { step, location: { parent, branch, index } };
      for (const key of branchesOf(step)) {
        const found = visit(listOf(step, key) ?? [], step.id, key);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(recipe.steps, null, 'steps');
}

/** Replace the list at (parent, branch) with `change(list)`; the rest of the tree is shared, not copied. */
function changeList(recipe: Recipe, parent: string | null, branch: BranchKey, change: (list: Step[]) => Step[]): Recipe {
  if (parent === null) {
    if (branch !== 'steps') throw new Error(`the top level has only "steps", not "${branch}"`);
    return { ...recipe, steps: change(recipe.steps) };
  }
  if (!findStep(recipe, parent)) throw new Error(`there is no step "${parent}"`);
  return mapStep(recipe, parent, (step) => {
    const list = listOf(step, branch);
    if (!list) throw new Error(`a "${step.kind}" step has no "${branch}" list`);
    return { ...step, [branch]: change(list) } as Step;
  });
}

/** The recipe with the step `id` replaced by `change(step)` (the same recipe object when there is none). */
function mapStep(recipe: Recipe, id: string, change: (step: Step) => Step): Recipe {
  let done = false;
  const mapList = (list: Step[]): Step[] => {
    let changed = false;
    const next = list.map((step) => {
      if (done) return step;
      if (step.id === id) {
        done = changed = true;
        return change(step);
      }
      let copy: Step | undefined;
      for (const key of branchesOf(step)) {
        const children = (step as unknown as Record<string, Step[] | undefined>)[key];
        if (!children) continue;
        const mapped = mapList(children);
        if (mapped !== children) copy = { ...(copy ?? step), [key]: mapped } as Step;
      }
      if (copy) {
        changed = true;
        return copy;
      }
      return step;
    });
    return changed ? next : list;
  };
  const steps = mapList(recipe.steps);
  return steps === recipe.steps ? recipe : { ...recipe, steps };
}

/** Insert `step` at `location`; an index past the end appends. */
export function insertStep(recipe: Recipe, location: StepLocation, step: Step): Recipe {
  return changeList(recipe, location.parent, location.branch, (list) => {
    const at = Math.max(0, Math.min(location.index, list.length));
    return [...list.slice(0, at), step, ...list.slice(at)];
  });
}

/** Remove a step (and everything inside it). */
export function removeStep(recipe: Recipe, id: string): Recipe {
  const found = findStep(recipe, id);
  if (!found) return recipe;
  const { parent, branch, index } = found.location;
  return changeList(recipe, parent, branch, (list) => list.filter((_, i) => i !== index));
}

/**
 * Move a step to `to`. The index of `to` is read in the tree as it is before the move (as the `+` between
 * two steps names it); moving a container into itself is refused.
 */
export function moveStep(recipe: Recipe, id: string, to: StepLocation): Recipe {
  const found = findStep(recipe, id);
  if (!found) return recipe;
  if (to.parent !== null && (to.parent === id || contains(found.step, to.parent))) {
    throw new Error(`"${id}" cannot move inside itself`);
  }
  const from = found.location;
  let index = to.index;
  if (from.parent === to.parent && from.branch === to.branch && from.index < to.index) index -= 1;
  return insertStep(removeStep(recipe, id), { ...to, index }, found.step);
}

function contains(step: Step, id: string): boolean {
  for (const inner of allSteps([step])) if (inner !== step && inner.id === id) return true;
  return false;
}

/** Move a step one place up (-1) or down (+1) within its own list; at the end of the list, no change. */
export function moveStepBy(recipe: Recipe, id: string, delta: -1 | 1): Recipe {
  const found = findStep(recipe, id);
  if (!found) return recipe;
  const { parent, branch, index } = found.location;
  const target = index + delta;
  return changeList(recipe, parent, branch, (list) => {
    if (target < 0 || target >= list.length) return list;
    const next = [...list];
    [next[index], next[target]] = [next[target], next[index]];
    return next;
  });
}

export const moveStepUp = (recipe: Recipe, id: string) => moveStepBy(recipe, id, -1);
export const moveStepDown = (recipe: Recipe, id: string) => moveStepBy(recipe, id, 1);

/** Change one step; `change` answers the new step (it may change the id; uniqueness is the caller's). */
export function updateStep(recipe: Recipe, id: string, change: (step: Step) => Step): Recipe {
  return mapStep(recipe, id, change);
}

/** Every step id in the recipe. */
export function stepIds(recipe: Recipe): Set<string> {
  const ids = new Set<string>();
  for (const step of allSteps(recipe.steps)) ids.add(step.id);
  return ids;
}

/** A slug from `base` that no step of the recipe uses yet: `base`, `base-2`, `base-3`… */
export function uniqueStepId(recipe: Recipe, base: string, taken: Set<string> = stepIds(recipe)): string {
  const slug = toSlug(base);
  if (!taken.has(slug)) return slug;
  const stem = slug.replace(/-\d+$/, '').slice(0, 58) || 'step';
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function toSlug(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 64);
  return slug || 'step';
}

/** Put a copy of the step right after it; the copy and every step inside it get fresh unique ids. */
export function duplicateStep(recipe: Recipe, id: string): { recipe: Recipe; id: string } | undefined {
  const found = findStep(recipe, id);
  if (!found) return undefined;
  const taken = stepIds(recipe);
  const copy = renameAll(structuredClone(found.step), taken);
  const next = insertStep(recipe, { ...found.location, index: found.location.index + 1 }, copy);
  return { recipe: next, id: copy.id };
}

function renameAll(step: Step, taken: Set<string>): Step {
  const id = uniqueStepId({ steps: [] } as unknown as Recipe, step.id, taken);
  taken.add(id);
  const renamed = { ...step, id } as Step;
  for (const key of branchesOf(step)) {
    const children = (step as unknown as Record<string, Step[] | undefined>)[key];
    if (children) (renamed as unknown as Record<string, Step[]>)[key] = children.map((c) => renameAll(c, taken));
  }
  return renamed;
}

export { newStep, type NewStepOptions } from './step-templates';
