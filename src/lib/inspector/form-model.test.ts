import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCatalog } from '../connectors/catalog';
import { emptyValue, fieldsOf, humanize, type FieldModel } from './form-model';

const catalog = createCatalog();
const summary = (f: FieldModel): unknown => {
  switch (f.kind) {
    case 'object':
      return { [f.key]: f.fields.map(summary) };
    case 'list':
      return { [f.key]: ['list', summary(f.item)] };
    case 'map':
      return { [f.key]: ['map', summary(f.value)] };
    default:
      return `${f.key}:${f.kind}${f.required ? '!' : ''}`;
  }
};

describe('fieldsOf', () => {
  it('makes the form of http.request', () => {
    const fields = fieldsOf(catalog.inputSchema('http', 'request'));
    expect(fields.map(summary)).toEqual([
      'method:enum',
      'url:text!',
      { headers: ['map', 'value:text!'] },
      { query: ['map', 'value:text!'] },
      'body:json',
      'timeout_ms:number'
    ]);
    expect(fields[0]).toMatchObject({ kind: 'enum', default: 'GET', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] });
    expect(fields[1]).toMatchObject({ kind: 'text', format: 'uri', label: 'Url' });
    expect(fields[5]).toMatchObject({ kind: 'number', integer: true, min: 1, max: 300_000, label: 'Timeout ms' });
  });

  it('makes the form of chat.post', () => {
    expect(fieldsOf(catalog.inputSchema('chat', 'post')).map(summary)).toEqual(['channel:text!', 'text:text!']);
  });

  it('makes every kind of field, secrets included', () => {
    const schema = z.object({
      name: z.string().describe('Who it is for'),
      apiKey: z.string().meta({ secret: true }),
      count: z.number().int().optional(),
      ratio: z.number().min(0).max(1),
      on: z.boolean().default(false),
      color: z.enum(['red', 'green']),
      mode: z.literal('fast'),
      size: z.union([z.literal('s'), z.literal('m')]).nullable(),
      address: z.object({ city: z.string(), zip: z.string().optional() }),
      tags: z.array(z.string()),
      people: z.array(z.object({ email: z.string() })),
      extra: z.record(z.string(), z.number()),
      anything: z.unknown(),
      when: z.date().optional()
    });
    const fields = fieldsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
    expect(fields.map(summary)).toEqual([
      'name:text!',
      'apiKey:secret!',
      'count:number',
      'ratio:number!',
      'on:boolean',
      'color:enum!',
      'mode:enum!',
      'size:enum!',
      { address: ['city:text!', 'zip:text'] },
      { tags: ['list', 'item:text!'] },
      { people: ['list', { item: ['email:text!'] }] },
      { extra: ['map', 'value:number!'] },
      'anything:json!',
      'when:json'
    ]);
    expect(fields[0].description).toBe('Who it is for');
    expect(fields[1].label).toBe('Api key');
    expect(fields[3]).toMatchObject({ min: 0, max: 1, integer: false });
    expect(fields[2]).not.toHaveProperty('min');
    expect(fields[7]).toMatchObject({ options: ['s', 'm'] });
  });

  it('answers no fields for no schema', () => {
    expect(fieldsOf(undefined)).toEqual([]);
  });
});

describe('helpers', () => {
  it.each([
    ['timeout_ms', 'Timeout ms'],
    ['assigneeEmail', 'Assignee email'],
    ['url', 'Url']
  ])('humanize(%s) = %s', (key, label) => expect(humanize(key)).toBe(label));

  it('starts new values empty by kind', () => {
    const [list, map, flag, text] = fieldsOf(
      z.toJSONSchema(z.object({ a: z.array(z.string()), b: z.record(z.string(), z.string()), c: z.boolean(), d: z.string() }))
    );
    expect([list, map, flag, text].map(emptyValue)).toEqual([[], {}, false, '']);
  });
});
