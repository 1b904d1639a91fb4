/** What a person reads when a hostile recipe file is imported: in the studio's import and in `sous validate`/`run`. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecipeBytes } from '../src/lib/ui/import/read-file';
import { MAX_ISSUE_CHARS } from '../src/lib/recipe/issues';
import { readRecipeFile } from './files';

const big = 'a'.repeat(4 * 1024 * 1024);
const recipe = (extra: Record<string, unknown>) => JSON.stringify({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps: [], ...extra });
const FILES: Array<[string, string, RegExp]> = [
  ['a 4 MB value', recipe({ trigger: { kind: big } }), /trigger\.kind/],
  ['a 4 MB key', recipe({ [big]: 1 }), /unknown key "a+…" \(4 MB\)/],
  ['a 4 MB line broken at its end', `${recipe({ pad: big }).slice(0, -1)} x}`, /line 1, column \d+/],
  ['a __proto__ key', '{"format":"sous.recipe/v1","id":"r","name":"R","trigger":{"kind":"manual"},"steps":[{"id":"a","kind":"set","values":{"__proto__":{"admin":true}}}]}', /steps\[0\]\.values\.__proto__: the key "__proto__" is not allowed/]
];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sous-import-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a hostile recipe file is refused in a few hundred characters', () => {
  it.each(FILES)('%s, in the studio', (_name, text, pattern) => {
    const read = readRecipeBytes(new TextEncoder().encode(text));
    expect(read.ok).toBe(false);
    const lines = read.ok ? [] : read.lines;
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(MAX_ISSUE_CHARS + 200);
    expect(lines.join('\n')).toMatch(pattern);
  });

  it.each(FILES)('%s, on the command line', async (name, text, pattern) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.recipe.json`);
    await writeFile(file, text);
    const read = await readRecipeFile(file);
    expect(read.ok).toBe(false);
    const lines = read.ok ? [] : read.lines;
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(file.length + 2 + MAX_ISSUE_CHARS);
    expect(lines.join('\n')).toMatch(pattern);
  });
});
