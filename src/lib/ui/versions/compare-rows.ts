/**
 * The side-by-side view of two recipes as rows: every step of either, aligned by id, in the newer
 * recipe's order with each removed step where it stood before; each row says what happened to the step
 * and, for a changed one, each field before → after (with a word diff). Pure: recipe-compare.svelte
 * draws it.
 */
import { childLists, type Recipe, type Step } from '../../recipe';
import { diffRecipes, wordDiff, type FieldChange, type RecipeDiff, type StepPlace, type WordPart } from '../../diff';

export type RowKind = 'same' | 'added' | 'removed' | 'moved' | 'changed';

/** A step as one side shows it: how deep in branches and loops, and where. */
export interface StepSide {
  step: Step;
  depth: number;
  place: StepPlace;
}

/** One changed field, its values as text (absent: the field was not there). */
export interface FieldLine {
  path: string;
  before?: string;
  after?: string;
  /** Both values, as words kept, removed and added (only when both exist). */
  words?: WordPart[];
}

export interface CompareRow {
  id: string;
  kind: RowKind;
  /** Also true for a changed step that moved. */
  moved: boolean;
  before?: StepSide;
  after?: StepSide;
  fields: FieldLine[];
}

export interface CompareView {
  same: boolean;
  recipe: FieldLine[];
  trigger: FieldLine[];
  rows: CompareRow[];
  counts: Record<Exclude<RowKind, 'same'>, number>;
}

/** A value as a person reads it: text as it is, anything else as compact JSON. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function fieldLine(change: FieldChange): FieldLine {
  const before = valueText(change.before);
  const after = valueText(change.after);
  return {
    path: change.path,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(before !== undefined && after !== undefined ? { words: wordDiff(before, after) } : {})
  };
}

export function compareView(before: Recipe, after: Recipe, diff: RecipeDiff = diffRecipes(before, after)): CompareView {
  const old = sides(before.steps);
  const now = sides(after.steps);
  const changes = new Map(diff.steps.map((c) => [c.id, c]));
  const rows: CompareRow[] = [...now].map(([id, side]) => {
    const change = changes.get(id);
    if (!change) return { id, kind: 'same', moved: false, before: old.get(id), after: side, fields: [] };
    return { id, kind: change.kind, moved: change.moved, ...(old.has(id) ? { before: old.get(id) } : {}), after: side, fields: change.changes.map(fieldLine) };
  });
  placeRemoved(rows, old, now);
  const counts = { added: 0, removed: 0, moved: 0, changed: 0 };
  for (const row of rows) if (row.kind !== 'same') counts[row.kind]++;
  return { same: diff.same, recipe: diff.recipe.map(fieldLine), trigger: diff.trigger.map(fieldLine), rows, counts };
}

/** Every step of a list and its branches, in reading order (a step before its children). */
function sides(steps: readonly Step[]): Map<string, StepSide> {
  const out = new Map<string, StepSide>();
  const walk = (list: readonly Step[], parent: string | null, branch: string, depth: number) => {
    list.forEach((step, index) => {
      out.set(step.id, { step, depth, place: { parent, branch, index } });
      for (const [key, child] of childLists(step)) walk(child, step.id, key, depth + 1);
    });
  };
  walk(steps, null, 'steps', 0);
  return out;
}

/**
 * Each removed step goes right after the step it followed before: its older sibling (past that one's
 * children), or, first in its list, the step read just before it (its parent, or the end of the parent's
 * previous branch); so a removed step stays among its old neighbours.
 */
function placeRemoved(rows: CompareRow[], old: Map<string, StepSide>, now: Map<string, StepSide>): void {
  const at = (p: StepPlace) => `${p.parent}\u0000${p.branch}\u0000${p.index}`;
  const byPlace = new Map([...old].map(([id, side]) => [at(side.place), id]));
  const parentOf = (id: string) => (now.get(id) ?? old.get(id))?.place.parent ?? null;
  const inside = (id: string, ancestor: string) => {
    for (let p = parentOf(id); p !== null; p = parentOf(p)) if (p === ancestor) return true;
    return false;
  };
  let previous: string | null = null;
  for (const [id, side] of old) {
    const read = previous;
    previous = id;
    if (now.has(id)) continue;
    const sibling = side.place.index > 0 ? byPlace.get(at({ ...side.place, index: side.place.index - 1 })) : undefined;
    const anchor = sibling ?? read;
    let spot = anchor === null ? 0 : rows.findIndex((r) => r.id === anchor) + 1;
    if (sibling !== undefined) while (spot < rows.length && inside(rows[spot].id, sibling)) spot++;
    rows.splice(spot, 0, { id, kind: 'removed', moved: false, before: side, fields: [] });
  }
}
