/**
 * Why a recipe version cannot start, in plain words: what would make every run fail (or make no sense)
 * found before its triggers fire. Pure: the worker gathers the inputs (catalogue, bindings, the other
 * started recipes) and shows nothing; the page shows the reasons.
 *
 * The connection checks are lint's (src/lib/lint/connections.ts), which mirror the runner's: Start refuses
 * exactly what every run would fail on, and the editor's Problems list says the same before a run.
 */
import { connectionProblems, type Bindings } from '../../lint/connections';
import { lintRecipe, type LintCatalog, type LintOptions, type Problem } from '../../lint/lint';
import type { Recipe } from '../../recipe';
import { checkSchedule } from '../schedule';
import { normalizeHookPath } from '../webhooks/protocol';

/** How many lint problems a refusal spells out; the editor's Problems list has them all. */
export const SHOWN_LINT_PROBLEMS = 3;

/** What the checks need from the connector catalogue (`ConnectorCatalog` is one). */
export interface StartCatalog extends LintCatalog {
  /** The connector's label and the connection fields it declares; undefined for an unknown connector. */
  connector(id: string): { label: string; connection?: readonly unknown[] } | undefined;
}

export interface StartInputs {
  recipe: Recipe;
  catalog: StartCatalog;
  /** As the editor lints: the workspace's recipe ids and newest recipes, for `call` steps. */
  lint?: LintOptions;
  /** The connections bound on this machine to the recipe's references (see lint's `Bindings`). */
  bindings: Bindings;
  /** The webhook paths of the *other* started recipes (as written; compared without edge slashes). */
  startedWebhooks: ReadonlyArray<{ recipeId: string; name: string; path: string }>;
  /**
   * The rules of the policy in force this recipe breaks, in the contract's words with their lint codes
   * (`policyLintProblems`), added as they are: every one is shown, since each names a step to change.
   * Left out: no policy.
   */
  policyProblems?: readonly StartReason[];
}

/**
 * A reason Start refuses: its English words (what the CLI and the tests read) and, for the studio to say
 * it in the person's language, a code and its parameters. A lint or policy problem keeps its lint code;
 * Start's own reasons have `start.*` codes; a lint problem counted among the first few is `start.lint`
 * with the problem itself as `inner`.
 */
export interface StartReason {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
  inner?: { message: string; code?: string; params?: Record<string, string | number> };
}

/** Every reason the recipe cannot start; [] when it can. Nothing is changed. */
export function startProblems(inputs: StartInputs): string[] {
  return startReasons(inputs).map((r) => r.message);
}

/** As `startProblems`, each reason with its code and parameters. */
export function startReasons(inputs: StartInputs): StartReason[] {
  const { recipe } = inputs;
  const kind = recipe.trigger.kind;
  // Nothing fires these by itself, so there is nothing to start: the other checks would only be noise.
  if (kind === 'manual') return [{ message: 'this recipe runs when a person runs it; it has no trigger to start', code: 'start.manual' }];
  if (kind === 'callable') return [{ message: 'this recipe runs when another recipe or an agent calls it; it has no trigger to start', code: 'start.callable' }];
  return [
    // Lint without bindings: the connection problems come below, each spelled out rather than counted.
    ...lintStartReasons(lintRecipe(recipe, inputs.catalog, { ...inputs.lint, bindings: undefined })),
    ...triggerReasons(inputs),
    ...connectionReasons(inputs),
    ...(inputs.policyProblems ?? [])
  ];
}

/** The first few problems, each with its place and the count, and how many more there are. */
export function lintReasons(problems: readonly Problem[]): string[] {
  return lintStartReasons(problems).map((r) => r.message);
}

function lintStartReasons(problems: readonly Problem[]): StartReason[] {
  const total = problems.length;
  const shown: StartReason[] = problems.slice(0, SHOWN_LINT_PROBLEMS).map((p, i) => ({
    message: `problem ${i + 1} of ${total}, ${placeOf(p)}: ${p.message}`,
    code: 'start.lint',
    params: { n: i + 1, total, ...placeParams(p) },
    inner: { message: p.message, code: p.code, params: p.params }
  }));
  const more = total - shown.length;
  if (more > 0) shown.push({ message: `and ${more} more ${more === 1 ? 'problem' : 'problems'}: the editor's Problems list shows them all`, code: 'start.more', params: { count: more } });
  return shown;
}

function placeParams(problem: Problem): { where: 'step' | 'trigger' | 'recipe'; step?: string } {
  if (problem.step !== null) return { where: 'step', step: problem.step };
  return { where: problem.path.startsWith('trigger') ? 'trigger' : 'recipe' };
}

function placeOf(problem: Problem): string {
  if (problem.step !== null) return `at step "${problem.step}"`;
  return problem.path.startsWith('trigger') ? 'in the trigger' : 'in the recipe';
}

function triggerReasons({ recipe, startedWebhooks }: StartInputs): StartReason[] {
  const trigger = recipe.trigger;
  if (trigger.kind === 'schedule') {
    const check = checkSchedule(trigger);
    return check.ok ? [] : [{ message: `the schedule cannot run: ${check.message}`, code: 'start.schedule', params: { message: check.message } }];
  }
  if (trigger.kind !== 'webhook') return [];
  const path = normalizeHookPath(trigger.path);
  if (path === '') return [{ message: 'the webhook path needs at least one letter or digit', code: 'start.webhookEmpty' }];
  return startedWebhooks
    .filter((other) => other.recipeId !== recipe.id && normalizeHookPath(other.path) === path)
    .map((other) => ({
      message: `webhook path "${path}" is already used by the started recipe "${other.name}" (${other.recipeId}): stop that one or choose another path`,
      code: 'start.webhookTaken',
      params: { path, name: other.name, id: other.recipeId }
    }));
}

/** Lint's connection rule (src/lib/lint/connections.ts), the one the editor shows, as Start's reasons. */
function connectionReasons({ recipe, catalog, bindings }: StartInputs): StartReason[] {
  return connectionProblems(recipe, catalog, bindings).map((p) => ({ message: p.message, code: p.code, params: p.params }));
}
