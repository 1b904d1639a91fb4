/**
 * Which started recipe a relayed webhook belongs to: the started webhook recipes (at their active
 * versions) as a map from path to recipe. Two started recipes on one path is the person's to fix, so it
 * is reported and neither takes that path's webhooks (they wait unacknowledged on the server until the
 * person stops one), never a silent pick of one of them.
 */
import type { Recipe } from '../../recipe';
import { normalizeHookPath } from './protocol';

export interface WebhookRoute {
  recipe_id: string;
  version: number;
}

export interface WebhookRoutes {
  /** Normalized path (`normalizeHookPath`) → the one started recipe on it. */
  routes: Map<string, WebhookRoute>;
  /** Every path some started recipe listens on, sorted: what the server is told to accept. */
  paths: string[];
  /** Paths claimed by two or more started recipes (their webhooks wait), sorted. */
  conflicts: string[];
  /** The same, with the recipes' ids, in plain words. */
  problems: string[];
}

export function webhookRoutes(started: ReadonlyArray<{ recipe: Recipe; version: number }>): WebhookRoutes {
  const byPath = new Map<string, WebhookRoute[]>();
  for (const { recipe, version } of started) {
    if (recipe.trigger.kind !== 'webhook') continue;
    const path = normalizeHookPath(recipe.trigger.path);
    if (path === '') continue;
    byPath.set(path, [...(byPath.get(path) ?? []), { recipe_id: recipe.id, version }]);
  }
  const routes = new Map<string, WebhookRoute>();
  const problems: string[] = [];
  const conflicts: string[] = [];
  for (const [path, claims] of byPath) {
    if (claims.length === 1) routes.set(path, claims[0]);
    else {
      conflicts.push(path);
      const names = claims.map((c) => `"${c.recipe_id}"`).sort().join(' and ');
      problems.push(`the started recipes ${names} both listen on the webhook path /hooks/${path}, so neither runs for it: stop one of them or give it another path`);
    }
  }
  return { routes, paths: [...byPath.keys()].sort(), conflicts: conflicts.sort(), problems };
}

/** The same set of paths (the server need not be told again). */
export function samePaths(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((p, i) => p === b[i]);
}
