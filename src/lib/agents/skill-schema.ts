/**
 * A callable recipe's input fields as a zod schema and as JSON Schema: what an agent's model is given as
 * a tool's parameters, and what MCP lists as a tool's `inputSchema`. The JSON Schema comes from
 * `z.toJSONSchema`, so the two never disagree.
 */
import { z } from 'zod';
import type { Field, Recipe } from '../recipe';

function fieldSchema(field: Field): z.ZodType {
  let schema: z.ZodType;
  switch (field.type) {
    case 'text':
      schema = z.string();
      break;
    case 'number':
      schema = z.number();
      break;
    case 'boolean':
      schema = z.boolean();
      break;
    case 'date':
      schema = z.string().describe('a date, YYYY-MM-DD (or an ISO 8601 date-time)');
      break;
    case 'list':
      schema = field.items?.length ? z.array(fieldsSchema(field.items)) : z.array(z.unknown());
      break;
    case 'object':
      schema = z.record(z.string(), z.unknown());
      break;
    case 'file':
      schema = z.object({ name: z.string(), type: z.string().optional(), text: z.string().optional() }).loose();
      break;
    default: {
      const never: never = field.type;
      throw new Error(`unknown field type ${String(never)}`);
    }
  }
  if (field.description) schema = schema.describe(field.description);
  return field.required ? schema : schema.optional();
}

/** The object schema of a list of fields; keys not listed are refused, as a tool's arguments should be. */
export function fieldsSchema(fields: readonly Field[]): z.ZodObject {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])));
}

/** The callable (or manual) trigger's fields of a recipe; none for other kinds. */
export function inputFields(recipe: Recipe): Field[] {
  const t = recipe.trigger;
  return t.kind === 'callable' || t.kind === 'manual' ? (t.input ?? []) : [];
}

/** JSON Schema (draft 2020-12) of a recipe's input fields. */
export function inputJsonSchema(recipe: Recipe): Record<string, unknown> {
  return z.toJSONSchema(fieldsSchema(inputFields(recipe)), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
