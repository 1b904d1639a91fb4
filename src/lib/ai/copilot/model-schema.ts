/**
 * The recipe JSON Schema as the model's grammar gets it. `z.toJSONSchema(RecipeSchema)` is the source; the
 * grammar engine (WebLLM's XGrammar) cannot take every keyword in it (regex lookaheads in `pattern`,
 * `propertyNames`), so those are dropped here: a simpler schema that every valid recipe still passes. The
 * full recipe parser checks the answer afterwards, and its problems go back to the model for repair.
 */
import { z } from 'zod';
import { RecipeSchema } from '../../recipe';
import type { CatalogEntry } from './draft-result';

/**
 * Keywords the grammar cannot take (or that only restrict): dropped, the full check comes after.
 * `minLength`/`maxLength`: XGrammar 0.1.27 (WebLLM 0.2.86's) turns a length-bounded string into
 * `[^"\\\r\n]{n,}`, which lets a raw tab or other control character in (not JSON) and no escape at all
 * (mlc-ai/xgrammar#800); found by src/lib/ai/grammar's constrained decoding.
 */
const DROPPED = new Set(['$schema', 'pattern', 'propertyNames', 'default', 'format', 'minLength', 'maxLength']);

/** A copy of `schema` without the DROPPED keywords, at any depth (also inside `$defs`). */
export function simplifySchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplifySchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    // `properties` maps names to schemas: its keys are property names, never keywords.
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, simplifySchema(v)])) : simplifySchema(value);
  }
  return out;
}

/** The full recipe schema (for reference and tests): what the parser checks. */
export function fullRecipeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RecipeSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * The schema of the copilot's answer: `{recipe, assumptions}`, the recipe simplified for the grammar and its
 * action steps' `connector` limited to the catalogue's connectors (so the model cannot invent one).
 */
export function draftAnswerSchema(catalog: CatalogEntry[]): Record<string, unknown> {
  const recipe = simplifySchema(fullRecipeJsonSchema()) as Record<string, unknown>;
  const defs = recipe.$defs as Record<string, unknown> | undefined;
  delete recipe.$defs;
  const ids = catalog.map((c) => c.connector);
  if (ids.length > 0) limitActionConnectors(defs ?? {}, ids);
  return {
    type: 'object',
    properties: { recipe, assumptions: { type: 'array', items: { type: 'string' } } },
    required: ['recipe', 'assumptions'],
    additionalProperties: false,
    ...(defs ? { $defs: defs } : {})
  };
}

function limitActionConnectors(node: unknown, ids: string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => limitActionConnectors(n, ids));
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, any>;
  if (obj.type === 'object' && obj.properties?.kind?.const === 'action' && obj.properties.connector) {
    obj.properties.connector = { type: 'string', enum: ids };
  }
  for (const value of Object.values(obj)) limitActionConnectors(value, ids);
}
