import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRecipeDir } from './recipe-dir';
import { tempFiles } from './test-kit';

const callable = (id: string, extra: Record<string, unknown> = {}) => ({
  format: 'sous.recipe/v1',
  id,
  name: id,
  trigger: { kind: 'callable', input: [] },
  steps: [],
  ...extra
});

describe('openRecipeDir', () => {
  const dir = tempFiles({
    'a.recipe.json': callable('alpha'),
    'named-otherwise.json': callable('beta'),
    'twin-1.json': callable('twin'),
    'twin-2.recipe.json': callable('twin'),
    'broken.recipe.json': callable('broken', { steps: [{ id: 'Bad', kind: 'set', values: {} }] }),
    'input.json': { invoices: [] },
    'expectations.expect.json': { runs: [] },
    'not-json.json': '{ nope',
    'notes.txt': 'not a recipe'
  });

  it('finds recipes by id, whatever the file is called', async () => {
    const opened = await openRecipeDir(dir);
    if (!opened.ok) throw new Error(opened.message);
    expect((await opened.source.get('alpha'))?.recipe.name).toBe('alpha');
    expect(await opened.source.get('beta')).toMatchObject({ recipe: { id: 'beta' }, version: null });
  });

  it('has nothing for an id no recipe file holds (files that are not recipes are passed over)', async () => {
    const opened = await openRecipeDir(dir);
    if (!opened.ok) throw new Error(opened.message);
    expect(await opened.source.get('gamma')).toBeUndefined();
  });

  it('fails the call, naming the files, when two files hold the same id', async () => {
    const opened = await openRecipeDir(dir);
    if (!opened.ok) throw new Error(opened.message);
    await expect(opened.source.get('twin')).rejects.toThrow(
      `recipe "twin" is in more than one file of ${dir}: ${join(dir, 'twin-1.json')}, ${join(dir, 'twin-2.recipe.json')}`
    );
  });

  it('fails the call with the first problem when the recipe file has mistakes', async () => {
    const opened = await openRecipeDir(dir);
    if (!opened.ok) throw new Error(opened.message);
    await expect(opened.source.get('broken')).rejects.toThrow(/^recipe "broken" in .*broken\.recipe\.json is not valid: steps\[0\]\.id: expected a step id/);
  });

  it('refuses a folder that is not there', async () => {
    expect(await openRecipeDir(join(dir, 'missing'))).toEqual({ ok: false, message: `--recipes ${join(dir, 'missing')}: no such folder` });
  });
});
