/**
 * Export → import → export is byte-identical: for every recipe and template in the project alone in a
 * pack, for the workshop fixture, and (fast-check) for generated packs mixing them with agents, tables,
 * seeds, exercises, a policy and meta.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAgentText, type Agent } from '../agents/format';
import { parseRecipeText, type Recipe } from '../recipe';
import { RECIPE_TEMPLATES } from '../templates';
import { exportPack, parsePack, parsePackText, type Pack } from '.';

function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix) && !f.includes('invalid'))
    .map((f) => join(dir, f));
}
function readRecipes(): Recipe[] {
  const out: Recipe[] = RECIPE_TEMPLATES.map((t) => t.recipe);
  for (const file of [...filesIn('tests/conformance', '.recipe.json'), ...filesIn('tests/fixtures', '.recipe.json'), ...filesIn('src/lib/agents/templates', '.recipe.json')]) {
    const parsed = parseRecipeText(readFileSync(file, 'utf8'));
    if (parsed.ok) out.push(parsed.recipe);
  }
  return out;
}
function readAgents(): Agent[] {
  return [...filesIn('tests/fixtures/agents', '.agent.json'), ...filesIn('src/lib/agents/templates', '.agent.json')].flatMap((file) => {
    const parsed = parseAgentText(readFileSync(file, 'utf8'));
    return parsed.ok ? [parsed.agent] : [];
  });
}

const RECIPES = readRecipes();
const AGENTS = [...new Map(readAgents().map((a) => [a.id, a])).values()];

function roundTrips(pack: Pack): void {
  const first = exportPack(pack).text;
  const read = parsePackText(first);
  if (!read.ok) throw new Error(`the export does not read back: ${JSON.stringify(read.issues.slice(0, 3))}`);
  expect(exportPack(read.pack).text).toBe(first);
}

const packOf = (recipes: Recipe[], extra: Partial<Pack> = {}): Pack => ({
  format: 'sous.pack/v1', id: 'p', name: 'P', recipes, agents: [], tables: [], exercises: [], policy: null, ...extra
});

describe('packs round-trip byte for byte', () => {
  it(`every recipe and template of the project (${RECIPES.length}), each alone in a pack`, () => {
    expect(RECIPES.length).toBeGreaterThan(40);
    for (const recipe of RECIPES) roundTrips(packOf([recipe]));
  });

  it('the workshop fixture exactly as written, and every agent of the project', () => {
    const text = readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8');
    const read = parsePackText(text);
    if (!read.ok) throw new Error('fixture');
    expect(exportPack(read.pack).text).toBe(text);
    roundTrips(packOf([], { agents: AGENTS }));
  });

  it('keeps empty lists, "policy": null and {} meta when the file had them, and leaves out what it did not', () => {
    const full = parsePack({ format: 'sous.pack/v1', id: 'x', name: 'X', recipes: [], agents: [], tables: [], exercises: [], policy: null, meta: {} });
    const bare = parsePack({ format: 'sous.pack/v1', id: 'x', name: 'X' });
    if (!full.ok || !bare.ok) throw new Error('parse');
    expect(JSON.parse(exportPack(full.pack).text)).toEqual({ format: 'sous.pack/v1', id: 'x', name: 'X', recipes: [], agents: [], tables: [], exercises: [], policy: null, meta: {} });
    expect(exportPack(bare.pack).text).toBe('{\n  "format": "sous.pack/v1",\n  "id": "x",\n  "name": "X"\n}\n');
  });

  it('never writes a secret: a literal credential in a recipe is blanked and named', () => {
    const recipe = RECIPES.find((r) => r.id === 'with-secret');
    expect(JSON.stringify(recipe)).toContain('sk-live-123');
    const done = exportPack(packOf([RECIPES[0], recipe!]));
    expect(done.text).not.toContain('sk-live-123');
    expect(done.removed).toEqual(['recipes[1]: steps[0].input.headers.Authorization']);
  });

  it('generated packs (fast-check)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    const table = fc.record({
      name: word,
      columns: fc.uniqueArray(fc.record({ name: word, type: fc.constantFrom('text', 'number', 'boolean', 'date') }), { minLength: 1, maxLength: 4, selector: (c) => c.name }),
      rows: fc.array(fc.dictionary(word, cell, { maxKeys: 3 }), { maxLength: 4 })
    });
    // Keys that could change a prototype are refused by the parser (tested in parse.test.ts), so not generated.
    const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v)));
    const exercise = fc.record({
      id: word,
      title: fc.string({ minLength: 1, maxLength: 20 }),
      task: fc.string({ maxLength: 40 }),
      recipe: word,
      tests: fc.array(
        fc.record(
          {
            name: fc.string({ minLength: 1, maxLength: 12 }),
            input: json,
            answers: fc.dictionary(word, word, { maxKeys: 2 }),
            expect: fc.record(
              { status: fc.constantFrom('succeeded', 'failed', 'waiting'), output: json, steps: fc.dictionary(word, json, { maxKeys: 2 }), chat: fc.array(fc.record({ channel: word, text_contains: fc.string({ maxLength: 8 }) }, { requiredKeys: [] }), { maxLength: 2 }), error_step: word },
              { requiredKeys: [] }
            )
          },
          { requiredKeys: ['name', 'expect'] }
        ),
        { maxLength: 3 }
      )
    });
    const policy = fc.record(
      { format: fc.constant('sous.policy/v1'), name: fc.string({ minLength: 1, maxLength: 12 }), connectors: fc.record({ allow: fc.array(word, { maxLength: 3 }) }, { requiredKeys: [] }), hosts: fc.array(word, { maxLength: 2 }), ai: fc.boolean() },
      { requiredKeys: ['format', 'name'] }
    );
    const pack = fc.record(
      {
        format: fc.constant('sous.pack/v1'),
        id: word,
        name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && s.trim() === s),
        description: fc.string({ maxLength: 30 }),
        recipes: fc.uniqueArray(fc.constantFrom(...RECIPES), { maxLength: 4, selector: (r) => r.id }),
        agents: fc.uniqueArray(fc.constantFrom(...AGENTS), { maxLength: 2, selector: (a) => a.id }),
        tables: fc.uniqueArray(table, { maxLength: 2, selector: (t) => t.name }),
        exercises: fc.uniqueArray(exercise, { maxLength: 2, selector: (e) => e.id }),
        policy: fc.option(policy, { nil: null }),
        meta: fc.dictionary(word, json, { maxKeys: 3 })
      },
      { requiredKeys: ['format', 'id', 'name'] }
    );
    fc.assert(
      fc.property(pack, (data) => {
        const read = parsePack(JSON.parse(JSON.stringify(data)));
        if (!read.ok) throw new Error(`a generated pack did not read: ${JSON.stringify(read.issues.slice(0, 3))}`);
        roundTrips(read.pack);
      }),
      { numRuns: 150, seed: 15 }
    );
  });
});
