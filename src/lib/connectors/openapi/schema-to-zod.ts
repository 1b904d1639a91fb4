/**
 * JSON Schema (as OpenAPI 3.0 and 3.1 write it) to zod, for an action's input and output. It covers type,
 * properties/required, additionalProperties, enum/const, items, oneOf/anyOf/allOf, nullable (3.0) and type
 * lists with "null" (3.1), the common formats and number/string/array bounds; what zod cannot say (not,
 * if/then/else, patterns) becomes a free value rather than an error.
 *
 * `$ref`s become `z.lazy` schemas shared per reference, so a recursive schema (a comment with replies)
 * works and a spec of thousands of schemas costs only what its actions use. `pattern` is ignored on
 * purpose: a regular expression from a pasted document could hang the worker (ReDoS).
 * zod 4.6's `z.fromJSONSchema` exists but is marked experimental, throws on `not` and if/then/else, only
 * follows `$defs` refs and compiles `pattern`s, so it does not fit documents from strangers.
 */
import { z } from 'zod';
import { isObject, type OpenApiDocument } from './document';
import { resolvePointer } from './refs';

/** `input`: what a step sends (strict where the schema says so); `output`: what an API answers (lenient). */
export type SchemaMode = 'input' | 'output';

const MAX_DEPTH = 48;
/**
 * How many `$ref`s deep an output schema is described. Outputs are only read for data pills (the engine
 * does not check them); Stripe's expandable objects would otherwise describe megabytes per action. With
 * these caps the largest output of the Stripe, GitHub and Jira fixtures is under 100 kB of JSON Schema.
 */
const MAX_OUTPUT_REFS = 1;
/** Likewise, how deeply nested (objects, lists, alternatives) an output is described within one schema. */
const MAX_OUTPUT_DEPTH = 8;
const MAX_DESCRIPTION = 300;

export class SchemaConverter {
  private readonly refs = new Map<string, z.ZodType>();

  constructor(private readonly doc: OpenApiDocument) {}

  convert(schema: unknown, mode: SchemaMode): z.ZodType {
    return this.walk(schema, mode, 0, 0);
  }

  private ref(ref: string, mode: SchemaMode, refs: number): z.ZodType {
    if (mode === 'output' && refs > MAX_OUTPUT_REFS) return z.unknown();
    const level = mode === 'output' ? refs : 0;
    const key = `${mode} ${level} ${ref}`;
    let found = this.refs.get(key);
    if (!found) {
      let target: z.ZodType | undefined;
      found = z.lazy(() => {
        if (!target) {
          let value: unknown;
          try {
            value = resolvePointer(this.doc, ref);
          } catch {
            value = {};
          }
          // A ref to a ref is followed by walk; depth restarts, the shared lazy ends any loop.
          target = this.walk(value, mode, 0, level + 1);
        }
        return target;
      });
      this.refs.set(key, found);
    }
    return found;
  }

  private walk(schema: unknown, mode: SchemaMode, depth: number, refs: number): z.ZodType {
    if (schema === true || schema === undefined) return z.unknown();
    if (schema === false) return z.never();
    if (!isObject(schema) || depth > (mode === 'output' ? MAX_OUTPUT_DEPTH : MAX_DEPTH)) return z.unknown();
    if (typeof schema.$ref === 'string') return this.ref(schema.$ref, mode, refs);
    let out = this.base(schema, mode, depth, refs);
    if (schema.nullable === true && !(out instanceof z.ZodNullable)) out = out.nullable();
    if (typeof schema.description === 'string' && schema.description) {
      const text = schema.description.length > MAX_DESCRIPTION ? `${schema.description.slice(0, MAX_DESCRIPTION)}…` : schema.description;
      out = out.describe(text);
    }
    return out;
  }

