/**
 * Writing a pack: canonical JSON (every key in its schema's order, free objects in their own, 2-space
 * indent, a final newline) with no secret in it: recipes go through the recipe export (connection
 * references only, literal credentials blanked), agents through theirs.
 */
import { exportAgent } from '../agents/format';
import { exportRecipe } from '../recipe';
import { PolicySchema } from '../policy';
import { ExerciseSchema } from '../exercises/schema';
import { OPTIONAL_PACK_KEYS, type Pack } from './parse';
import { PACK_FORMAT, PackSandboxSchema, PackTableSchema } from './schema';

export interface PackExport {
  text: string;
  /** Places whose literal secret was blanked (`recipes[0]: steps[1].input.headers.Authorization`). */
  removed: string[];
}

export function exportPack(pack: Pack): PackExport {
  const removed: string[] = [];
  const recipes = pack.recipes.map((recipe, i) => {
    const done = exportRecipe(recipe);
    removed.push(...done.removed.map((place) => `recipes[${i}]: ${place}`));
    return JSON.parse(done.text) as unknown;
  });
  // A key is written when it has something, or when the pack it came from had it (even empty).
  const had = new Set(pack.present ?? []);
  const keep = <T>(key: (typeof OPTIONAL_PACK_KEYS)[number], value: T, empty: boolean): T | undefined => (!empty || had.has(key) ? value : undefined);
  const file = {
    format: PACK_FORMAT,
    id: pack.id,
    name: pack.name,
    description: pack.description,
    recipes: keep('recipes', recipes, recipes.length === 0),
    agents: keep('agents', pack.agents.map((a) => JSON.parse(exportAgent(a)) as unknown), pack.agents.length === 0),
    tables: keep('tables', pack.tables.map((t) => PackTableSchema.parse(t)), pack.tables.length === 0),
    sandbox: pack.sandbox ? PackSandboxSchema.parse(pack.sandbox) : undefined,
    exercises: keep('exercises', pack.exercises.map((e) => ExerciseSchema.parse(e)), pack.exercises.length === 0),
    policy: pack.policy ? PolicySchema.parse(pack.policy) : keep('policy', null, true),
    meta: pack.meta
  };
  return { text: JSON.stringify(file, null, 2) + '\n', removed };
}
