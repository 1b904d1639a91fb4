/** Problems found in a recipe file, each naming the place it is: `steps[2].input.url: expected a string`. */
import type { z } from 'zod';

export interface RecipeIssue {
  /** `steps[2].input.url`, or `` for the file as a whole. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function formatIssue(issue: RecipeIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
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
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
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
