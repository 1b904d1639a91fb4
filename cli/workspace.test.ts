/** The folders of `sous chat`/`sous mcp`: other files passed over, broken or duplicate ones refused by line. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFiles } from './test-kit';
import { loadAgentFolder, loadRecipeFolder } from './workspace';

const recipe = (id: string) => ({ format: 'sous.recipe/v1', id, name: id, trigger: { kind: 'callable', input: [] }, steps: [] });
const agent = (id: string) => ({ format: 'sous.agent/v1', id, name: id, skills: [] });

describe('loadRecipeFolder / loadAgentFolder', () => {
  it('passes over files of other kinds: agents, inputs, bad JSON, non-.json', async () => {
    const dir = tempFiles({ 'r.json': recipe('r'), 'a.agent.json': agent('a'), 'in.json': { name: 'x' }, 'bad.json': '{', 'notes.txt': 'hi' });
    const recipes = await loadRecipeFolder(dir);
    const agents = await loadAgentFolder(dir);
    expect(recipes.ok && recipes.items.map((r) => r.id)).toEqual(['r']);
    expect(agents.ok && agents.items.map((a) => a.id)).toEqual(['a']);
    expect(agents.ok && agents.files.get('a')).toBe(join(dir, 'a.agent.json'));
  });

  it.each([
    ['a broken recipe', { 'x.json': { ...recipe('x'), steps: 'none' } }, /x\.json: steps: /],
    ['a newer recipe format', { 'x.json': { ...recipe('x'), format: 'sous.recipe/v9' } }, /x\.json: format: unknown format "sous\.recipe\/v9"/],
    ['one id in two files', { 'x.json': recipe('x'), 'y.json': recipe('x') }, /y\.json: id: the recipe "x" is also in .*x\.json/]
  ])('refuses %s, one line per problem', async (_what, files, line) => {
    const loaded = await loadRecipeFolder(tempFiles(files));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.lines.join('\n')).toMatch(line);
  });

  it('says which option named a folder that is not there', async () => {
    expect(await loadAgentFolder('/nonexistent/agents')).toEqual({ ok: false, lines: ['sous: --agents /nonexistent/agents: no such folder'] });
  });
});
