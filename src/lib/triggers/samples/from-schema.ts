/**
 * A sample value from a JSON Schema (what `z.toJSONSchema` gives for an event's payload): every property
 * filled with a plausible value for its name and type, enums at their first choice, arrays at their
 * smallest length. Small on purpose: the schemas are the connectors' own, and a sample that still fails
 * its zod schema is caught by the caller (and by the table test over the catalogue).
 */
import { numberFor, textFor } from './values';

type Schema = Record<string, unknown>;

const MAX_DEPTH = 6;

export function sampleFromSchema(schema: unknown, now: Date): unknown {
  return generate(asSchema(schema), '', { root: asSchema(schema), now, depth: 0 });
}

interface Walk {
  root: Schema;
  now: Date;
  depth: number;
}

function generate(schema: Schema, name: string, walk: Walk): unknown {
  if (walk.depth > MAX_DEPTH) return null;
  const next = { ...walk, depth: walk.depth + 1 };
  if (typeof schema.$ref === 'string') return generate(resolve(schema.$ref, walk.root), name, next);
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const choice = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(choice) && choice.length > 0) return generate(choice.find((c) => c.type !== 'null') ?? choice[0], name, next);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return generate(Object.assign({}, ...(schema.allOf as Schema[])), name, next);
  switch (typeOf(schema)) {
    case 'object':
      return objectOf(schema, next);
    case 'array': {
      const items = asSchema(schema.items);
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => generate(items, singular(name), next));
    }
    case 'string':
      return stringOf(schema, name, walk.now);
    case 'integer':
      return Math.round(numberOf(schema, name));
    case 'number':
      return numberOf(schema, name);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return null;
  }
}

/** An optional field that tells of a failure (`problem`, `error`): a made-up sample has none. */
const FAILURE = /problem|error|warning|failure/i;

function objectOf(schema: Schema, walk: Walk): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (!required.has(key) && FAILURE.test(key)) continue;
    out[key] = generate(asSchema(property), key, walk);
  }
  return out;
}

function stringOf(schema: Schema, name: string, now: Date): string {
  let value: string;
  if (schema.format === 'date-time') value = now.toISOString();
  else if (schema.format === 'date') value = now.toISOString().slice(0, 10);
  else if (schema.format === 'email') value = textFor('email', now);
  else if (schema.format === 'uri' || schema.format === 'url') value = 'https://example.com';
  else value = textFor(name, now);
  if (typeof schema.pattern === 'string' && !safeTest(schema.pattern, value)) value = patternGuess(schema.pattern) ?? value;
  if (typeof schema.maxLength === 'number') value = value.slice(0, schema.maxLength);
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) value = value.padEnd(schema.minLength, 'x');
  return value;
}

/** The few patterns the built-in schemas hold (currency codes, country codes); others keep the name's value. */
function patternGuess(pattern: string): string | undefined {
  if (pattern === '^[A-Z]{3}$') return 'EUR';
  if (pattern === '^[A-Z]{2}$') return 'DE';
  return undefined;
}

function numberOf(schema: Schema, name: string): number {
  let value = numberFor(name);
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (min !== undefined && value < min) value = min;
  if (exclusiveMin !== undefined && value <= exclusiveMin) value = exclusiveMin + 1;
  if (max !== undefined && value > max) value = max;
  return value;
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return (schema.type as string[]).find((t) => t !== 'null') ?? 'null';
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function resolve(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) return {};
  let at: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) at = (at as Schema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return asSchema(at);
}

function asSchema(value: unknown): Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : {};
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** `lines` → `line`: an array's items are named for one of them, so their fields read well. */
function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
