/**
 * Which recipes of `--recipes DIR` `sous serve` starts: every valid recipe file whose trigger is a schedule or a
 * webhook. Every other `*.json` file that claims to be a recipe is refused with the reason (not valid, another
 * trigger kind, an id or webhook path that another file already has). Files that are not recipes at all
 * (no `"format": "sous.recipe/…"`) are passed over, as `--recipes` does for `sous run`.
 */
import { join } from 'node:path';
import type { Recipe } from '../../src/lib/recipe';
import { readRecipeFile, readText } from '../files';
import { claimsRecipeFormat, listJsonFiles } from '../recipe-files';

export interface Started {
  file: string;
  recipe: Recipe;
}

export interface Refused {
  file: string;
  why: string;
}

export type Loaded = { ok: true; started: Started[]; refused: Refused[]; all: Recipe[] } | { ok: false; message: string };

export async function loadServeRecipes(dir: string): Promise<Loaded> {
  const listed = await listJsonFiles(dir);
  if (!listed.ok) return listed;
  const started: Started[] = [];
  const refused: Refused[] = [];
  const all: Recipe[] = [];
  const ids = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const name of listed.names) {
    const file = join(dir, name);
    if (!(await claimsRecipe(file))) continue;
    const read = await readRecipeFile(file);
    if (!read.ok) {
      const first = read.lines[0].slice(file.length + 2);
      const more = read.lines.length > 1 ? ` (and ${read.lines.length - 1} more; see sous validate ${file})` : '';
      refused.push({ file, why: `not a valid recipe: ${first}${more}` });
      continue;
    }
    const recipe = read.recipe;
    const sameId = ids.get(recipe.id);
    if (sameId) {
      refused.push({ file, why: `recipe id "${recipe.id}" is already in ${sameId}` });
      continue;
    }
    ids.set(recipe.id, file);
    all.push(recipe);
    const trigger = recipe.trigger;
    if (trigger.kind !== 'schedule' && trigger.kind !== 'webhook') {
      refused.push({ file, why: `its trigger is ${trigger.kind}; sous serve starts only schedule and webhook recipes` });
      continue;
    }
    if (trigger.kind === 'webhook') {
      const path = normalPath(trigger.path);
      const taken = paths.get(path);
      if (taken) {
        refused.push({ file, why: `webhook path "${path}" is already served for ${taken}` });
        continue;
      }
      paths.set(path, file);
    }
    started.push({ file, recipe });
  }
  return { ok: true, started, refused, all };
}

/** A webhook path without leading or trailing slashes: `/orders/new/` and `orders/new` are one path. */
export function normalPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

async function claimsRecipe(file: string): Promise<boolean> {
  const text = await readText(file);
  if (!text.ok) return true; // unreadable: refused with the reason by readRecipeFile
  try {
    return claimsRecipeFormat(JSON.parse(text.value.replace(/^\uFEFF/, '')));
  } catch {
    // A broken .json file in a recipes folder is most likely a recipe with a typo: refuse it, saying why.
    return true;
  }
}
