import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { RecipeSchema, type Job } from '../recipe';
import { madeUpSample } from '../triggers/samples';
import { pillFacts, typeOfSchema, typeOfValue } from './pill-types';
import { listPills } from './pills';

describe('pill types', () => {
  it.each([
    ['kim@acme.kr', 'text'],
    ['2026-03-01', 'date'],
    ['2026-03-01T09:30:00.000Z', 'date'],
    [42, 'number'],
    [false, 'boolean'],
    [[1, 2], 'list'],
    [{ id: 1 }, 'object'],
    [null, 'unknown'],
    [undefined, 'unknown']
  ])('%j is %s', (value, type) => expect(typeOfValue(value)).toBe(type));

  it.each([
    [{ type: 'string' }, 'text'],
    [{ type: 'string', format: 'date-time' }, 'date'],
    [{ type: 'integer' }, 'number'],
    [{ type: ['boolean', 'null'] }, 'boolean'],
    [{ type: 'array', items: {} }, 'list'],
    [{ type: 'object' }, 'object'],
    [{ enum: ['a', 'b'] }, 'text'],
    [{ anyOf: [{ type: 'number' }, { type: 'null' }] }, 'number'],
    [{}, 'unknown']
  ])('schema %j is %s', (schema, type) => expect(typeOfSchema(schema as never)).toBe(type));

  it('says a pill in words: type and value', () => {
    expect(pillFacts({ type: 'text', preview: '"kim@acme.kr"' })).toBe('text · "kim@acme.kr"');
    expect(pillFacts({ type: 'list', count: 3, preview: '[3 items]' })).toBe('list of 3');
    expect(pillFacts({ type: 'unknown', preview: '' })).toBe('');
  });
});

const catalog = createCatalog();
const recipe = RecipeSchema.parse({
  format: 'sous.recipe/v1',
  id: 'mail',
  name: 'Mail',
  trigger: { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' },
  steps: [
    { id: 'search', kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', input: { query: '{{ trigger.from_email }}' } },
    { id: 'missing', kind: 'if', condition: '{{ true }}', then: [] }
  ]
});

describe('pills before and after the first run', () => {
  const sample = { from: 'Kim <kim@acme.kr>', from_name: 'Kim', from_email: 'kim@acme.kr', to: 'ap@sous.example', subject: 'Invoice', body: '', received_at: '2026-03-01T09:00:00.000Z', attachments: [] };
  const byExpression = (pills: ReturnType<typeof listPills>) => new Map(pills.map((p) => [p.expression, p]));

  it('shows the trigger sample’s values and types before any job', () => {
    const pills = byExpression(listPills(recipe, 'missing', catalog, undefined, sample));
    expect(pills.get('trigger.from_email')).toMatchObject({ type: 'text', preview: '"kim@acme.kr"', source: 'sample' });
    expect(pills.get('trigger.received_at')).toMatchObject({ type: 'date', source: 'sample' });
    expect(pills.get('trigger.attachments')).toMatchObject({ type: 'list', count: 0 });
    // A step that has not run yet: its type from the output schema, no value.
    expect(pills.get('steps.search.vendors')).toMatchObject({ type: 'list', preview: '', source: '' });
  });

  it('prefers the latest job to the sample', () => {
    const job: Job = {
      id: 'j', recipe_id: 'mail', recipe_version: 1, status: 'succeeded', started_at: 't', finished_at: 't',
      trigger: { ...sample, from_email: 'lee@bluefin.example' },
      steps: [{ step_id: 'search', path: 'search', kind: 'action', status: 'succeeded', attempt: 1, started_at: 't', output: { vendors: [{ id: 'v1' }, { id: 'v2' }] } }]
    } as Job;
    const pills = byExpression(listPills(recipe, 'missing', catalog, job, sample));
    expect(pills.get('trigger.from_email')).toMatchObject({ preview: '"lee@bluefin.example"', source: 'job' });
    expect(pills.get('steps.search.vendors')).toMatchObject({ type: 'list', count: 2, source: 'job' });
  });

  it('works from a made-up sample for every trigger of the catalogue', () => {
    const made = madeUpSample(recipe.trigger, { connectors: catalog }).value;
    const pills = byExpression(listPills(recipe, 'missing', catalog, undefined, made));
    expect(pills.get('trigger.from_email')?.type).toBe('text');
  });
});
