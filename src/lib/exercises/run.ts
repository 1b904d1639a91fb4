/**
 * Checking a recipe against an exercise: each test runs one job, from a fresh world the pack describes
 * (its sandbox seed, its tables, its other recipes for `call` steps; chat in memory), with the test's
 * approval answers, and is compared with what the test expects. Shared by the studio's one-click check
 * and `sous grade`; the fetch for `http` steps is passed in.
 */
import { builtinConnectors } from '../connectors/builtin';
import { MemoryChat, type ChatMessage } from '../connectors/chat';
import { memorySandboxStores, noEvents } from '../connectors/sandbox';
import { MemoryTables } from '../connectors/tables/store';
import { tablesOps } from '../connectors/tables/ops';
import { createRunner, MemoryJournal, RunRefused, systemClock, type RecipeSource } from '../engine';
import { recipePolicyProblems, guardedFetch } from '../policy';
import type { Job, Recipe } from '../recipe';
import type { Pack } from '../packs/parse';
import { jobDifference } from './match';
import type { Exercise, ExerciseTest } from './schema';

export interface TestResult {
  test: string;
  passed: boolean;
  /** The first difference, or why the job could not run. */
  reason?: string;
  job?: Job;
}

export interface CheckOptions {
  fetch?: typeof fetch;
  /** A test's job is cancelled after this long (a loop that never ends, an approval never answered). */
  timeoutMs?: number;
}

const GRADER = { id: 'grader', name: 'grader', roles: ['admin'] };
export const DEFAULT_TEST_TIMEOUT_MS = 20_000;

/** Every test of `exercise` against `recipe`, in order. A recipe that breaks the pack's policy fails them all. */
export async function checkExercise(recipe: Recipe, exercise: Exercise, pack: Pack, options: CheckOptions = {}): Promise<TestResult[]> {
  if (recipe.id !== exercise.recipe) {
    return exercise.tests.map((t) => ({ test: t.name, passed: false, reason: `the recipe's id is "${recipe.id}"; this exercise takes "${exercise.recipe}"` }));
  }
  const broken = pack.policy ? recipePolicyProblems(recipe, pack.policy) : [];
  if (broken.length > 0) return exercise.tests.map((t) => ({ test: t.name, passed: false, reason: broken[0].message }));
  const results: TestResult[] = [];
  for (const test of exercise.tests) results.push(await runTest(recipe, test, pack, options));
  return results;
}

async function runTest(recipe: Recipe, test: ExerciseTest, pack: Pack, options: CheckOptions): Promise<TestResult> {
  const ran = await runTestJob(recipe, test, pack, options);
  if (!ran.ok) return { test: test.name, passed: false, reason: ran.reason };
  if (ran.timedOut) return { test: test.name, passed: false, reason: ran.reason, job: ran.job };
  const reason = jobDifference(test.expect, ran.job, ran.messages);
  return reason ? { test: test.name, passed: false, reason, job: ran.job } : { test: test.name, passed: true, job: ran.job };
}

/** One test's job as it ran, with the messages it posted; or why it could not run. */
export type TestRun =
  | { ok: true; job: Job; messages: ChatMessage[]; timedOut: false }
  | { ok: true; job: Job; messages: ChatMessage[]; timedOut: true; reason: string }
  | { ok: false; reason: string };

/**
 * Runs one test's job (its input, its approval answers) in a fresh world the pack describes. Shared by the
 * check, which compares the job with the test's `expect`, and the trainer's recording, which writes it.
 */
export async function runTestJob(recipe: Recipe, test: Pick<ExerciseTest, 'input' | 'answers'>, pack: Pack, options: CheckOptions = {}): Promise<TestRun> {
  const chat = new MemoryChat();
  let tables: MemoryTables;
  try {
    tables = await packTables(pack);
  } catch (err) {
    return { ok: false, reason: `the pack's tables cannot be loaded: ${err instanceof Error ? err.message : String(err)}` };
  }
  const fetchFn = guardedFetch(options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)), pack.policy ?? undefined);
  const connectors = builtinConnectors({ chat, http: { fetch: fetchFn }, tables, sandbox: { stores: memorySandboxStores(pack.sandbox), events: noEvents } });
  const runner = createRunner({
    journal: new MemoryJournal(),
    connectors,
    clock: systemClock,
    recipes: packRecipes(pack, recipe),
    user: GRADER,
    admit: pack.policy ? (r) => recipePolicyProblems(r, pack.policy!).map((p) => p.message) : undefined,
    autoAnswer: (stepId) => test.answers?.[stepId]
  });
  const jobId = crypto.randomUUID();
  const limit = options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void runner.cancel(jobId);
  }, limit);
  try {
    const job = await runner.start(recipe, test.input, { jobId });
    if (timedOut) return { ok: true, job, messages: chat.messages, timedOut: true, reason: `the job took longer than ${Math.round(limit / 1000)} s and was stopped` };
    return { ok: true, job, messages: chat.messages, timedOut: false };
  } catch (err) {
    if (err instanceof RunRefused) return { ok: false, reason: `the test's input was refused: ${err.message}` };
    return { ok: false, reason: `the job could not run: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** The pack's tables, fresh for one test. */
async function packTables(pack: Pack): Promise<MemoryTables> {
  const store = new MemoryTables();
  const ops = tablesOps(store);
  for (const table of pack.tables) await ops.createTableWithRows(table.name, table.columns, table.rows);
  return store;
}

/** `call` steps find the pack's recipes, the one being checked in place of its namesake. */
function packRecipes(pack: Pack, checked: Recipe): RecipeSource {
  const byId = new Map(pack.recipes.map((r) => [r.id, r]));
  byId.set(checked.id, checked);
  return { get: async (id) => (byId.has(id) ? { recipe: byId.get(id)!, version: null } : undefined) };
}
