/**
 * What changed between two versions of a recipe (or an import and what exists): the recipe's own
 * fields, the trigger's, and each step added, removed, moved (to another list, or out of order among
 * the steps both keep) or changed, with the inputs and expressions that changed. Steps are matched by
 * id, which is unique in a recipe and kept when a step is edited or moved.
 */
import { childLists, type Recipe, type Step } from '../recipe';
import { valueChanges, type FieldChange } from './values';

/** Where a step sits: the step whose list holds it (null: the recipe's top list), which list, which place. */
export interface StepPlace {
  parent: string | null;
  branch: string;
  index: number;
}

export type StepChangeKind = 'added' | 'removed' | 'moved' | 'changed';

export interface StepChange {
  id: string;
  kind: StepChangeKind;
  /** The step in the newer recipe (or the older, when removed). */
  step: Step;
  before?: StepPlace;
  after?: StepPlace;
  /** Set when it also sits elsewhere now; `kind` is 'moved' when that is all that changed. */
  moved: boolean;
  /** Its own fields that changed (not its children, which are steps of their own). */
  changes: FieldChange[];
}

export interface RecipeDiff {
  same: boolean;
  /** `name`, `description`, `connections`, `meta`, … */
  recipe: FieldChange[];
  trigger: FieldChange[];
  /** In the newer recipe's order, removed steps after at their old places' order. */
  steps: StepChange[];
}

interface Placed {
  step: Step;
  place: StepPlace;
  order: number;
}

export function diffRecipes(before: Recipe, after: Recipe): RecipeDiff {
  const recipe = valueChanges(topFields(before), topFields(after));
  const trigger = valueChanges(before.trigger, after.trigger);
  const old = placeAll(before.steps);
  const now = placeAll(after.steps);
  const outOfOrder = reordered(old, now);
  const steps: StepChange[] = [];
  for (const [id, at] of now) {
    const was = old.get(id);
    if (!was) {
      steps.push({ id, kind: 'added', step: at.step, after: at.place, moved: false, changes: [] });
      continue;
    }
    const changes = valueChanges(ownFields(was.step), ownFields(at.step));
    const moved = was.place.parent !== at.place.parent || was.place.branch !== at.place.branch || outOfOrder.has(id);
    if (changes.length === 0 && !moved) continue;
    steps.push({ id, kind: changes.length > 0 ? 'changed' : 'moved', step: at.step, before: was.place, after: at.place, moved, changes });
  }
  for (const [id, was] of old) if (!now.has(id)) steps.push({ id, kind: 'removed', step: was.step, before: was.place, moved: false, changes: [] });
  return { same: recipe.length === 0 && trigger.length === 0 && steps.length === 0, recipe, trigger, steps };
}

function topFields(recipe: Recipe): Record<string, unknown> {
  const { steps: _steps, trigger: _trigger, ...rest } = recipe;
  return rest;
}

/** A step without its child lists: a change inside a branch is the child's, not the `if`'s. */
function ownFields(step: Step): Record<string, unknown> {
  const own: Record<string, unknown> = { ...step };
  for (const [key] of childLists(step)) delete own[key];
  // An if with no else and one with an empty else read the same.
  if (step.kind === 'if') delete own.else;
  return own;
}

function placeAll(steps: readonly Step[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const walk = (list: readonly Step[], parent: string | null, branch: string) => {
    list.forEach((step, index) => {
      out.set(step.id, { step, place: { parent, branch, index }, order: out.size });
      for (const [key, child] of childLists(step)) walk(child, step.id, key);
    });
  };
  walk(steps, null, 'steps');
  return out;
}

/**
 * Steps that stayed in the same list but changed order against the others that stayed: in each list,
 * those outside the longest run kept in order (so moving one step marks that step, not all it passed).
 */
function reordered(old: Map<string, Placed>, now: Map<string, Placed>): Set<string> {
  const lists = new Map<string, string[]>();
  for (const [id, at] of now) {
    const was = old.get(id);
    if (!was || was.place.parent !== at.place.parent || was.place.branch !== at.place.branch) continue;
    const key = `${at.place.parent}\u0000${at.place.branch}`;
    (lists.get(key) ?? lists.set(key, []).get(key)!).push(id);
  }
  const out = new Set<string>();
  for (const ids of lists.values()) {
    const kept = new Set(longestIncreasing(ids.map((id) => old.get(id)!.place.index)).map((i) => ids[i]));
    for (const id of ids) if (!kept.has(id)) out.add(id);
  }
  return out;
}

/** Indexes (into `values`) of a longest strictly increasing subsequence; O(n log n). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const prev: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const out: number[] = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i]) out.unshift(i);
  return out;
}
