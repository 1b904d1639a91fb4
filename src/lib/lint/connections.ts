/**
 * The connection rule, one for the editor, import and Start: a run asks for the connection a step names
 * (src/lib/engine/job-run.ts `connection()`), so the recipe must name it under its connections, for the
 * same connector, and this machine must have a connection of that connector bound to it. Each rule a run
 * would refuse on is a problem here, so "0 problems" means no run fails for want of a connection.
 */
import type { Recipe } from '../recipe/schema';
import { allSteps } from '../recipe/walk';
import type { ProblemParams } from './codes';

/** One problem, on a step (null: the trigger or the recipe) at a place like `steps[2].input.url`. */
export interface ConnectionProblem {
  step: string | null;
  path: string;
  message: string;
  code: 'connection_not_named' | 'connection_other_connector' | 'connection_not_set_up';
  params: ProblemParams;
}

/** What the connection rule needs from the catalogue (`ConnectorCatalog` is one). */
export interface ConnectionCatalog {
  /** The connector's label and the connection fields it declares; undefined for an unknown connector. */
  connector?(id: string): { label: string; connection?: readonly unknown[] } | undefined;
}

/**
 * The connection bound on this machine to each of the recipe's named references (ref → the bound
 * connection's connector). A reference with no binding, or whose connection was deleted, is absent.
 */
export type Bindings = ReadonlyMap<string, { connector: string }>;

interface Use {
  /** "step "a"" or "the trigger", as a person reads it. */
  place: string;
  step: string | null;
}

/** The named connections a run would ask for (steps that run, the event trigger's), by reference. */
function usedRefs(recipe: Recipe): Map<string, Use[]> {
  const used = new Map<string, Use[]>();
  const use = (ref: string, at: Use) => used.set(ref, [...(used.get(ref) ?? []), at]);
  if (recipe.trigger.kind === 'event' && recipe.trigger.connection) use(recipe.trigger.connection, { place: 'the trigger', step: null });
  for (const step of allSteps(recipe.steps)) {
    if (step.kind === 'action' && step.connection && !step.disabled) use(step.connection, { place: `step "${step.id}"`, step: step.id });
  }
  return used;
}

/** Every connection a run of `recipe` would refuse on, on this machine's `bindings`. */
export function connectionProblems(recipe: Recipe, catalog: ConnectionCatalog, bindings: Bindings): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  const named = recipe.connections ?? {};
  const used = usedRefs(recipe);
  const firstStep = (uses: Use[] | undefined) => uses?.find((u) => u.step !== null)?.step ?? null;
  for (const [ref, uses] of used) {
    if (Object.hasOwn(named, ref)) continue;
    const places = uses.map((u) => u.place);
    problems.push({
      step: firstStep(uses),
      path: 'connections',
      message: `${places.join(' and ')} ${places.length === 1 ? 'uses' : 'use'} connection "${ref}", which the recipe does not name under its connections`,
      code: 'connection_not_named',
      // The places as step ids (`""` for the trigger), so the studio can name them in its own words.
      params: { ref, count: uses.length, steps: JSON.stringify(uses.map((u) => u.step ?? '')) }
    });
  }
  for (const step of allSteps(recipe.steps)) {
    if (step.kind !== 'action' || !step.connection || step.disabled || !Object.hasOwn(named, step.connection)) continue;
    const ref = named[step.connection];
    if (ref.connector !== step.connector) {
      problems.push({
        step: step.id,
        path: 'connections',
        message: `step "${step.id}" uses connection "${step.connection}", which is for ${ref.connector}, not ${step.connector}`,
        code: 'connection_other_connector',
        params: { id: step.id, ref: step.connection, for: ref.connector, connector: step.connector }
      });
    }
  }
  for (const [name, ref] of Object.entries(named)) {
    const def = catalog.connector?.(ref.connector);
    // A reference no run asks for matters only when there is something to set up for its connector.
    if (!used.has(name) && !(def?.connection?.length ?? 0)) continue;
    if (bindings.get(name)?.connector === ref.connector) continue;
    const label = ref.label ?? def?.label ?? ref.connector;
    problems.push({
      step: firstStep(used.get(name)),
      path: `connections.${name}`,
      message: `connection "${name}" (${label}) is not set up: choose one on the Connections page`,
      code: 'connection_not_set_up',
      params: { ref: name, label }
    });
  }
  return problems;
}
