/**
 * Reading a recipe file: size and depth limits, JSON errors with their place, the `format` check, the
 * schema and the checks a schema cannot express (unique step ids), all reported at once. Expected
 * failures are returned.
 */
import { RECIPE_FORMAT, RecipeSchema, type Recipe } from './schema';
import { boundIssues, formatPath, fromZodIssues, quote, type RecipeIssue } from './issues';
import { findJsonError, lineAndColumn } from './json-error';
/** The keys that hold step lists inside a step (walk.ts `childLists`, for a file not yet valid). */
const CHILD_LISTS = ['then', 'else', 'steps', 'catch'] as const;

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 64;

export type ParseResult = { ok: true; recipe: Recipe } | { ok: false; issues: RecipeIssue[] };

/** Parse the text of a `.recipe.json` file. */
export function parseRecipeText(text: string): ParseResult {
  const json = readJsonText(text, 'a recipe file');
  return json.ok ? parseRecipe(json.data) : json;
}

/**
 * The JSON value of a file's text, with the checks every Sous file gets: its size, a byte order mark,
 * and a JSON error that says its line and column. `what` names the file in the size message.
 */
export function readJsonText(text: string, what: string, maxBytes = MAX_FILE_BYTES): { ok: true; data: unknown } | { ok: false; issues: RecipeIssue[] } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    // Rounded up, so a file just over the limit does not read "5.0 MB; at most 5 MB".
    const mb = Math.ceil((bytes / 1024 / 1024) * 10) / 10;
    return { ok: false, issues: [{ path: '', message: `the file is ${mb.toFixed(1)} MB; ${what} may be at most ${Math.round(maxBytes / 1024 / 1024)} MB` }] };
  }
  // Editors on Windows may start a UTF-8 file with a byte order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (err) {
    return { ok: false, issues: boundIssues([{ path: '', message: `not valid JSON: ${jsonErrorPlace(text, err)}` }]) };
  }
}

/** Validate an already-parsed value as a recipe. Every problem is bounded in length (issues.ts). */
export function parseRecipe(data: unknown): ParseResult {
  const result = checkRecipe(data);
  return result.ok ? result : { ok: false, issues: boundIssues(result.issues) };
}

function checkRecipe(data: unknown): ParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('', 'not a recipe: expected a JSON object with "format": "sous.recipe/v1"');
  }
  if (nestingDepth(data, 0) > MAX_DEPTH) {
    return fail('', `nested deeper than ${MAX_DEPTH} levels; a recipe may nest at most ${MAX_DEPTH} levels`);
  }
  // JSON.parse keeps `__proto__` as a key of its own, but copying the object (as the schema does) would
  // set a prototype with it and drop it unseen; `constructor` and `prototype` are refused with it.
  const forbidden = forbiddenKeys(data);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  // Every problem at once: the format's, the schema's and the step ids', not only the first kind found.
  const format = (data as Record<string, unknown>).format;
  const formatIssue = checkFormat(format);
  // A file with no format is likely no recipe at all (a package.json), and one of a newer format may be valid
  // there: judging either by this version's schema would only mislead (the contract: one line for each).
  if (formatIssue && (format === undefined || (typeof format === 'string' && format.startsWith('sous.recipe/')))) return { ok: false, issues: [formatIssue] };
  const parsed = RecipeSchema.safeParse(formatIssue ? { ...data, format: RECIPE_FORMAT } : data);
  const issues = [
    ...(formatIssue ? [formatIssue] : []),
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, data)),
    ...duplicateIds((data as Record<string, unknown>).steps)
  ];
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, recipe: parsed.data };
}

function checkFormat(format: unknown): RecipeIssue | undefined {
  if (format === undefined) return { path: 'format', message: `missing; a recipe file says "format": "${RECIPE_FORMAT}"` };
  if (format === RECIPE_FORMAT) return undefined;
  const newer = typeof format === 'string' && format.startsWith('sous.recipe/');
  return { path: 'format', message: `unknown format ${quote(format)}; this version of Sous reads "${RECIPE_FORMAT}"` + (newer ? ' (the file may come from a newer Sous)' : '') };
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, issues: [{ path, message }] };
}

/** Step ids used twice, read from the file as it is (so they are found also when the schema fails). */
function duplicateIds(steps: unknown): RecipeIssue[] {
  const seen = new Map<string, string>();
  const issues: RecipeIssue[] = [];
  const visit = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((step: unknown, i) => {
      if (step === null || typeof step !== 'object') return;
      const path = `${at}[${i}]`;
      const { id } = step as Record<string, unknown>;
      const first = typeof id === 'string' ? seen.get(id) : undefined;
      if (first) issues.push({ path: `${path}.id`, message: `${quote(id)} is already the id of ${first}; step ids must be unique` });
      else if (typeof id === 'string') seen.set(id, path);
      for (const key of CHILD_LISTS) visit((step as Record<string, unknown>)[key], `${path}.${key}`);
    });
  };
  visit(steps, 'steps');
  return issues;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Each `__proto__`, `constructor` or `prototype` key anywhere in the file, by its place. Run after the depth
 * check. Shared by every file Sous reads (recipes, agents), each naming itself in the message.
 */
export function forbiddenKeys(data: unknown, file = 'a recipe file'): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  const path: PropertyKey[] = [];
  const visit = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    const keys: PropertyKey[] = Array.isArray(value) ? [...value.keys()] : Object.keys(value);
    for (const key of keys) {
      path.push(key);
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: formatPath(path), message: `the key "${key}" is not allowed in ${file} (it could change how every object is read); rename it` });
      }
      visit((value as Record<PropertyKey, unknown>)[key]);
      path.pop();
    }
  };
  visit(data);
  return issues;
}

/** How many objects and lists are nested at the deepest place, the value itself counting as one. */
export function nestingDepth(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return depth;
  // Counted where a container is, not where a value inside it is: an empty list is a level too.
  const here = depth + 1;
  if (here > MAX_DEPTH) return here;
  let max = here;
  for (const child of Object.values(value)) {
    max = Math.max(max, nestingDepth(child, here));
    if (max > MAX_DEPTH) break;
  }
  return max;
}

function jsonErrorPlace(text: string, err: unknown): string {
  if (text.trim() === '') return 'the file is empty';
  const message = err instanceof Error ? err.message : String(err);
  const at = /position (\d+)/.exec(message);
  if (at) {
    const { line, column } = lineAndColumn(text, Number(at[1]));
    // "… in JSON at position 8", or "… after JSON at position 8": the place is said below, once.
    return `${message.replace(/ (?:in JSON )?at position \d+.*$/, '')} at line ${line}, column ${column}`;
  }
  // Some of V8's messages ("Unexpected token") give no position and quote the text instead.
  const found = findJsonError(text);
  if (!found) return message;
  const { line, column } = lineAndColumn(text, found.offset);
  return `${found.problem} at line ${line}, column ${column}`;
}
