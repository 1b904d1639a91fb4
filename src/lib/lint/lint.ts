/**
 * Validation as you go: what would stop a recipe from running well, found without running it. Pure: the
 * canvas calls it on every edit. A recipe with problems can be saved but not run.
 *
 * Expressions are compiled with the engine's own `compileTemplate`, so the editor and a run can never
 * disagree about what is a valid expression. It lives outside recipe/ because it reads the engine and the
 * connector catalogue, which the recipe format itself must not.
 */
import { recipeEffect, type RecipeEffect } from '../connectors/effects';
import { compileTemplate } from '../engine/expressions';
import type { ActionRuntime } from '../engine/ports';
import { connectionProblems, type Bindings, type ConnectionCatalog } from './connections';
import { contextRefs, type ContextRef } from './expression-refs';
import { hyphenProblem, hyphenRefs } from './hyphen-refs';
import { wrongInputTypes } from './input-types';
import type { LintCode, ProblemParams } from './codes';
import { policyLintProblems } from './policy';
import type { Policy } from '../policy/schema';
import { walkScopes, type StepScope } from '../recipe/scope';
import type { Recipe, Step } from '../recipe/schema';
import { allSteps } from '../recipe/walk';

/**
 * One problem, on a step (null: the trigger or the recipe) at a place like `steps[2].input.url`. `message`
 * is English (the command line, tests and contracts read it); `code` with `params` is the same problem for
 * the studio to say in the person's language (`problemText`, the `problems` namespace). Lint sets `code`
 * on all but a policy's problems (policy.ts: the contract's line, shown as it is); it is optional in the
 * type for those and for problems made elsewhere (tests, import).
 */
export interface Problem {
  step: string | null;
  path: string;
  message: string;
  code?: LintCode;
  params?: ProblemParams;
}

/** A problem's words: the English message with its code and parameters. */
export interface Found {
  message: string;
  code: LintCode;
  params?: ProblemParams;
}

export type { LintCode, ProblemParams } from './codes';

/** What lint needs from the connector catalogue (`ConnectorCatalog` is one). */
export interface LintCatalog extends ConnectionCatalog {
  hasConnector(id: string): boolean;
  /** The action's input JSON Schema; undefined when the connector has no such action. */
  inputSchema(connector: string, action: string): InputSchema | undefined;
  /** The action itself, for its declared effect; without it every action counts as a write. */
  action?(connector: string, action: string): ActionRuntime | undefined;
  /** The events a connector raises; without it (or for an unknown connector) event names are not checked. */
  events?(connector: string): readonly string[] | undefined;
}

export interface InputSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

export type { Bindings } from './connections';

export interface LintOptions {
  /** The ids of the workspace's recipes; when given, a `call` to any other id is a problem. */
  knownRecipes?: readonly string[];
  /** The workspace's recipes by id, so a `call` step counts what the called recipe does; without it, a write. */
  recipe?(id: string): Recipe | undefined;
  /**
   * The connections bound on this machine to the recipe's references. When given, every connection a run
   * would refuse on is a problem (not named, for another connector, not set up here): so "0 problems"
   * means it can run. Without it (a file, the command line) connections are not checked.
   */
  bindings?: Bindings;
  /** The workspace's policy in force: each rule the recipe breaks is a problem on its step (as a run refuses it). */
  policy?: Policy;
}

/** What lint finds, and what the recipe does to the world (shown as "Reads only" / "Changes data"). */
export interface LintResult {
  problems: Problem[];
  effect: RecipeEffect;
}

const CONTEXT_NAMES = new Set(['trigger', 'steps', 'vars', 'user', 'now']);

/** The problems (as `lintRecipe`) and the recipe's effect, with the recipes it calls. */
export function lintReport(recipe: Recipe, catalog: LintCatalog, options: LintOptions = {}): LintResult {
  return { problems: lintRecipe(recipe, catalog, options), effect: lintEffect(recipe, catalog, options) };
}

/** The recipe's effect as lint sees it: from the catalogue's declared effects and the given recipes. */
export function lintEffect(recipe: Recipe, catalog: LintCatalog, options: LintOptions = {}): RecipeEffect {
  const connectors = { has: (id: string) => catalog.hasConnector(id), action: (c: string, a: string) => catalog.action?.(c, a) };
  return recipeEffect(recipe, { connectors, recipe: (id) => options.recipe?.(id) });
}

