/**
 * Callable recipes as MCP tools (docs/agent-format.md, "Skills as tools for outside assistants"): the
 * tool's name is the recipe id, its description the recipe's, its inputSchema the JSON Schema of the
 * callable trigger's fields, its outputSchema the trigger's `output` when given, and its annotations say
 * read-only or destructive from the actions' declared effects. No SDK import here, so the studio can list
 * the same tools in the browser.
 */
import { z } from 'zod';
import { FIELD_TYPES, type Field, type Recipe } from '../../recipe';
import type { RecipeEffect } from '../../connectors/effects';
import { fieldsSchema, inputJsonSchema } from '../skill-schema';

/** A recipe offered as a tool, with its effect (see connectors/effects `recipeEffect`). */
export interface McpSkill {
  recipe: Recipe;
  effect: RecipeEffect;
}

export interface McpToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

/** A tool as `tools/list` gives it (the SDK's `Tool` shape, without the SDK). */
export interface McpTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  outputSchema?: { type: 'object'; [key: string]: unknown };
  annotations: McpToolAnnotations;
}

/** Only a `callable` recipe is a tool: its trigger's fields are the arguments. */
export function isCallable(recipe: Recipe): boolean {
  return recipe.trigger.kind === 'callable';
}

export function mcpTool({ recipe, effect }: McpSkill): McpTool {
  const writes = effect.effect === 'write';
  const outputSchema = outputJsonSchema(recipe);
  return {
    name: recipe.id,
    title: recipe.name,
    description: recipe.description?.trim() || recipe.name,
    inputSchema: { ...inputJsonSchema(recipe), type: 'object' },
    ...(outputSchema ? { outputSchema } : {}),
    annotations: { title: recipe.name, readOnlyHint: !writes, destructiveHint: writes, idempotentHint: effect.idempotent }
  };
}

const OutputFieldsSchema = z.array(z.object({ name: z.string().min(1), type: z.enum(FIELD_TYPES) }).loose()).min(1);

/**
 * The callable trigger's `output`, as a tool's outputSchema. The recipe format leaves it free: a JSON
 * Schema object is taken as it is, a list of fields is converted as the input is (extra keys allowed, an
 * output may carry more than it promises). Anything else, or a schema whose root is not an object (MCP
 * allows only those), declares no outputSchema.
 */
export function outputJsonSchema(recipe: Recipe): McpTool['outputSchema'] {
  if (recipe.trigger.kind !== 'callable') return undefined;
  const output = recipe.trigger.output;
  if (OutputFieldsSchema.safeParse(output).success) {
    const schema = z.toJSONSchema(fieldsSchema(output as Field[]), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.additionalProperties;
    return { ...schema, type: 'object' };
  }
  if (isObject(output) && output.type === 'object') return output as McpTool['outputSchema'];
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
