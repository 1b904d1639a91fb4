/**
 * Writing a recipe file: canonical JSON (keys in the schema's order, free objects in their own order,
 * 2-space indent, a final newline) with no secrets in it.
 */
import { RecipeSchema, type Recipe } from './schema';

/** Header and query names whose literal values are credentials; an expression (`{{ }}`) is kept. */
const SECRET_KEY = /^(authorization|proxy-authorization|x-api-key|api[-_]?key|apikey|token|access[-_]?token|secret|client[-_]?secret|password|passwd)$/i;

export interface ExportResult {
  text: string;
  /** Places whose literal secret was blanked, so the studio can tell the person. */
  removed: string[];
}

export function exportRecipe(recipe: Recipe): ExportResult {
  // Parsing through the schema orders keys as the schema declares them and drops anything unknown.
  const canonical = RecipeSchema.parse(recipe);
  const removed: string[] = [];
  const clean = scrub(canonical, '', removed) as Recipe;
  return { text: JSON.stringify(clean, null, 2) + '\n', removed };
}

function scrub(value: unknown, path: string, removed: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => scrub(v, `${path}[${i}]`, removed));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (SECRET_KEY.test(key) && typeof v === 'string' && v !== '' && !v.includes('{{')) {
      out[key] = '';
      removed.push(here);
    } else {
      out[key] = scrub(v, here, removed);
    }
  }
  return out;
}
