/**
 * Workshop exercises installed from packs (docs/pack-format.md): written with the pack's import, found by
 * the recipe a participant works on (the exercise's `recipe` id, or its starter), and checked in the world
 * the pack describes, as `sous grade` checks them.
 */
import { checkExercise, type CheckOptions, type TestResult } from '../exercises';
import { exportPack, parsePackText, type Pack } from '../packs';
import type { Recipe } from '../recipe';
import type { ExerciseRow, SousDb } from './db';
import { getRecipe, saveRecipe } from './recipes';

/** Inside the pack import's transaction (which must include `db.exercises`): its exercises, each replacing one of the same id. */
export async function installExercises(db: SousDb, pack: Pack, now: Date): Promise<number> {
  if (pack.exercises.length === 0) return 0;
  const text = exportPack(pack).text;
  const rows: ExerciseRow[] = pack.exercises.map((exercise) => ({ id: exercise.id, pack_id: pack.id, pack_name: pack.name, exercise, pack: text, installed_at: now.toISOString() }));
  await db.exercises.bulkPut(rows);
  return rows.length;
}

export function listExercises(db: SousDb): Promise<ExerciseRow[]> {
  return db.exercises.orderBy('id').toArray();
}

/** The exercise a recipe answers (`recipe`: the participant's own) or starts (`starter`), if any. */
export async function exerciseForRecipe(db: SousDb, recipeId: string): Promise<{ row: ExerciseRow; role: 'answer' | 'starter' } | undefined> {
  const rows = await db.exercises.toArray();
  const answer = rows.find((r) => r.exercise.recipe === recipeId);
  if (answer) return { row: answer, role: 'answer' };
  const starter = rows.find((r) => r.exercise.starter === recipeId);
  return starter ? { row: starter, role: 'starter' } : undefined;
}

/**
 * The participant's recipe for an exercise: a copy of its starter under the exercise's recipe id (or an
 * empty manual recipe when it has none). One that exists already is kept as it is: nothing is overwritten.
 */
export async function startExercise(db: SousDb, row: ExerciseRow, now = new Date()): Promise<string> {
  const id = row.exercise.recipe;
  if (await getRecipe(db, id)) return id;
  const starter = row.exercise.starter ? (await getRecipe(db, row.exercise.starter))?.recipe : undefined;
  const recipe: Recipe = starter
    ? { ...structuredClone(starter), id, name: row.exercise.title }
    : { format: 'sous.recipe/v1', id, name: row.exercise.title, trigger: { kind: 'manual' }, steps: [] };
  await saveRecipe(db, recipe, now);
  return id;
}

/** Every test of the row's exercise against the recipe's newest saved version. */
export async function checkSavedRecipe(db: SousDb, row: ExerciseRow, options: CheckOptions = {}): Promise<{ version: number; results: TestResult[] }> {
  const found = await getRecipe(db, row.exercise.recipe);
  if (!found) throw new Error(`there is no recipe "${row.exercise.recipe}" yet: start the exercise first`);
  const parsed = parsePackText(row.pack);
  if (!parsed.ok) throw new Error(`the exercise's pack no longer reads: ${parsed.issues[0]?.message ?? ''}`);
  return { version: found.version, results: await checkExercise(found.recipe, row.exercise, parsed.pack, options) };
}
