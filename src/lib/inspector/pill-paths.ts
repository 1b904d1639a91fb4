/**
 * Paths into a value or a JSON Schema, written as JSONata (`steps.fetch.body.id`), for data pills. A name
 * that is not a plain identifier (`fetch-user`, `in`) is quoted with backticks, as JSONata wants.
 */
import type { JsonSchema } from '../connectors/catalog';
import { t } from '../i18n';

export interface PathEntry {
  /** Keys after the base, for a label: `body › id`. */
  keys: string[];
  expression: string;
  value?: unknown;
  /** The schema of the value at this path (schemaPaths), for its type. */
  schema?: JsonSchema;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATORS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);
export const MAX_DEPTH = 3;
const MAX_KEYS = 40;

/** `fetch-user` → `` `fetch-user` ``; `body` → `body`. */
export function segment(name: string): string {
  return IDENT.test(name) && !OPERATORS.has(name) ? name : '`' + name.replaceAll('`', '') + '`';
}

export function join(base: string, name: string): string {
  return `${base}.${segment(name)}`;
}

/** Every path inside a value, depth first; a list of objects offers its elements' keys (JSONata maps). */
export function dataPaths(value: unknown, base: string, keys: string[] = [], depth = 0): PathEntry[] {
  const out: PathEntry[] = [];
  const item = Array.isArray(value) ? value.find((v) => isObject(v)) : value;
  if (depth >= MAX_DEPTH || !isObject(item)) return out;
  for (const [key, child] of Object.entries(item).slice(0, MAX_KEYS)) {
    const expression = join(base, key);
    const at = [...keys, key];
    out.push({ keys: at, expression, value: Array.isArray(value) ? value.map((v) => (isObject(v) ? v[key] : undefined)).filter((v) => v !== undefined) : child });
    out.push(...dataPaths(child, expression, at, depth + 1));
  }
  return out;
}

/** Every property path a JSON Schema describes (objects, and the elements of lists). */
export function schemaPaths(schema: JsonSchema | undefined, base: string, keys: string[] = [], depth = 0): PathEntry[] {
  const out: PathEntry[] = [];
  if (!schema || depth >= MAX_DEPTH) return out;
  const inner = schema.type === 'array' && schema.items && !Array.isArray(schema.items) ? (schema.items as JsonSchema) : schema;
  for (const [key, child] of Object.entries(inner.properties ?? {}).slice(0, MAX_KEYS)) {
    const expression = join(base, key);
    const at = [...keys, key];
    const sub = child && typeof child === 'object' ? (child as JsonSchema) : undefined;
    out.push({ keys: at, expression, schema: sub });
    if (sub) out.push(...schemaPaths(sub, expression, at, depth + 1));
  }
  return out;
}

/** A short, one-line look at a value for a pill: `"Ada"`, `42`, `[3 items]`, `{id, name…}`. */
export function summarize(value: unknown, max = 48): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return cut(JSON.stringify(value), max);
  if (Array.isArray(value)) return t('inspector:pills.items', { count: value.length });
  if (isObject(value)) {
    const keys = Object.keys(value);
    return cut(`{${keys.join(', ')}}`, max);
  }
  return cut(String(value), max);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
