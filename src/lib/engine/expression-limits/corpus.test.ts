/** Every expression in the recipes Sous ships still compiles on the bounded engine (its regexes on RE2). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../expressions';

const DIRS = ['src/lib/templates/recipes', 'src/lib/agents/templates'];

function templates(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.includes('{{')) out.push(value);
  else if (Array.isArray(value)) for (const v of value) templates(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) templates(v, out);
  return out;
}

const files = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));

describe('shipped recipes', () => {
  it('are there to check', () => expect(files.length).toBeGreaterThan(3));
  it.each(files)('%s: every expression compiles', (file) => {
    for (const text of templates(JSON.parse(readFileSync(file, 'utf8')))) expect(() => compileTemplate(text), text).not.toThrow();
  });
});
