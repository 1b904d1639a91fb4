/** Problems found in a recipe file, each naming the place it is: `steps[2].input.url: expected a string`. */
import type { z } from 'zod';

export interface RecipeIssue {
  /** `steps[2].input.url`, or `` for the file as a whole. */
  path: string;
  message: string;
}

/**
 * A hostile or broken file may hold a 4 MB value, a key as long, or a hundred thousand mistakes: each
 * problem stays a few lines on screen (values cut, with their size), and the list stays readable.
 */
export const MAX_PATH_CHARS = 240;
export const MAX_MESSAGE_CHARS = 260;
/** A formatted problem (`place: message`) is at most this long. */
export const MAX_ISSUE_CHARS = MAX_PATH_CHARS + 2 + MAX_MESSAGE_CHARS;
export const MAX_ISSUES = 100;
/** The longest value or key quoted whole. */
const QUOTE_CHARS = 40;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = pathKey(String(part));
      out += key.startsWith('[') || out === '' ? key : `.${key}`;
    }
  }
  return cutMiddle(out, MAX_PATH_CHARS);
}

/** A key as a path shows it: as written when it is plain, quoted (and cut) when long or strange. */
function pathKey(key: string): string {
  if (key.length <= QUOTE_CHARS && !/[\u0000-\u001f"[\]\u2028\u2029]/.test(key)) return key;
  return `[${quote(key, 24)}]`;
}

export function formatIssue(issue: RecipeIssue): string {
  const path = cutMiddle(issue.path, MAX_PATH_CHARS);
  const message = cutEnd(issue.message, MAX_MESSAGE_CHARS);
  return path ? `${path}: ${message}` : message;
}

/**
 * A value as a message quotes it: a short text whole, as JSON; a long one cut, with its size
 * (`"aaaa…" (4 MB)`); a list or an object by what it is, never its whole text.
 */
export function quote(value: unknown, max = QUOTE_CHARS): string {
  if (typeof value === 'string') {
    if (value.length <= max) return cutEnd(JSON.stringify(value), max * 2 + 2);
    const head = JSON.stringify(safeSlice(value, max)).slice(0, -1).slice(0, max * 2).replace(/\\(u[0-9a-fA-F]{0,3})?$/, '');
    return `${head}…" (${sizeOf(value)})`;
  }
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return cutEnd(String(value), max);
}

/** The issues as a file's reader shows them: each bounded, and past MAX_ISSUES, a count of the rest. */
export function boundIssues(issues: readonly RecipeIssue[]): RecipeIssue[] {
  const bounded = issues.slice(0, MAX_ISSUES).map((i) => ({ path: cutMiddle(i.path, MAX_PATH_CHARS), message: cutEnd(i.message, MAX_MESSAGE_CHARS) }));
  if (issues.length > MAX_ISSUES) bounded.push({ path: '', message: `and ${issues.length - MAX_ISSUES} more problems (the first ${MAX_ISSUES} are listed)` });
  return bounded;
}

function sizeOf(text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes < 10_000) return `${text.length} characters`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Cut at a character, never inside a surrogate pair. */
function safeSlice(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

function cutEnd(text: string, max: number): string {
  return text.length <= max ? text : `${safeSlice(text, max - 1)}…`;
}

/** A long path keeps its start (the step) and its end (the place in it). */
function cutMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.floor((max - 1) * 0.4);
  const tail = max - 1 - head;
  return `${safeSlice(text, head)}…${text.slice(text.length - tail)}`;
}

/** Zod's issues, flattened to the innermost useful message (a union's branches are folded in). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], root: unknown, base: PropertyKey[] = []): RecipeIssue[] {
  const out: RecipeIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest: the one whose issues reach deepest into the value.
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      out.push(...fromZodIssues(best, root, path));
      continue;
    }
    if (issue.code === 'invalid_union' && 'discriminator' in issue) {
      const expected = [...issue.message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      out.push({ path: formatPath(path), message: `expected one of ${expected.join(', ')}` });
      continue;
    }
    out.push({ path: formatPath(path), message: describe(issue, valueAt(root, path)) });
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `is required (${article(issue.expected)})` : `expected ${article(issue.expected)}`;
    case 'unrecognized_keys':
      return unknownKeys(issue.keys);
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => quote(v)).join(', ')}`;
    // A schema's own message (`.min(1, 'expected an expression')`) wins over the plain-words bound.
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return bound('at least', issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case 'too_big':
      if (!issue.message.startsWith('Too big')) return issue.message;
      return bound('at most', issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    default:
      return issue.message;
  }
}

function unknownKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => quote(k, 24));
  const more = keys.length > shown.length ? `, and ${keys.length - shown.length} more` : '';
  return `unknown key${keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`;
}

/** "must not be empty", "must be at least 1", "must have at most 64 items": zod's bounds in plain words. */
function bound(side: 'at least' | 'at most', origin: string, limit: number, inclusive: boolean): string {
  if (origin === 'string') {
    return side === 'at least' && limit === 1 ? 'must not be empty' : `must be ${side} ${limit} characters long`;
  }
  if (origin === 'array' || origin === 'set') {
    return side === 'at least' && limit === 1 ? 'must have at least one item' : `must have ${side} ${limit} items`;
  }
  if (!inclusive) return `must be ${side === 'at least' ? 'more' : 'less'} than ${limit}`;
  return `must be ${side} ${limit}`;
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object' || type === 'record') return 'an object';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