export function lintRecipe(recipe: Recipe, catalog: LintCatalog, options: LintOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const all = [...allSteps(recipe.steps)];
  const byId = new Map<string, Step>();
  const loopNames = new Set(['item', 'index']);
  const ids = new Set(all.map((s) => s.id));
  for (const step of all) if (step.kind === 'foreach' && step.as && !CONTEXT_NAMES.has(step.as)) loopNames.add(step.as);

  lintTrigger(recipe, catalog, problems);
  walkScopes(recipe.steps, ({ step, path, scope, list, index }) => {
    const add: Add = (where, found) => problems.push({ step: step.id, path: `${path}${where}`, ...found });
    if (byId.has(step.id)) add('.id', { message: `the id "${step.id}" is used by another step too`, code: 'duplicate_id', params: { id: step.id } });
    else byId.set(step.id, step);
    const stopAt = list.findIndex((s) => s.kind === 'stop' && !s.disabled);
    if (stopAt !== -1 && index > stopAt) add('', { message: `never runs: it comes after a stop`, code: 'after_stop' });
    const check = (where: string, text: string, expr = false) => {
      if (expr && text.trim() === '') {
        return add(where, where === '.items' ? { message: 'the list to go through is required', code: 'items_required' } : { message: 'the condition is required', code: 'condition_required' });
      }
      for (const found of checkExpression(text, expr, step, scope, all, loopNames, ids)) add(where, found);
    };
    lintStep(step, catalog, options, add, check);
  });
  if (options.bindings) problems.push(...connectionProblems(recipe, catalog, options.bindings));
  if (options.policy) problems.push(...policyLintProblems(recipe, options.policy));
  return problems;
}

type Add = (where: string, found: Found) => void;
type Check = (where: string, text: string, expr?: boolean) => void;

function lintStep(step: Step, catalog: LintCatalog, options: LintOptions, add: Add, check: Check): void {
  switch (step.kind) {
    case 'action': {
      if (!catalog.hasConnector(step.connector)) add('.connector', noConnector(step.connector));
      else {
        const schema = catalog.inputSchema(step.connector, step.action);
        if (!schema) {
          add('.action', { message: `the connector "${step.connector}" has no action "${step.action}"`, code: 'no_action', params: { connector: step.connector, action: step.action } });
        }
        else {
          missingInputs(schema, step.input, '.input', add);
          wrongInputTypes(schema, step.input, '.input', add);
        }
      }
      eachString(step.input, '.input', check);
      return;
    }
    case 'set':
      eachString(step.values, '.values', check);
      return;
    case 'if':
      check('.condition', step.condition, true);
      return;
    case 'foreach':
      check('.items', step.items, true);
      return;
    case 'try':
      return;
    case 'approval':
      check('.message', step.message);
      return;
    case 'call':
      if (step.recipe === '') add('.recipe', { message: 'choose the recipe to call', code: 'choose_recipe' });
      else if (options.knownRecipes && !options.knownRecipes.includes(step.recipe)) {
        add('.recipe', { message: `there is no recipe "${step.recipe}"`, code: 'no_recipe', params: { id: step.recipe } });
      }
      eachString(step.input, '.input', check);
      return;
    case 'stop':
      if (step.message !== undefined) check('.message', step.message);
      return;
    default: {
      const never: never = step;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}

function lintTrigger(recipe: Recipe, catalog: LintCatalog, problems: Problem[]): void {
  const trigger = recipe.trigger;
  if (trigger.kind !== 'event') return;
  const add = (path: string, found: Found) => problems.push({ step: null, path, ...found });
  if (!catalog.hasConnector(trigger.connector)) {
    // A new event trigger starts with no app: ask for one rather than name a connector "" that is not there.
    add('trigger.connector', trigger.connector.trim() ? noConnector(trigger.connector) : { message: 'choose the app whose event starts this recipe', code: 'choose_app' });
  } else {
    // The format: an empty or unknown event is a problem; a recipe waiting on an event nothing raises never runs.
    const known = catalog.events?.(trigger.connector);
    if (known && !known.includes(trigger.event)) add('trigger.event', eventProblem(trigger.connector, trigger.event, known));
  }
  if (trigger.filter) {
    const top: StepScope = { before: [], loops: [], ancestors: [], inCatch: false };
    for (const found of checkExpression(trigger.filter, true, null, top, [], new Set(), new Set())) add('trigger.filter', found);
  }
}

function noConnector(connector: string): Found {
  return { message: `there is no connector "${connector}"`, code: 'no_connector', params: { connector } };
}

/** An event the connector does not raise, or none chosen: the message names the events it does raise. */
function eventProblem(connector: string, event: string, known: readonly string[]): Found {
  const raises = known.length ? `it raises ${known.map((e) => `"${e}"`).join(', ')}` : 'it raises no events';
  const events = known.map((e) => `"${e}"`).join(', ');
  if (event.trim()) {
    const message = `connector "${connector}" raises no event "${event}"; ${raises}`;
    return { message, code: known.length ? 'unknown_event' : 'unknown_event_none', params: { connector, event, events } };
  }
  const message = `choose the event to wait for: connector "${connector}" ${raises.slice(3)}`;
  return { message, code: known.length ? 'choose_event' : 'choose_event_none', params: { connector, events } };
}

/** A required input is missing when it is absent or empty; an expression counts as given. */
function missingInputs(schema: InputSchema, value: unknown, where: string, add: Add): void {
  const given = (value ?? {}) as Record<string, unknown>;
  for (const key of schema.required ?? []) {
    const v = given[key];
    if (v === undefined || v === null || v === '') add(`${where}.${key}`, { message: `the input "${key}" is required`, code: 'input_required', params: { key } });
  }
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const v = given[key];
    if (isPlainObject(v) && isPlainObject(sub) && Array.isArray(sub.required)) missingInputs(sub as InputSchema, v, `${where}.${key}`, add);
  }
}

/** Every string inside a value (objects and lists at any depth), with its place. */
function eachString(value: unknown, where: string, check: Check): void {
  if (typeof value === 'string') check(where, value);
  else if (Array.isArray(value)) value.forEach((item, i) => eachString(item, `${where}[${i}]`, check));
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) eachString(item, `${where}.${key}`, check);
}

