/**
 * The recipes and agents of `sous chat` and `sous mcp`: every `*.json` file of a folder (not its
 * subfolders). As with `--recipes` in `sous run`, files that do not say they are recipes (or agents) are
 * passed over, so recipes, agents and input files may share one folder; a file that says it is one but
 * is broken refuses the whole command, one line per problem (`FILE: PLACE: MESSAGE`, as `sous validate`).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAgentText, type Agent } from '../src/lib/agents/format';
import { formatIssue, parseRecipeText, type Recipe, type RecipeIssue } from '../src/lib/recipe';
import { describeFsError, readText } from './files';

/** `files`: the file each item came from, by id (for messages that name it). */
export type Loaded<T> = { ok: true; items: T[]; files: Map<string, string> } | { ok: false; lines: string[] };

export function loadRecipeFolder(dir: string, option = '--recipes'): Promise<Loaded<Recipe>> {
  return loadFolder(dir, option, 'sous.recipe/', 'recipe', (text) => {
    const parsed = parseRecipeText(text);
    return parsed.ok ? { ok: true, item: parsed.recipe } : parsed;
  });
}

export function loadAgentFolder(dir: string, option = '--agents'): Promise<Loaded<Agent>> {
  return loadFolder(dir, option, 'sous.agent/', 'agent', (text) => {
    const parsed = parseAgentText(text);
    return parsed.ok ? { ok: true, item: parsed.agent } : parsed;
  });
}

type Parse<T> = (text: string) => { ok: true; item: T } | { ok: false; issues: RecipeIssue[] };

async function loadFolder<T extends { id: string }>(dir: string, option: string, format: string, what: string, parse: Parse<T>): Promise<Loaded<T>> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && d.name.endsWith('.json')).map((d) => d.name);
  } catch (err) {
    const missing = (err as { code?: string }).code === 'ENOENT';
    return { ok: false, lines: [`sous: ${option} ${dir}: ${missing ? 'no such folder' : describeFsError(err)}`] };
  }
  const lines: string[] = [];
  const items: T[] = [];
  const fileOf = new Map<string, string>();
  for (const name of names.sort()) {
    const file = join(dir, name);
    const text = await readText(file);
    if (!text.ok || !claims(text.value, format)) continue;
    const parsed = parse(text.value);
    if (!parsed.ok) {
      lines.push(...parsed.issues.map((issue) => `${file}: ${formatIssue(issue)}`));
      continue;
    }
    const first = fileOf.get(parsed.item.id);
    if (first) {
      lines.push(`${file}: id: the ${what} "${parsed.item.id}" is also in ${first}`);
      continue;
    }
    fileOf.set(parsed.item.id, file);
    items.push(parsed.item);
  }
  return lines.length ? { ok: false, lines } : { ok: true, items, files: fileOf };
}

/** Whether the file says it is of this format (`"format": "sous.recipe/…"`); anything unreadable does not. */
function claims(text: string, format: string): boolean {
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return data !== null && typeof data === 'object' && typeof (data as { format?: unknown }).format === 'string' && (data as { format: string }).format.startsWith(format);
  } catch {
    return false;
  }
}
