/**
 * Workshop exercises installed from packs (docs/pack-format.md): written with the pack's import, found by
 * the recipe a participant works on (the exercise's `recipe` id, or its starter), and checked in the world
 * the pack describes, as `sous grade` checks them.
 */
import { checkExercise, ExerciseSchema, type CheckOptions, type Exercise, type ExerciseTest, type TestResult } from '../exercises';
import { exportPack, parsePackText, SANDBOX_APPS, type Pack } from '../packs';
import type { Recipe } from '../recipe';
import type { ExerciseRow, SousDb } from './db';
import { calledRecipes, gatherPack } from './packs-export';
import { assertMay } from './people';
import { recordAudit } from './audit';
import { slugify } from './recipe-admin';
import { getRecipe, saveRecipe } from './recipes';
import { DexieTables } from './tables';

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

export interface WorkshopExercise {
  row: ExerciseRow;
  /** Whether the participant's recipe (the exercise's `recipe` id) exists: Open it, rather than Start. */
  started: boolean;
}
export interface WorkshopPack {
  id: string;
  name: string;
  exercises: WorkshopExercise[];
}

/**
 * The installed exercises by pack (packs by name), each pack's in the order its file lists them: the
 * trainer's order, which an exercise's id need not follow.
 */
export async function workshopPacks(db: SousDb): Promise<WorkshopPack[]> {
  const rows = await db.exercises.toArray();
  const existing = new Set((await db.recipes.bulkGet(rows.map((r) => r.exercise.recipe))).flatMap((r) => (r ? [r.id] : [])));
  const packs = new Map<string, WorkshopPack & { order: Map<string, number>; at: string }>();
  for (const row of rows) {
    let pack = packs.get(row.pack_id);
    if (!pack) {
      pack = { id: row.pack_id, name: row.pack_name, exercises: [], order: new Map(), at: '' };
      packs.set(row.pack_id, pack);
    }
    // One pack id imported at different times: its newest import names it and orders it.
    if (row.installed_at > pack.at) Object.assign(pack, { name: row.pack_name, order: exerciseOrder(row.pack), at: row.installed_at });
    pack.exercises.push({ row, started: existing.has(row.exercise.recipe) });
  }
  const rank = (order: Map<string, number>, id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...packs.values()]
    .map((p) => ({ id: p.id, name: p.name, exercises: p.exercises.sort((a, b) => rank(p.order, a.row.id) - rank(p.order, b.row.id) || a.row.id.localeCompare(b.row.id)) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Each exercise id's place in the pack as imported (the row keeps the pack's canonical text). */
function exerciseOrder(text: string): Map<string, number> {
  try {
    const exercises = (JSON.parse(text) as { exercises?: Array<{ id?: unknown }> }).exercises ?? [];
    return new Map(exercises.flatMap((e, i) => (typeof e?.id === 'string' ? [[e.id, i] as const] : [])));
  } catch {
    return new Map();
  }
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
export async function checkSavedRecipe(db: SousDb, row: ExerciseRow, options: CheckOptions & { now?: Date } = {}): Promise<{ version: number; results: TestResult[] }> {
  const found = await getRecipe(db, row.exercise.recipe);
  if (!found) throw new Error(`there is no recipe "${row.exercise.recipe}" yet: start the exercise first`);
  const parsed = parsePackText(row.pack);
  if (!parsed.ok) throw new Error(`the exercise's pack no longer reads: ${parsed.issues[0]?.message ?? ''}`);
  const results = await checkExercise(found.recipe, row.exercise, parsed.pack, options);
  const last_check = { version: found.version, passed: results.filter((r) => r.passed).length, total: results.length, at: (options.now ?? new Date()).toISOString() };
  // The row may have been removed meanwhile (a new import, a trainer's delete): nothing to keep it on then.
  await db.exercises.update(row.id, { last_check });
  return { version: found.version, results };
}

/** The pack id of exercises a trainer wrote in this workspace (not imported). */
export const WORKSPACE_PACK_ID = 'workspace';

/**
 * The world a workspace exercise is recorded and checked in: the recipes the model answer calls and the
 * starter (never the model answer itself), every table with its rows, the sandbox apps' records and the
 * policy in force, as a pack export would gather them.
 */
export async function workspaceWorld(db: SousDb, model: Recipe, starter: string | undefined, packName: string): Promise<Pack> {
  const tables = (await new DexieTables(db).listTables()).map((t) => t.id);
  const recipes = [...(starter ? [starter] : []), ...calledRecipes(model)].filter((id) => id !== model.id);
  const { pack } = await gatherPack(db, { id: WORKSPACE_PACK_ID, name: packName, recipes, agents: [], tables, sandbox: [...SANDBOX_APPS], policy: true });
  return { ...pack, recipes: pack.recipes.filter((r) => r.id !== model.id), exercises: [] };
}

/** Why a trainer's exercise was not saved or deleted; `code` picks the studio's words (`workshop:author.errors`). */
export class LocalExerciseError extends Error {
  override name = 'LocalExerciseError';
  constructor(
    readonly code: 'starter_is_answer' | 'no_tests' | 'answer_taken' | 'not_local' | 'unreadable',
    message: string,
    readonly params: Record<string, string> = {}
  ) {
    super(message);
  }
}

export interface LocalExerciseDraft {
  /** The exercise being edited; a new one gets an id from its title. */
  id?: string;
  title: string;
  task: string;
  /** The model answer: its id is the id a submission must have. */
  recipe: string;
  starter?: string;
  tests: ExerciseTest[];
}

/**
 * Installs (or replaces) an exercise the trainer wrote here, under the pack "This workspace", with the
 * world its tests were recorded in as the row's pack. An admin's or builder's work: a runner is refused.
 */
export async function saveLocalExercise(db: SousDb, draft: LocalExerciseDraft, world: Pack, packName: string, now = new Date()): Promise<ExerciseRow> {
  await assertMay(db, 'edit');
  if (draft.starter === draft.recipe) throw new LocalExerciseError('starter_is_answer', 'the starter cannot be the model answer itself: choose another recipe, or none');
  if (draft.tests.length === 0) throw new LocalExerciseError('no_tests', 'an exercise needs at least one recorded test');
  return db.transaction('rw', db.exercises, async () => {
    const rows = await db.exercises.toArray();
    const id = draft.id ?? uniqueId(slugify(draft.title), new Set(rows.map((r) => r.id)));
    const taken = rows.find((r) => r.id !== id && r.exercise.recipe === draft.recipe);
    if (taken) throw new LocalExerciseError('answer_taken', `the exercise "${taken.exercise.title}" already takes the recipe "${draft.recipe}" as its answer`, { title: taken.exercise.title, id: draft.recipe });
    const replaced = rows.find((r) => r.id === id);
    if (replaced && replaced.pack_id !== WORKSPACE_PACK_ID) throw new LocalExerciseError('not_local', `the exercise "${id}" came from the pack "${replaced.pack_name}": it cannot be changed here`, { pack: replaced.pack_name });
    const exercise: Exercise = ExerciseSchema.parse({ id, title: draft.title.trim(), task: draft.task, ...(draft.starter ? { starter: draft.starter } : {}), recipe: draft.recipe, tests: draft.tests });
    const text = exportPack({ ...world, id: WORKSPACE_PACK_ID, name: packName, exercises: [exercise] }).text;
    const check = parsePackText(text);
    if (!check.ok) throw new LocalExerciseError('unreadable', `the exercise's world does not read as a pack: ${check.issues[0]?.path} ${check.issues[0]?.message}`, { problem: `${check.issues[0]?.path}: ${check.issues[0]?.message}` });
    const row: ExerciseRow = { id, pack_id: WORKSPACE_PACK_ID, pack_name: packName, exercise, pack: text, installed_at: now.toISOString() };
    await db.exercises.put(row);
    return row;
  }).then(async (row) => {
    await recordAudit(db, { action: 'exercise.save', target: { kind: 'exercise', id: row.id }, detail: { title: row.exercise.title, recipe: row.exercise.recipe, tests: row.exercise.tests.length, ...(row.exercise.starter ? { starter: row.exercise.starter } : {}) } });
    return row;
  });
}

/** Removes an exercise the trainer wrote here; the recipes it names stay. */
export async function deleteLocalExercise(db: SousDb, id: string): Promise<void> {
  await assertMay(db, 'edit');
  await db.transaction('rw', db.exercises, async () => {
    const row = await db.exercises.get(id);
    if (row && row.pack_id !== WORKSPACE_PACK_ID) throw new LocalExerciseError('not_local', `the exercise "${id}" came from the pack "${row.pack_name}": it cannot be changed here`, { pack: row.pack_name });
    await db.exercises.delete(id);
    return row;
  }).then(async (row) => {
    if (row) await recordAudit(db, { action: 'exercise.delete', target: { kind: 'exercise', id }, detail: { title: row.exercise.title } });
  });
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'exercise';
  if (!taken.has(root)) return root;
  for (let i = 2; ; i++) if (!taken.has(`${root}-${i}`)) return `${root}-${i}`;
}