function checkExpression(
  text: string,
  expr: boolean,
  step: Step | null,
  scope: StepScope,
  all: Step[],
  loopNames: Set<string>,
  ids: ReadonlySet<string>
): Found[] {
  const source = expr && !text.includes('{{') ? `{{${text}}}` : text;
  let compiled: ReturnType<typeof compileTemplate>;
  try {
    compiled = compileTemplate(source);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return [{ message: detail, code: 'bad_expression', params: { detail } }];
  }
  const asts = compiled.kind === 'single' ? [compiled.expr.ast()] : compiled.kind === 'text' ? compiled.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.expr.ast()])) : [];
  const hyphens = hyphenRefs(text, expr, ids);
  // `steps.vendors-search` reads `steps.vendors`: the fix is said once, not "there is no step vendors" too.
  const heads = new Set(hyphens.map((h) => h.head));
  const refs = asts.flatMap((ast) => contextRefs(ast)).filter((ref) => !(ref.root === 'steps' && ref.next !== undefined && heads.has(ref.next) && !ids.has(ref.next)));
  const found = [...hyphens.map(hyphenProblem), ...refs.flatMap((ref) => checkRef(ref, step, scope, all, loopNames))];
  // The same problem read twice in one field is said once.
  return found.filter((f, i) => found.findIndex((g) => g.message === f.message) === i);
}

function checkRef(ref: ContextRef, step: Step | null, scope: StepScope, all: Step[], loopNames: Set<string>): Found[] {
  const locals = new Set(scope.loops.flatMap((loop) => [loop.as ?? 'item', 'index']));
  if (ref.root === 'steps' && ref.next !== undefined) return checkStepRef(ref.next, step, scope, all);
  if (locals.has(ref.root) || CONTEXT_NAMES.has(ref.root)) return [];
  if (ref.root === 'error') return scope.inCatch ? [] : [{ message: '"error" is only set inside a catch', code: 'error_outside_catch' }];
  if (!loopNames.has(ref.root)) return [];
  const name = ref.root;
  if (scope.loops.length === 0) return [{ message: `"${name}" is only set inside a foreach loop`, code: 'loop_name_outside', params: { name } }];
  const names = scope.loops.map((loop) => `"${loop.as ?? 'item'}"`).join(', ');
  return [{ message: `"${name}" is not set here: the loop around this step calls its element ${names}`, code: 'loop_name_other', params: { name, names } }];
}

function checkStepRef(id: string, step: Step | null, scope: StepScope, all: Step[]): Found[] {
  const target = scope.before.find((s) => s.id === id);
  if (target) return target.disabled ? [{ message: `steps.${id} is disabled, so it has no output`, code: 'step_disabled', params: { id } }] : [];
  if (!all.some((s) => s.id === id)) return [{ message: `steps.${id}: there is no step "${id}"`, code: 'no_step', params: { id } }];
  if (step?.id === id || scope.ancestors.some((s) => s.id === id)) return [{ message: `steps.${id} is not done yet when this runs`, code: 'step_not_done', params: { id } }];
  return [{ message: `steps.${id} does not run before this step`, code: 'step_not_before', params: { id } }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
