/**
 * The model chooser. A ScriptedModelClient stands in for the model's weights (none can be downloaded in a
 * test): it answers from a script and keeps every request, so the prompt and the schema can be checked.
 */
import { describe, expect, it } from 'vitest';
import { ScriptedModelClient } from '../../ai/scripted-model-client';
import type { Recipe } from '../../recipe';
import type { ChooseRequest, SkillView } from '../conversation/ports';
import type { Agent } from '../format';
import { inputFields } from '../skill-schema';
import { createModelChooser, toolSchema } from './model';

const recipe: Recipe = {
  format: 'sous.recipe/v1',
  id: 'register-vendor',
  name: 'Register a vendor',
  description: 'Adds a vendor to the ERP.',
  trigger: {
    kind: 'callable',
    input: [
      { name: 'name', type: 'text', required: true, description: "the vendor's name" },
      { name: 'employees', type: 'number' }
    ]
  },
  steps: [
    {
      id: 'post',
      kind: 'action',
      connector: 'http',
      action: 'request',
      connection: 'erp-prod',
      input: { url: 'https://erp.example/api', headers: { Authorization: 'Bearer sk-live-SECRET' } }
    }
  ]
} as Recipe;
const view: SkillView = { skill: { recipe: recipe.id, examples: ['add a supplier'] }, recipe, fields: inputFields(recipe), effect: { effect: 'write', idempotent: false, writes: ['http.request'] } };
const stock: Agent = { format: 'sous.agent/v1', id: 'stock-genie', name: 'Stock Genie', description: 'Knows the stock.', skills: [] };
const agent: Agent = { format: 'sous.agent/v1', id: 'erp-genie', name: 'ERP Genie', instructions: 'Be brief.', skills: [{ recipe: recipe.id }], agents: ['stock-genie'] };
const request = (text: string): ChooseRequest => ({ text, lang: 'en', agent, skills: [view], handoffs: [stock], history: [] });

describe('createModelChooser', () => {
  it.each([
    ['a skill with the values the message holds', { tool: 'register-vendor', arguments: { name: 'Acme', employees: 12 } }, { kind: 'skill', skill: 'register-vendor', values: { name: 'Acme', employees: 12 } }],
    ['a skill with no values yet', { tool: 'register-vendor', arguments: {} }, { kind: 'skill', skill: 'register-vendor', values: {} }],
    ['null and empty arguments read as not given', { tool: 'register-vendor', arguments: { name: 'Acme', employees: null } }, { kind: 'skill', skill: 'register-vendor', values: { name: 'Acme' } }],
    ['no arguments at all', { tool: 'none' }, { kind: 'none' }],
    ['a hand-off', { tool: 'hand_off', arguments: { agent: 'stock-genie' } }, { kind: 'handoff', agent: 'stock-genie' }],
    ['a question back', { tool: 'ask_which', arguments: { options: ['register-vendor', 'stock-genie'] } }, { kind: 'ambiguous', options: ['register-vendor', 'stock-genie'] }],
    ['nothing fits', { tool: 'none', arguments: {} }, { kind: 'none' }]
  ])('%s', async (_name, answer, expected) => {
    const model = new ScriptedModelClient([answer]);
    expect(await createModelChooser(model).choose(request('anything'))).toEqual(expected);
  });

  it('constrains the answer to one anyOf branch per tool, with the skill inputs all optional', () => {
    const schema = toolSchema(request('x')) as { anyOf: { properties: { tool: { const: string }; arguments: { required?: string[]; properties?: object } } }[] };
    expect(schema.anyOf.map((b) => b.properties.tool.const)).toEqual(['register-vendor', 'hand_off', 'ask_which', 'none']);
    expect(schema.anyOf[0].properties.arguments.required ?? []).toEqual([]);
    expect(Object.keys(schema.anyOf[0].properties.arguments.properties ?? {})).toEqual(['name', 'employees']);
  });

  it('sends the schema and only names, descriptions, fields, examples and instructions: no connection, no secret', async () => {
    const model = new ScriptedModelClient([{ tool: 'none', arguments: {} }]);
    await createModelChooser(model).choose(request('add Acme'));
    const sent = JSON.stringify(model.requests[0]);
    expect(model.requests[0].response_format?.schema).toContain('anyOf');
    for (const wanted of ['Register a vendor', "the vendor's name", 'add a supplier', 'Be brief.', 'Stock Genie']) expect(sent).toContain(wanted);
    for (const secret of ['sk-live-SECRET', 'erp-prod', 'erp.example', 'Authorization']) expect(sent).not.toContain(secret);
  });

  it.each([
    ['the model fails', [new Error('GPU lost')]],
    ['the answer is not JSON, twice', ['nope', 'still nope']],
    ['a wrong type stays wrong after the repair', [{ tool: 'register-vendor', arguments: { employees: 'twelve' } }, { tool: 'register-vendor', arguments: { employees: 'twelve' } }]],
    ['an unknown tool', [{ tool: 'delete-everything', arguments: {} }, { tool: 'delete-everything', arguments: {} }]]
  ])('falls back to basic mode and says so when %s', async (_name, answers) => {
    const choice = await createModelChooser(new ScriptedModelClient(answers)).choose(request('register a vendor'));
    expect(choice.fellBack).toBe(true);
  });

  it('repairs a bad answer once before falling back', async () => {
    const model = new ScriptedModelClient(['not json', { tool: 'hand_off', arguments: { agent: 'stock-genie' } }]);
    expect(await createModelChooser(model).choose(request('stock?'))).toEqual({ kind: 'handoff', agent: 'stock-genie' });
    expect(model.calls).toBe(2);
  });
});
