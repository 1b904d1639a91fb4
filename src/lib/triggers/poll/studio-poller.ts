/**
 * The page's part of polled API events: in the one tab holding the 'sous-poll-events' Web Lock, every
 * started event recipe is polled by the worker (engine.pollEvents) at once and then on the interval the
 * worker answers, as long as it answers one (a sandbox app's event is pushed, so it answers none). The
 * started recipes are read live, so Start, Stop, "Start this version" and a connector's (re)import take
 * effect at once. A problem is told once, until a poll of that recipe goes well again.
 *
 * Timers run here, on the page (as the schedules' do); the worker holds the connectors and secrets and
 * makes each job under an id from the recipe, the event and the item, so no item runs twice.
 */
import { liveQuery } from 'dexie';
import type { SousDb } from '../../store/db';
import { startedRecipes } from '../../store/recipe-states';
import { customConnectorStamps } from '../../store/custom-connectors';
import type { AutomationDeps, StopAutomation } from '../studio/automation-deps';
import { pageLocks, whileLeader, type LeaderLocks } from '../studio/leader';

export const POLL_LOCK = 'sous-poll-events';
/** After a poll that failed outright (the worker is gone, a bug), try again this much later. */
export const RETRY_MS = 5 * 60_000;

/** Ports for tests; the page uses the real ones. */
export interface PollingOptions {
  locks?: LeaderLocks;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** A started event recipe, with what, when it changes, means "poll afresh now". */
export interface PolledRecipe {
  recipe_id: string;
  /** Active version, when it was (re)started, and its connector's import time. */
  key: string;
}

export function startPolling(deps: AutomationDeps, options: PollingOptions = {}): StopAutomation {
  return whileLeader(options.locks ?? pageLocks(), POLL_LOCK, () => lead(deps, options), {
    onError: (err) => deps.report(`polled events could not run: ${messageOf(err)}`)
  });
}

/** Every started event recipe (the worker tells which of them are polled). */
export async function startedEventRecipes(db: SousDb): Promise<PolledRecipe[]> {
  const [recipes, states, stamps] = await Promise.all([startedRecipes(db, ['event']), db.recipe_states.toArray(), customConnectorStamps(db)]);
  const changed = new Map(states.map((s) => [s.recipe_id, s.changed_at]));
  return recipes.map(({ recipe, version }) => {
    const connector = recipe.trigger.kind === 'event' ? recipe.trigger.connector : '';
    return { recipe_id: recipe.id, key: `${version}|${changed.get(recipe.id) ?? ''}|${stamps.get(connector) ?? ''}` };
  });
}

interface Entry {
  key: string;
  timer?: unknown;
}

/** What the leader tab does until it stops leading. */
function lead(deps: AutomationDeps, options: PollingOptions): () => void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const entries = new Map<string, Entry>();
  /** The problem last told per recipe, so an API that stays down is said once, not every 5 minutes. */
  const told = new Map<string, string>();
  let stopped = false;

  function tell(recipeId: string, problem: string | undefined): void {
    if (!problem) return void told.delete(recipeId);
    if (told.get(recipeId) === problem) return;
    told.set(recipeId, problem);
    deps.report(problem);
  }

  async function poll(recipeId: string, entry: Entry): Promise<void> {
    let next: number | undefined;
    try {
      const outcome = await deps.engine.pollEvents(recipeId);
      if (stopped || entries.get(recipeId) !== entry) return;
      tell(recipeId, outcome.problem);
      next = outcome.every_ms;
    } catch (err) {
      if (stopped || entries.get(recipeId) !== entry) return;
      tell(recipeId, `recipe "${recipeId}" did not check for new items: ${messageOf(err)}`);
      next = RETRY_MS;
    }
    if (next !== undefined) entry.timer = setTimer(() => void poll(recipeId, entry), next);
  }

  function reconcile(list: PolledRecipe[]): void {
    if (stopped) return;
    const now = new Map(list.map((r) => [r.recipe_id, r.key]));
    for (const [id, entry] of entries) {
      if (now.get(id) === entry.key) continue;
      clearTimer(entry.timer);
      entries.delete(id);
      told.delete(id);
      // Stopped: the worker notes it on the recipe's cursors, so the next Start fires no backlog.
      if (!now.has(id)) deps.engine.pollEvents(id).catch(() => {});
    }
    for (const [id, key] of now) {
      if (entries.has(id)) continue;
      const entry: Entry = { key };
      entries.set(id, entry);
      void poll(id, entry);
    }
  }

  const subscription = liveQuery(() => startedEventRecipes(deps.db)).subscribe({
    next: reconcile,
    error: (err) => deps.report(`polled events could not read the started recipes: ${messageOf(err)}`)
  });

  return () => {
    stopped = true;
    subscription.unsubscribe();
    for (const entry of entries.values()) clearTimer(entry.timer);
    entries.clear();
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
