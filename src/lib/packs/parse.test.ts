import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack, parsePackText } from '.';

const WORKSHOP = readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8');
const base = () => JSON.parse(WORKSHOP);
const problems = (data: unknown) => {
  const read = parsePack(data);
  return read.ok ? [] : read.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('pack files', () => {
  it('reads the workshop pack: recipes, tables, sandbox seed, exercises and its policy', () => {
    const read = parsePackText(WORKSHOP);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.pack.recipes.map((r) => r.id)).toEqual(['flag-big-starter']);
    expect(read.pack.exercises.map((e) => e.id)).toEqual(['flag-big', 'add-vendor']);
    expect(read.pack.policy?.name).toBe('Workshop rules');
    expect(read.pack.tables[0].rows).toEqual([{ tier: 'gold', discount: 10 }]);
  });

  it('only format, id and name are needed', () => {
    expect(parsePack({ format: 'sous.pack/v1', id: 'tiny', name: 'Tiny' })).toMatchObject({ ok: true, pack: { recipes: [], agents: [], exercises: [], policy: null } });
  });

  it('names each problem by its place in the pack, the inner files by their own rules', () => {
    const pack = base();
    pack.recipes[0].steps[0].kind = 'loop';
    pack.recipes.push({ ...pack.recipes[0], steps: [] });
    pack.exercises[1].starter = 'missing';
    pack.policy.connectors = { allow: 'chat' };
    pack.sandbox.erp.suppliers = [];
    const found = problems(pack);
    expect(found.some((p) => p.startsWith('recipes[0].steps[0]'))).toBe(true);
    expect(found).toContain('recipes[1].id: "flag-big-starter" is already recipes[0]');
    expect(found).toContain('exercises[1].starter: there is no recipe "missing" in the pack to start from');
    expect(found.some((p) => p.startsWith('policy.connectors.allow'))).toBe(true);
    expect(found.some((p) => p.startsWith('sandbox.erp.suppliers: the erp app has no collection "suppliers"'))).toBe(true);
  });

  it.each([
    [{ format: 'sous.recipe/v1', id: 'x', name: 'x' }, 'format: unknown format "sous.recipe/v1"'],
    [{ id: 'x', name: 'x' }, 'format: missing'],
    [[], 'not a pack'],
    [{ format: 'sous.pack/v1', id: 'x', name: 'x', extra: 1 }, 'extra'],
    [JSON.parse('{"format":"sous.pack/v1","id":"x","name":"x","__proto__":{}}'), '__proto__']
  ])('refuses a file that is not a pack clearly: %j', (data, words) => {
    expect(problems(data).join('\n')).toContain(words);
  });
});
