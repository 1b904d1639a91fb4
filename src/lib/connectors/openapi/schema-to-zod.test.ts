/** JSON Schema → zod, one keyword at a time: each row a schema, a value it takes and one it refuses. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OpenApiDocument } from './document';
import { SchemaConverter } from './schema-to-zod';

const doc = {
  openapi: '3.0.3',
  paths: {},
  components: {
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' }, value: { type: 'string' } }, required: ['value'] }
    }
  }
} as unknown as OpenApiDocument;
const input = (schema: unknown) => new SchemaConverter(doc).convert(schema, 'input');

describe('schemas for inputs', () => {
  it.each([
    ['string', { type: 'string', minLength: 2 }, 'ab', 'a'],
    ['integer with bounds', { type: 'integer', minimum: 1, maximum: 10 }, 5, 5.5],
    ['exclusive bound (3.0)', { type: 'number', minimum: 0, exclusiveMinimum: true }, 0.1, 0],
    ['exclusive bound (3.1)', { type: 'number', exclusiveMaximum: 1 }, 0.9, 1],
    ['boolean', { type: 'boolean' }, true, 'yes'],
    ['enum', { type: 'string', enum: ['a', 'b'] }, 'a', 'c'],
    ['mixed enum', { enum: [1, 'one'] }, 1, 2],
    ['const', { const: 'fixed' }, 'fixed', 'other'],
    ['array of items', { type: 'array', items: { type: 'integer' }, maxItems: 2 }, [1, 2], [1, 2, 3]],
    ['required property', { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'number' } } }, { a: 'x' }, { b: 1 }],
    ['extra keys allowed by default', { type: 'object', properties: { a: { type: 'string' } } }, { a: 'x', z: 1 }, { a: 1 }],
    ['additionalProperties: false', { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, { a: 'x' }, { a: 'x', z: 1 }],
    ['a map', { type: 'object', additionalProperties: { type: 'number' } }, { x: 1 }, { x: 'one' }],
    ['nullable (3.0)', { type: 'string', nullable: true }, null, 1],
    ['type list with null (3.1)', { type: ['integer', 'null'] }, null, 'x'],
    ['oneOf', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, 3, true],
    ['anyOf', { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }] }, ['x'], 3],
    ['allOf merges objects', { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }] }, { id: 1, name: 'n' }, { id: 1 }],
    ['email', { type: 'string', format: 'email' }, 'ann@example.com', 'ann'],
    ['date-time', { type: 'string', format: 'date-time' }, '2024-01-02T03:04:05Z', '2024-01-02'],
    ['date', { type: 'string', format: 'date' }, '2024-01-02', '02/01/2024'],
    ['uuid', { type: 'string', format: 'uuid' }, '123e4567-e89b-42d3-a456-426614174000', '123'],
    ['a recursive $ref', { $ref: '#/components/schemas/Node' }, { value: 'a', next: { value: 'b' } }, { value: 'a', next: {} }],
    ['false', false, undefined, 1]
  ])('%s', (_name, schema, good, bad) => {
    const zod = input(schema);
    if (good !== undefined) expect(zod.safeParse(good).success).toBe(true);
    expect(zod.safeParse(bad).success).toBe(false);
  });

  it.each([
    ['not', { not: { type: 'string' } }],
    ['if/then', { if: { type: 'string' }, then: { minLength: 1 } }],
    ['no type at all', {}],
    ['a pattern (ignored: no regular expressions from strangers)', { type: 'string', pattern: '^(a+)+$' }],
    ['a ref to nothing', { $ref: '#/components/schemas/Missing' }]
  ])('what zod cannot say is free: %s', (_name, schema) => {
    const zod = input(schema);
    expect(zod.safeParse('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!').success).toBe(true);
  });

  it('marks read-only properties optional in inputs, and keeps descriptions', () => {
    const zod = input({ type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string', description: 'What to call it' } } });
    expect(zod.safeParse({ name: 'x' }).success).toBe(true);
    const json = z.toJSONSchema(zod, { io: 'input' }) as { properties: Record<string, { description?: string }> };
    expect(json.properties.name.description).toBe('What to call it');
  });
});

describe('schemas for outputs', () => {
  it('are lenient about formats and keep unknown keys', () => {
    const out = new SchemaConverter(doc).convert({ type: 'object', properties: { at: { type: 'string', format: 'date-time' } } }, 'output');
    expect(out.parse({ at: 'yesterday', extra: 1 })).toEqual({ at: 'yesterday', extra: 1 });
  });
  it('describe a recursive schema only a few refs deep', () => {
    const out = new SchemaConverter(doc).convert({ $ref: '#/components/schemas/Node' }, 'output');
    const text = JSON.stringify(z.toJSONSchema(out, { io: 'output' }));
    expect(text.length).toBeLessThan(5000);
  });
});
