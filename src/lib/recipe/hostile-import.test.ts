/**
 * Importing hostile files: every problem stays a few hundred characters (a 4 MB value is quoted by its
 * start and its size), keeps its place, and `__proto__`/`constructor`/`prototype` keys are refused by
 * name wherever they are. A seeded fast-check generator makes the files; REDACT_SEED-style replay with
 * IMPORT_SEED=<seed>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue, MAX_ISSUE_CHARS, MAX_ISSUES } from './issues';
import { parseRecipeText } from './parse';

const base = () => ({
  format: 'sous.recipe/v1',
  id: 'r',
  name: 'R',
  trigger: { kind: 'manual' },
  steps: [
    { id: 'get', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://x.test', headers: { accept: 'json' }, body: { a: [1, { b: 2 }] } } },
    { id: 'check', kind: 'if', condition: '{{ true }}', then: [{ id: 'note', kind: 'set', values: { n: 1 } }] }
  ]
});
type File = ReturnType<typeof base>;

/** Objects of the base recipe a mutation may reach, with their paths as the parser names them. */
const PLACES: Array<[string, (f: File) => Record<string, unknown>]> = [
  ['', (f) => f],
  ['trigger', (f) => f.trigger],
  ['steps[0]', (f) => f.steps[0]],
  ['steps[0].input', (f) => f.steps[0].input as Record<string, unknown>],
  ['steps[0].input.headers', (f) => (f.steps[0].input as { headers: Record<string, unknown> }).headers],
  ['steps[0].input.body.a[1]', (f) => (f.steps[0].input as { body: { a: Array<Record<string, unknown>> } }).body.a[1]],
  ['steps[1].then[0]', (f) => (f.steps[1].then as Array<Record<string, unknown>>)[0]],
  ['steps[1].then[0].values', (f) => (f.steps[1].then as Array<{ values: Record<string, unknown> }>)[0].values]
];
const VALUE_KEYS = ['id', 'kind', 'connector', 'format', 'condition', 'name', 'action', 'url'];

type Case = { text: string; place?: string; key?: string };

const size = fc.constantFrom(50, 300, 5_000, 120_000, 900_000);
const place = fc.integer({ min: 0, max: PLACES.length - 1 });

const hugeValue = fc.tuple(place, fc.constantFrom(...VALUE_KEYS), size, fc.constantFrom('a', 'é', '"', '\n', '😀')).map(([p, key, n, c]): Case => {
  const f = base();
  PLACES[p][1](f)[key] = c.repeat(Math.ceil(n / c.length));
  return { text: JSON.stringify(f) };
});
const hugeKey = fc.tuple(place, size).map(([p, n]): Case => {
  const f = base();
  PLACES[p][1](f)['k'.repeat(n)] = 1;
  return { text: JSON.stringify(f, null, 2) };
});
const hugeLine = fc.tuple(size, fc.constantFrom('}', ',', 'x', '"', '\\q', ']')).map(([n, bad]): Case => {
  const f = base();
  (f.steps[0].input as Record<string, unknown>).pad = 'p'.repeat(n);
  const text = JSON.stringify(f);
  const at = text.length - 3;
  return { text: text.slice(0, at) + bad + text.slice(at) };
});
const deep = fc.integer({ min: 10, max: 3_000 }).map((n): Case => {
  const f = base();
  (f.steps[0].input as Record<string, unknown>).deep = JSON.parse('['.repeat(n) + ']'.repeat(n));
  return { text: JSON.stringify(f) };
});
const manyErrors = fc.integer({ min: 1, max: 5_000 }).map((n): Case => {
  const f = base();
  f.steps = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'nope'.repeat(1 + (i % 50)), x: 'y'.repeat(i % 1000) })) as unknown as File['steps'];
  return { text: JSON.stringify(f) };
});
const protoKey = fc.tuple(place, fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([p, key]): Case => {
  const f = base();
  // Defined as an own key, as JSON.parse makes it (an assignment to `__proto__` would set a prototype).
  Object.defineProperty(PLACES[p][1](f), key, { value: { polluted: true }, enumerable: true });
  return { text: JSON.stringify(f), place: PLACES[p][0], key };
});

describe('hostile recipe files', () => {
  it('give bounded problems that keep their place, and refuse prototype keys by name (fast-check)', { timeout: 120_000 }, () => {
    const seed = Number(process.env.IMPORT_SEED ?? 13);
    fc.assert(
      fc.property(fc.oneof(hugeValue, hugeKey, hugeLine, deep, manyErrors, protoKey), (c) => {
        const result = parseRecipeText(c.text);
        if (c.key) {
          expect(result.ok).toBe(false);
          const path = c.place ? `${c.place}.${c.key}` : c.key;
          const lines = result.ok ? [] : result.issues.map(formatIssue);
          expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: the key "${c.key}" is not allowed`)));
        }
        if (result.ok) return;
        expect(result.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
        for (const issue of result.issues) {
          const line = formatIssue(issue);
          expect(line.length, line.slice(0, 600)).toBeLessThanOrEqual(MAX_ISSUE_CHARS);
          // The place survives: a problem inside a step names the step it is in.
          if (/^steps\[\d+\]/.test(issue.path)) expect(issue.path).toMatch(/^steps\[\d+\]/);
        }
      }),
      { numRuns: 150, seed }
    );
  });

  it.each([
    ['a 2 MB id used twice', () => ({ ...base(), steps: [{ ...base().steps[1], id: 'a'.repeat(2 * 1024 * 1024) }, { ...base().steps[1], id: 'a'.repeat(2 * 1024 * 1024) }] }), 'steps[1].id', /"a{20,}…" \(2 MB\) is already the id of steps\[0\]/],
    ['a 4 MB format', () => ({ ...base(), format: 'a'.repeat(4 * 1024 * 1024) }), 'format', /unknown format "a+…" \(4 MB\)/],
    ['a 988 KB key', () => ({ ...base(), ['k'.repeat(988 * 1024)]: 1 }), '', /unknown key "k+…" \(988 KB\)/]
  ])('%s is quoted by its start and its size', (_name, make, path, pattern) => {
    const result = parseRecipeText(JSON.stringify(make()));
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues.find((i) => i.path === path && pattern.test(i.message));
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(pattern);
    expect(formatIssue(issue!).length).toBeLessThan(300);
  });

  it('a 988 KB line with a mistake in it names the line and column, not the line', () => {
    const text = `{"format": "sous.recipe/v1", "pad": "${'p'.repeat(988 * 1024)}" x}`;
    const result = parseRecipeText(text);
    const message = result.ok ? '' : formatIssue(result.issues[0]);
    expect(message).toMatch(/^not valid JSON: .* at line 1, column \d+$/);
    expect(message.length).toBeLessThan(200);
  });

  it.each([
    ['{"__proto__": {"x": 1}, "format": "sous.recipe/v1"}', '__proto__: the key "__proto__" is not allowed'],
    ['{"format": "sous.recipe/v1", "steps": [{"id": "a", "input": {"headers": {"constructor": "x"}}}]}', 'steps[0].input.headers.constructor: the key "constructor" is not allowed'],
    ['{"format": "sous.recipe/v1", "trigger": {"kind": "manual", "prototype": 1}}', 'trigger.prototype: the key "prototype" is not allowed']
  ])('refuses %s by the key and its place', (text, start) => {
    const result = parseRecipeText(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toContainEqual(expect.stringContaining(start));
  });
});
