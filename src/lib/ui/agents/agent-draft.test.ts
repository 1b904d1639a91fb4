import { describe, expect, it } from 'vitest';
import { parseAgent, type Agent } from '../../agents/format';
import type { Recipe } from '../../recipe';
import { agentData, callableRecipes, draftOf, draftProblems, emptyDraft, idForName, keptBoth, skillProblem, uniqueId } from './agent-draft';

const AGENT: Agent = {
  format: 'sous.agent/v1',
  id: 'erp-genie',
  name: 'ERP Genie',
  description: 'Registers vendors.',
  skills: [
    { recipe: 'register-vendor', examples: ['register a vendor', '업체 등록해줘'] },
    { recipe: 'vendor-invoices', confirm: false }
  ],
  agents: ['stock-genie']
};

const recipe = (id: string, kind: 'callable' | 'manual'): Recipe =>
  ({ format: 'sous.recipe/v1', id, name: id.toUpperCase(), trigger: kind === 'callable' ? { kind, input: [] } : { kind }, steps: [] }) as Recipe;

describe('agent drafts', () => {
  it('an agent goes through the form and back unchanged', () => {
    const back = parseAgent(agentData(draftOf(AGENT)));
    expect(back).toEqual({ ok: true, agent: AGENT });
  });

  it('blank texts and examples are left out, and confirm choices map to the override', () => {
    const draft = { ...emptyDraft(), id: 'helper', name: ' Helper ', description: '  ', skills: [{ recipe: 'a', examples: ['', ' go '], confirm: 'always' as const }, { recipe: 'b', examples: [' '], confirm: 'never' as const }, { recipe: 'c', examples: [], confirm: 'default' as const }] };
    expect(agentData(draft)).toEqual({
      format: 'sous.agent/v1',
      id: 'helper',
      name: 'Helper',
      skills: [{ recipe: 'a', examples: ['go'], confirm: true }, { recipe: 'b', confirm: false }, { recipe: 'c' }]
    });
  });

  it.each([
    ['no name', { ...emptyDraft(), id: 'x' }, ['An agent needs a name.']],
    ['a bad id', { ...emptyDraft(), id: 'Bad Id', name: 'X' }, [expect.stringMatching(/^id: /)]],
    ['the same skill twice', { ...emptyDraft(), id: 'x', name: 'X', skills: [{ recipe: 'a', examples: [], confirm: 'default' as const }, { recipe: 'a', examples: [], confirm: 'default' as const }] }, ['skills[1].recipe: "a" is already skills[0]']],
    ['handing on to itself', { ...emptyDraft(), id: 'x', name: 'X', agents: ['x'] }, ['agents[0]: an agent cannot hand a request on to itself']],
    ['a good one', { ...emptyDraft(), id: 'x', name: 'X' }, []]
  ])('problems: %s', (_, draft, problems) => {
    expect(draftProblems(draft)).toEqual(problems);
  });

  it.each([
    ['ERP Genie', [], 'erp-genie'],
    ['ERP Genie', ['erp-genie'], 'erp-genie-2'],
    ['ERP Genie', ['erp-genie', 'erp-genie-2'], 'erp-genie-3'],
    ['재무 지니', [], 'agent']
  ])('a new agent named %s (taken %j) gets id %s', (name, taken, id) => {
    expect(idForName(name, taken)).toBe(id);
  });

  it('ids stay slugs of at most 64 characters', () => {
    const long = 'a'.repeat(64);
    expect(uniqueId(long, [long])).toBe(`${'a'.repeat(62)}-2`);
  });

  it('keep both gives the imported agent a free id and a name that tells the two apart', () => {
    expect(keptBoth(AGENT, ['erp-genie'])).toMatchObject({ id: 'erp-genie-2', name: 'ERP Genie (erp-genie-2)', skills: AGENT.skills });
  });

  it('only callable recipes may be skills; a missing or manual one is named', () => {
    const all = [recipe('zeta', 'callable'), recipe('manual-one', 'manual'), recipe('alpha', 'callable')];
    expect(callableRecipes(all).map((r) => r.id)).toEqual(['alpha', 'zeta']);
    const byId = new Map(all.map((r) => [r.id, r]));
    expect(skillProblem({ recipe: 'alpha' }, byId)).toBeUndefined();
    expect(skillProblem({ recipe: 'manual-one' }, byId)).toBe('“MANUAL-ONE” is not callable (its trigger is manual)');
    expect(skillProblem({ recipe: 'gone' }, byId)).toBe('there is no recipe "gone" in this workspace');
  });
});
