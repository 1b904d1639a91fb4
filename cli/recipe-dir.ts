/**
 * `--recipes DIR`: a RecipeSource over the `*.json` files of one folder (not its subfolders), keyed by
 * recipe id, for `call` steps. Files that are not recipes at all (no `"format": "sous.recipe/…"`, such as
 * input or expectation files) are passed over; a recipe file with mistakes fails only the call that needs it.
 */
import { join } from 'node:path';
import { userError, type RecipeSource } from '../src/lib/engine';
import { formatIssue, parseRecipeText, type Recipe } from '../src/lib/recipe';
import { readText } from './files';
import { claimsRecipeFormat, listJsonFiles } from './recipe-files';

type Entry = { file: string; recipe: Recipe } | { file: string; problem: string };

export async function openRecipeDir(dir: string): Promise<{ ok: true; source: RecipeSource } | { ok: false; message: string }> {
  const listed = await listJsonFiles(dir);
  if (!listed.ok) return listed;
  const byId = new Map<string, Entry[]>();
  for (const name of listed.names) {
    const file = join(dir, name);
    const entry = await readEntry(file);
    if (!entry) continue;
    byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry.entry]);
  }
  return { ok: true, source: recipeSource(dir, byId) };
}

function recipeSource(dir: string, byId: Map<string, Entry[]>): RecipeSource {
  return {
    async get(id) {
      const entries = byId.get(id);
      if (!entries) return undefined;
      // Thrown as a step failure, so the `call` step fails with this message rather than "no recipe".
      if (entries.length > 1) {
        throw userError(`recipe "${id}" is in more than one file of ${dir}: ${entries.map((e) => e.file).join(', ')}`, 'call');
      }
      const entry = entries[0];
      if ('problem' in entry) throw userError(`recipe "${id}" in ${entry.file} is not valid: ${entry.problem}`, 'call');
      return { recipe: entry.recipe, version: null };
    }
  };
}

async function readEntry(file: string): Promise<{ id: string; entry: Entry } | undefined> {
  const text = await readText(file);
  if (!text.ok) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text.value);
  } catch {
    return undefined;
  }
  if (!claimsRecipeFormat(data) || typeof data.id !== 'string') return undefined;
  // Parsed again from the text, so the same size and depth limits apply as to any recipe file.
  const parsed = parseRecipeText(text.value);
  if (parsed.ok) return { id: parsed.recipe.id, entry: { file, recipe: parsed.recipe } };
  const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more; see sous validate ${file})` : '';
  return { id: data.id, entry: { file, problem: formatIssue(parsed.issues[0]) + more } };
}
