/** Tools from recipes: name, description, schemas and annotations as docs/agent-format.md says. */
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../recipe';
import type { RecipeEffect } from '../../connectors/effects';
import { mcpTool, outputJsonSchema } from './tools';

const READ: RecipeEffect = { effect: 'read', idempotent: true, writes: [] };
const WRITE: RecipeEffect = { effect: 'write', idempotent: false, writes: ['sandbox.erp.vendors.create'] };

function recipe(trigger: Recipe['trigger'], extra: Partial<Recipe> = {}): Recipe {
  return { format: 'sous.recipe/v1', id: 'r', name: 'The R', trigger, steps: [], ...extra };
}

describe('mcpTool', () => {
  it.each([
    ['a read recipe', READ, { title: 'The R', readOnlyHint: true, destructiveHint: false, idempotentHint: true }],
    ['a write recipe', WRITE, { title: 'The R', readOnlyHint: false, destructiveHint: true, idempotentHint: false }],
    ['an idempotent write', { ...WRITE, idempotent: true }, { title: 'The R', readOnlyHint: false, destructiveHint: true, idempotentHint: true }]
  ])('%s: annotations from its effect', (_what, effect, annotations) => {
    expect(mcpTool({ recipe: recipe({ kind: 'callable', input: [] }), effect }).annotations).toEqual(annotations);
  });

  it.each([
    ['its description', { description: '  Finds things.  ' }, 'Finds things.'],
    ['its name without one', {}, 'The R'],
    ['its name for a blank one', { description: ' ' }, 'The R']
  ])('describes the tool by %s', (_what, extra, description) => {
    expect(mcpTool({ recipe: recipe({ kind: 'callable', input: [] }, extra), effect: READ }).description).toBe(description);
  });

  it('takes the trigger fields as the inputSchema: types, descriptions, required, nothing else allowed', () => {
    const tool = mcpTool({
      recipe: recipe({
        kind: 'callable',
        input: [
          { name: 'name', type: 'text', required: true, description: 'who' },
          { name: 'amount', type: 'number' },
          { name: 'lines', type: 'list', items: [{ name: 'sku', type: 'text', required: true }, { name: 'quantity', type: 'number', required: true }] }
        ]
      }),
      effect: READ
    });
    expect(tool.name).toBe('r');
    expect(tool.inputSchema).toMatchObject({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'who' },
        amount: { type: 'number' },
        lines: { type: 'array', items: { type: 'object', required: ['sku', 'quantity'] } }
      },
      required: ['name'],
      additionalProperties: false
    });
  });

  it('has an object inputSchema for a recipe with no fields', () => {
    expect(mcpTool({ recipe: recipe({ kind: 'callable', input: [] }), effect: READ }).inputSchema).toMatchObject({ type: 'object', properties: {} });
  });
});

describe('outputJsonSchema', () => {
  const schema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
  it.each([
    ['none given', undefined, undefined],
    ['a JSON Schema object, as it is', schema, schema],
    ['a schema whose root is not an object (MCP allows only objects)', { type: 'array' }, undefined],
    ['something else', 'an id', undefined]
  ])('%s', (_what, output, expected) => {
    expect(outputJsonSchema(recipe({ kind: 'callable', input: [], output }))).toEqual(expected);
  });

  it('converts a list of fields as the input is, allowing more keys than it lists', () => {
    const out = outputJsonSchema(recipe({ kind: 'callable', input: [], output: [{ name: 'id', type: 'text', required: true }, { name: 'n', type: 'number' }] }));
    expect(out).toMatchObject({ type: 'object', properties: { id: { type: 'string' }, n: { type: 'number' } }, required: ['id'] });
    expect(out).not.toHaveProperty('additionalProperties');
  });

  it('is none for a recipe that is not callable', () => {
    expect(outputJsonSchema(recipe({ kind: 'manual' }))).toBeUndefined();
  });
});
