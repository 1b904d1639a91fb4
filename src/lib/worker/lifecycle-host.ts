/**
 * Start and stop in the worker: a recipe starts (its triggers fire, on the version made active) only when
 * nothing stops it from running well. The checks themselves are src/lib/triggers/lifecycle/'s.
 */
import { getRecipe, markStarted, markStopped, type SousDb } from '../store';

/** `ok: false`: every reason the recipe cannot start, in plain words; nothing changed. */
export type StartResult = { ok: true; version: number } | { ok: false; reasons: string[] };

export interface LifecycleHostDeps {
  db: SousDb;
  /** Why this version of the recipe cannot start (lint, policy, a missing connection); [] when it can. */
  startProblems?: (recipeId: string, version: number) => Promise<string[]>;
}

export function createLifecycleHost(deps: LifecycleHostDeps) {
  const { db } = deps;
  return {
    /** Start the recipe on `version` (default: its newest, which is also "Start this version" for a draft). */
    async startRecipe(recipeId: string, version?: number): Promise<StartResult> {
      const found = await getRecipe(db, recipeId, version);
      if (!found) return { ok: false, reasons: [version === undefined ? `there is no recipe "${recipeId}"` : `recipe "${recipeId}" has no version ${version}`] };
      const reasons = (await deps.startProblems?.(recipeId, found.version)) ?? [];
      if (reasons.length > 0) return { ok: false, reasons };
      await markStarted(db, recipeId, found.version);
      return { ok: true, version: found.version };
    },

    /** Stop the recipe: its triggers no longer fire. Jobs already running go on to their end. */
    async stopRecipe(recipeId: string): Promise<void> {
      await markStopped(db, recipeId);
    }
  };
}

export type LifecycleHost = ReturnType<typeof createLifecycleHost>;