  private base(s: Record<string, unknown>, mode: SchemaMode, depth: number, refs: number): z.ZodType {
    const next = (sub: unknown) => this.walk(sub, mode, depth + 1, refs);
    if ('const' in s) return literalOf([s.const]);
    if (Array.isArray(s.enum)) return s.enum.length ? literalOf(s.enum) : z.unknown();
    if (Array.isArray(s.allOf)) return this.allOf(s, mode, depth, refs);
    const alternatives = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
    if (alternatives && alternatives.length) {
      const members = alternatives.map(next);
      return members.length === 1 ? members[0] : z.union(members as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    }
    const types = Array.isArray(s.type) ? (s.type as unknown[]).filter((t): t is string => typeof t === 'string') : typeof s.type === 'string' ? [s.type] : inferTypes(s);
    if (types.length === 0) return z.unknown();
    const nonNull = types.filter((t) => t !== 'null');
    const members = nonNull.map((t) => this.typed(t, s, mode, next));
    let out: z.ZodType = members.length === 0 ? z.null() : members.length === 1 ? members[0] : z.union(members as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    if (nonNull.length && nonNull.length < types.length) out = out.nullable();
    return out;
  }

  private typed(type: string, s: Record<string, unknown>, mode: SchemaMode, next: (sub: unknown) => z.ZodType): z.ZodType {
    switch (type) {
      case 'string':
        return stringOf(s, mode);
      case 'integer':
      case 'number':
        return numberOf(type, s);
      case 'boolean':
        return z.boolean();
      case 'array': {
        let arr = z.array(next(s.items));
        if (typeof s.minItems === 'number') arr = arr.min(s.minItems);
        if (typeof s.maxItems === 'number' && mode === 'input') arr = arr.max(s.maxItems);
        return arr;
      }
      case 'object':
        return this.object(s, mode, next);
      default:
        return z.unknown();
    }
  }

  private object(s: Record<string, unknown>, mode: SchemaMode, next: (sub: unknown) => z.ZodType): z.ZodType {
    const props = isObject(s.properties) ? s.properties : {};
    const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
    const shape: Record<string, z.ZodType> = {};
    for (const [name, sub] of Object.entries(props)) {
      // A read-only property (an id the server gives) is never required of a caller.
      const readOnly = isObject(sub) && sub.readOnly === true;
      const field = next(sub);
      shape[name] = required.has(name) && !(mode === 'input' && readOnly) ? field : field.optional();
    }
    const extra = s.additionalProperties;
    if (Object.keys(shape).length === 0 && isObject(extra)) return z.record(z.string(), next(extra));
    if (extra === false && mode === 'input') return z.strictObject(shape);
    return z.looseObject(shape);
  }

  /** allOf of object schemas is merged into one object (the usual "Base and more" form); else intersected. */
  private allOf(s: Record<string, unknown>, mode: SchemaMode, depth: number, refs: number): z.ZodType {
    const parts = [...(s.allOf as unknown[]), ...(s.properties || s.type ? [{ ...s, allOf: undefined }] : [])];
    const merged = mergeObjects(this.doc, parts, 0);
    if (merged) return this.walk(merged, mode, depth + 1, refs);
    const members = parts.map((p) => this.walk(p, mode, depth + 1, refs));
    return members.reduce((a, b) => z.intersection(a, b));
  }
}

function inferTypes(s: Record<string, unknown>): string[] {
  if (isObject(s.properties) || isObject(s.additionalProperties)) return ['object'];
  if ('items' in s) return ['array'];
  return [];
}

function literalOf(values: unknown[]): z.ZodType {
  const nullable = values.includes(null);
  const rest = values.filter((v) => v !== null);
  const prim = rest.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v));
  let out: z.ZodType;
  if (prim.length === 0) out = rest.length ? z.unknown() : z.null();
  else if (prim.every((v) => typeof v === 'string')) out = z.enum([...new Set(prim as string[])] as [string, ...string[]]);
  else out = prim.length === 1 ? z.literal(prim[0]) : z.union(prim.map((v) => z.literal(v)) as unknown as [z.ZodType, z.ZodType]);
  return nullable && prim.length ? out.nullable() : out;
}

function stringOf(s: Record<string, unknown>, mode: SchemaMode): z.ZodType {
  if (mode === 'output') return z.string();
  let str: z.ZodString | z.ZodType;
  switch (s.format) {
    case 'email':
      str = z.email();
      break;
    case 'uri':
    case 'url':
      str = z.url();
      break;
    case 'uuid':
      str = z.uuid();
      break;
    case 'date-time':
      str = z.iso.datetime({ offset: true, local: true });
      break;
    case 'date':
      str = z.iso.date();
      break;
    default:
      str = z.string();
  }
  if (str instanceof z.ZodString) {
    if (typeof s.minLength === 'number') str = str.min(s.minLength);
    if (typeof s.maxLength === 'number') str = (str as z.ZodString).max(s.maxLength);
  }
  return str;
}

function numberOf(type: string, s: Record<string, unknown>): z.ZodType {
  let num = type === 'integer' ? z.number().int() : z.number();
  const exMin = s.exclusiveMinimum;
  const exMax = s.exclusiveMaximum;
  if (typeof s.minimum === 'number') num = exMin === true ? num.gt(s.minimum) : num.min(s.minimum);
  if (typeof s.maximum === 'number') num = exMax === true ? num.lt(s.maximum) : num.max(s.maximum);
  if (typeof exMin === 'number') num = num.gt(exMin);
  if (typeof exMax === 'number') num = num.lt(exMax);
  return num;
}

/** Merge allOf parts that are all objects (following refs); undefined when one is not. */
function mergeObjects(doc: OpenApiDocument, parts: unknown[], depth: number): Record<string, unknown> | undefined {
  if (depth > 10) return undefined;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  let closed = false;
  let description: unknown;
  for (let part of parts) {
    const seen = new Set<string>();
    while (isObject(part) && typeof part.$ref === 'string') {
      if (seen.has(part.$ref)) return undefined;
      seen.add(part.$ref);
      try {
        part = resolvePointer(doc, part.$ref);
      } catch {
        return undefined;
      }
    }
    if (!isObject(part)) return undefined;
    let obj: Record<string, unknown> | undefined = part;
    if (Array.isArray(part.allOf)) obj = mergeObjects(doc, [...part.allOf, { ...part, allOf: undefined }], depth + 1);
    if (!obj) return undefined;
    const isObj = obj.type === 'object' || isObject(obj.properties) || (obj.type === undefined && !obj.oneOf && !obj.anyOf && !obj.enum && !obj.items);
    if (!isObj || obj.oneOf || obj.anyOf) return undefined;
    Object.assign(properties, isObject(obj.properties) ? obj.properties : {});
    if (Array.isArray(obj.required)) required.push(...obj.required);
    if (obj.additionalProperties === false) closed = true;
    description ??= obj.description;
  }
  // Parts that each close themselves cannot be merged faithfully into one closed object: keep it open.
  void closed;
  return { type: 'object', properties, required: [...new Set(required)], ...(description ? { description } : {}) };
}
