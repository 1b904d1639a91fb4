/**
 * Reading a pack file: its own keys by schema, then every recipe, agent and the policy by their own
 * parsers, then what ties them together (unique ids, exercises whose starter is in the pack). Every
 * problem is named by its place in the pack (`recipes[2].steps[0].id: …`) and bounded in length.
 */
import { boundIssues, forbiddenKeys, fromZodIssues, MAX_DEPTH, nestingDepth, parseRecipe, readJsonText, type Recipe, type RecipeIssue } from '../recipe';
import { parseAgent, type Agent } from '../agents/format';
import { parsePolicy, type Policy } from '../policy';
import type { Exercise } from '../exercises/schema';
import { sandboxCollections } from '../connectors/sandbox';
import { MAX_PACK_BYTES, PACK_FORMAT, PackFileSchema, type PackSandbox, type PackTable } from './schema';

/**
 * A pack as read. The lists are always there to read; `present` keeps which optional keys the file had
 * (an empty list, `"policy": null`), so that writing the same things again gives the same bytes.
 */
export interface Pack {
  format: typeof PACK_FORMAT;
  id: string;
  name: string;
  description?: string;
  recipes: Recipe[];
  agents: Agent[];
  tables: PackTable[];
  sandbox?: PackSandbox;
  exercises: Exercise[];
  policy: Policy | null;
  meta?: Record<string, unknown>;
  present?: PackKey[];
}

export const OPTIONAL_PACK_KEYS = ['description', 'recipes', 'agents', 'tables', 'sandbox', 'exercises', 'policy', 'meta'] as const;
export type PackKey = (typeof OPTIONAL_PACK_KEYS)[number];

export type PackParseResult = { ok: true; pack: Pack } | { ok: false; issues: RecipeIssue[] };

export function parsePackText(text: string): PackParseResult {
  const json = readJsonText(text, 'a pack file', MAX_PACK_BYTES);
  return json.ok ? parsePack(json.data) : json;
}

export function parsePack(data: unknown): PackParseResult {
  const result = checkPack(data);
  return result.ok ? result : { ok: false, issues: boundIssues(result.issues) };
}

function checkPack(data: unknown): PackParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('', `not a pack: expected a JSON object with "format": "${PACK_FORMAT}"`);
  }
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) return fail('format', `missing; a pack file says "format": "${PACK_FORMAT}"`);
  if (format !== PACK_FORMAT) {
    return fail('format', `unknown format ${JSON.stringify(format).slice(0, 80)}; this version of Sous reads packs in "${PACK_FORMAT}"`);
  }
  // A pack holds whole recipes, so it may nest a few levels deeper than one.
  if (nestingDepth(data, 0) > MAX_DEPTH + 8) return fail('', `nested deeper than ${MAX_DEPTH + 8} levels`);
  const forbidden = forbiddenKeys(data, 'a pack file');
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const shape = PackFileSchema.safeParse(data);
  if (!shape.success) return { ok: false, issues: fromZodIssues(shape.error.issues, data) };
  const file = shape.data;
  const issues: RecipeIssue[] = [];
  const recipes = readAll(file.recipes ?? [], 'recipes', (item) => {
    const parsed = parseRecipe(item);
    return parsed.ok ? { ok: true, value: parsed.recipe } : parsed;
  }, issues);
  const agents = readAll(file.agents ?? [], 'agents', (item) => {
    const parsed = parseAgent(item);
    return parsed.ok ? { ok: true, value: parsed.agent } : parsed;
  }, issues);
  let policy: Policy | null = null;
  if (file.policy !== undefined && file.policy !== null) {
    const parsed = parsePolicy(file.policy);
    if (parsed.ok) policy = parsed.policy;
    else issues.push(...within('policy', parsed.issues));
  }
  const exercises = file.exercises ?? [];
  // By the files' own ids, so a place names the right item even when an earlier one did not parse.
  issues.push(...duplicates(rawIds(file.recipes), 'recipes', 'id'), ...duplicates(rawIds(file.agents), 'agents', 'id'));
  issues.push(...duplicates(exercises.map((e) => e.id), 'exercises', 'id'), ...duplicates((file.tables ?? []).map((t) => t.name), 'tables', 'name'));
  if (file.sandbox) {
    const known = sandboxCollections();
    for (const [app, collections] of Object.entries(file.sandbox) as [keyof typeof known, Record<string, unknown>][]) {
      for (const name of Object.keys(collections ?? {})) {
        if (!known[app].includes(name)) issues.push({ path: `sandbox.${app}.${name}`, message: `the ${app} app has no collection "${name}" (it has ${known[app].join(', ')})` });
      }
    }
  }
  const recipeIds = new Set(recipes.map((r) => r.id));
  exercises.forEach((exercise, i) => {
    if (exercise.starter !== undefined && !recipeIds.has(exercise.starter)) {
      issues.push({ path: `exercises[${i}].starter`, message: `there is no recipe "${exercise.starter}" in the pack to start from` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    pack: {
      format: PACK_FORMAT,
      id: file.id,
      name: file.name,
      description: file.description,
      recipes,
      agents,
      tables: file.tables ?? [],
      sandbox: file.sandbox,
      exercises,
      policy,
      meta: file.meta,
      present: OPTIONAL_PACK_KEYS.filter((key) => file[key] !== undefined)
    }
  };
}

type Read<T> = { ok: true; value: T } | { ok: false; issues: RecipeIssue[] };

function readAll<T>(items: readonly unknown[], key: string, read: (item: unknown) => Read<T>, issues: RecipeIssue[]): T[] {
  const out: T[] = [];
  items.forEach((item, i) => {
    const got = read(item);
    if (got.ok) out.push(got.value);
    else issues.push(...within(`${key}[${i}]`, got.issues));
  });
  return out;
}

/** A file's problems as places inside the pack: `recipes[2]` + `steps[0].id`. */
function within(prefix: string, issues: readonly RecipeIssue[]): RecipeIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path ? `${prefix}${issue.path.startsWith('[') ? '' : '.'}${issue.path}` : prefix }));
}

function rawIds(items: readonly unknown[] | undefined): (string | undefined)[] {
  return (items ?? []).map((item) => {
    const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : undefined;
  });
}

function duplicates(values: readonly (string | undefined)[], key: string, field: string): RecipeIssue[] {
  const first = new Map<string, number>();
  const out: RecipeIssue[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const at = first.get(value);
    if (at === undefined) first.set(value, i);
    else out.push({ path: `${key}[${i}].${field}`, message: `"${value}" is already ${key}[${at}]` });
  });
  return out;
}

function fail(path: string, message: string): PackParseResult {
  return { ok: false, issues: [{ path, message }] };
}
