/**
 * The field model of a generated form: an action's input JSON Schema (from zod) turned into fields the
 * inspector draws. No connector has form code of its own; everything a form shows comes from here.
 */
import type { JsonSchema } from '../connectors/catalog';
import { fieldHelp, fieldLabel } from './connector-words';

interface FieldBase {
  key: string;
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
}

export type FieldModel = FieldBase &
  (
    | { kind: 'text'; format?: string }
    | { kind: 'number'; integer: boolean; min?: number; max?: number }
    | { kind: 'boolean' }
    | { kind: 'enum'; options: Array<string | number | boolean> }
    | { kind: 'secret' }
    | { kind: 'object'; fields: FieldModel[] }
    | { kind: 'list'; item: FieldModel }
    /** Free keys with values of one kind (`z.record`): HTTP headers, query parameters. */
    | { kind: 'map'; value: FieldModel }
    /** Any value (`z.unknown()`): typed as JSON or given as an expression. */
    | { kind: 'json' }
  );

export type FieldKind = FieldModel['kind'];

/** The fields of an object schema, in the schema's order. */
export function fieldsOf(schema: JsonSchema | undefined): FieldModel[] {
  if (!schema || typeof schema.properties !== 'object') return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties).map(([key, sub]) => fieldOf(key, asSchema(sub), required.has(key)));
}

/** One field for a property; unknown shapes fall back to a free JSON value rather than disappear. */
export function fieldOf(key: string, schema: JsonSchema, required: boolean): FieldModel {
  // The schema's own title stays as its author wrote it; a bare key gets the studio's word for it.
  const base: FieldBase = { key, label: typeof schema.title === 'string' ? schema.title : fieldLabel(key, humanize(key)), required };
  if (typeof schema.description === 'string') base.description = fieldHelp(schema.description);
  if (schema.default !== undefined) base.default = schema.default;
  return { ...base, ...shape(key, schema) } as FieldModel;
}

type Shape = { kind: FieldKind } & Record<string, unknown>;

function shape(key: string, schema: JsonSchema): Shape {
  if ((schema as { secret?: unknown }).secret === true) return { kind: 'secret' };
  if (Array.isArray(schema.enum)) return { kind: 'enum', options: schema.enum.filter(isScalar) };
  if (schema.const !== undefined && isScalar(schema.const)) return { kind: 'enum', options: [schema.const] };
  const alternatives = (schema.anyOf ?? schema.oneOf)?.map(asSchema).filter((s) => s.type !== 'null');
  if (alternatives) {
    if (alternatives.length === 1) return shape(key, { ...alternatives[0], description: schema.description ?? alternatives[0].description });
    const options = alternatives.flatMap((s) => (Array.isArray(s.enum) ? s.enum : s.const !== undefined ? [s.const] : [null]));
    return options.every(isScalar) ? { kind: 'enum', options } : { kind: 'json' };
  }
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter((t) => t !== 'null');
  // A union of scalars (string | number | boolean) is typed as text: the engine keeps what is written.
  if (types.length !== 1) return types.length > 1 && types.every((t) => t !== 'object' && t !== 'array') ? { kind: 'text' } : { kind: 'json' };
  switch (types[0]) {
    case 'string':
      return typeof schema.format === 'string' ? { kind: 'text', format: schema.format } : { kind: 'text' };
    case 'number':
    case 'integer':
      return { kind: 'number', integer: types[0] === 'integer', ...bounds(schema) };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'list', item: fieldOf('item', schema.items && !Array.isArray(schema.items) ? asSchema(schema.items) : {}, true) };
    case 'object': {
      if (schema.properties && Object.keys(schema.properties).length > 0) return { kind: 'object', fields: fieldsOf(schema) };
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') return { kind: 'map', value: fieldOf('value', extra, true) };
      return { kind: 'json' };
    }
    default:
      return { kind: 'json' };
  }
}

/** Bounds people would write; zod's "any safe integer" bounds say nothing and are left out. */
function bounds(schema: JsonSchema): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  if (typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER) out.min = schema.minimum;
  if (typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER) out.max = schema.maximum;
  return out;
}

/** `timeout_ms` → "Timeout ms", `assigneeEmail` → "Assignee email". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The value a new, empty field starts with (a new list item, a new map entry). */
export function emptyValue(field: FieldModel): unknown {
  switch (field.kind) {
    case 'object':
    case 'map':
      return {};
    case 'list':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'enum':
    case 'json':
      return field.default ?? '';
    case 'text':
    case 'secret':
      return '';
  }
}

function asSchema(value: unknown): JsonSchema {
  return value !== null && typeof value === 'object' ? (value as JsonSchema) : {};
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
