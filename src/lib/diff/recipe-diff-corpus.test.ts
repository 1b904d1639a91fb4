/**
 * The diff and the side-by-side rows over every recipe in the project: recipe fixtures, conformance
 * recipes, agent templates and corpus, submissions, the pack fixture's recipes and the studio's templates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSteps, parseRecipe, parseRecipeText, type Recipe, type Step } from '../recipe';
import { RECIPE_TEMPLATES } from '../templates';
import { compareView } from '../ui/versions/compare-rows';
import { diffRecipes } from '.';

const ROOTS = ['tests', 'src/lib'];

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(path, ending);
    return e.name.endsWith(ending) ? [path] : [];
  });
}

function corpus(): Array<[string, Recipe]> {
  const out: Array<[string, Recipe]> = [];
  for (const path of ROOTS.flatMap((r) => files(r, '.recipe.json'))) {
    const parsed = parseRecipeText(readFileSync(path, 'utf8'));
    if (parsed.ok) out.push([path, parsed.recipe]); // the invalid ones are fixtures of refusal
  }
  for (const path of ROOTS.flatMap((r) => files(r, '.sous-pack.json'))) {
    const pack = JSON.parse(readFileSync(path, 'utf8')) as { recipes?: unknown[] };
    for (const raw of pack.recipes ?? []) {
      const parsed = parseRecipe(raw);
      if (parsed.ok) out.push([`${path} ${parsed.recipe.id}`, parsed.recipe]);
    }
  }
  for (const t of RECIPE_TEMPLATES) out.push([`template ${t.id}`, t.recipe]);
  return out;
}

const RECIPES = corpus();
const kinds = (a: Recipe, b: Recipe) => diffRecipes(a, b).steps.map((s) => `${s.kind}:${s.id}`);
const idsOf = (steps: Step[]) => [...allSteps(steps)].map((s) => s.id);

/** The first step (depth first) with a text input or value to change, and a copy with it changed. */
function withChangedInput(recipe: Recipe): { copy: Recipe; id: string; path: string; before: string } | undefined {
  const copy = structuredClone(recipe);
  for (const step of allSteps(copy.steps)) {
    const fields = step.kind === 'action' ? ['input', step.input] : step.kind === 'set' ? ['values', step.values] : undefined;
    if (!fields) continue;
    const [name, values] = fields as [string, Record<string, unknown>];
    const key = Object.keys(values).find((k) => typeof values[k] === 'string');
    if (key === undefined) continue;
    const before = values[key] as string;
    values[key] = `${before} (changed)`;
    return { copy, id: step.id, path: `${name}.${key}`, before };
  }
  return undefined;
}

describe('diff over every recipe in the project', () => {
  it('finds the project’s recipes', () => {
    expect(RECIPES.length).toBeGreaterThan(50);
  });

  it.each(RECIPES)('%s', (_name, recipe) => {
    const all = idsOf(recipe.steps);
    // Against itself: nothing, and every step a row of its own.
    const self = diffRecipes(recipe, structuredClone(recipe));
    expect(self.same).toBe(true);
    const view = compareView(recipe, structuredClone(recipe));
    expect(view.rows.map((r) => r.id)).toEqual(all);
    expect(view.rows.every((r) => r.kind === 'same')).toBe(true);

    // A step added at the end.
    const added = structuredClone(recipe);
    added.steps.push({ id: 'zz_added_step', kind: 'set', values: { x: 1 } });
    expect(kinds(recipe, added)).toEqual(['added:zz_added_step']);
    expect(compareView(recipe, added).rows.at(-1)).toMatchObject({ id: 'zz_added_step', kind: 'added' });

    if (recipe.steps.length === 0) return;
    // The last top-level step removed: it and the steps inside it, nothing else; its row where it stood.
    const removed = structuredClone(recipe);
    const gone = removed.steps.pop()!;
    const goneIds = idsOf([gone]);
    expect(kinds(recipe, removed).sort()).toEqual(goneIds.map((id) => `removed:${id}`).sort());
    const removedView = compareView(recipe, removed);
    expect(removedView.rows.map((r) => r.id)).toEqual(all);
    expect(removedView.counts.removed).toBe(goneIds.length);

    // An input changed: that step changed, at that path, before → after.
    const changed = withChangedInput(recipe);
    if (changed) {
      const d = diffRecipes(recipe, changed.copy);
      expect(d.steps.map((s) => `${s.kind}:${s.id}`)).toEqual([`changed:${changed.id}`]);
      expect(d.steps[0].changes).toEqual([{ path: changed.path, before: changed.before, after: `${changed.before} (changed)` }]);
      const row = compareView(recipe, changed.copy).rows.find((r) => r.id === changed.id)!;
      expect(row.fields[0].words?.at(-1)).toEqual({ op: 'added', text: ' (changed)' });
    }

    if (recipe.steps.length < 2) return;
    // The last top-level step moved to the front: one step moved (that one, when three or more stay in order).
    const moved = structuredClone(recipe);
    moved.steps.unshift(moved.steps.pop()!);
    const movedKinds = kinds(recipe, moved);
    expect(movedKinds).toHaveLength(1);
    expect(movedKinds[0]).toMatch(/^moved:/);
    if (recipe.steps.length >= 3) expect(movedKinds[0]).toBe(`moved:${gone.id}`);
    expect(compareView(recipe, moved).rows.map((r) => r.id)).toEqual(idsOf(moved.steps));
  });
});
