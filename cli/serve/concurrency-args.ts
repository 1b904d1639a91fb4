/**
 * `sous serve --concurrency`: how many jobs of one recipe run at once. `--concurrency N` sets the default for
 * every recipe (1 when not given, so a recipe's jobs run one after another, as in the studio);
 * `--concurrency RECIPE_ID=N` sets one recipe's, and may be repeated. Both feed the shared trigger queue's
 * `concurrency` and `perRecipe`.
 */

/** The most jobs of one recipe at once: one process, one SQLite file; more is a queue for BullMQ (see README). */
export const MAX_CONCURRENCY = 100;

export interface ServeConcurrency {
  /** Jobs of one recipe at once, unless `perRecipe` names it. */
  concurrency: number;
  perRecipe: Record<string, number>;
}

const RECIPE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseConcurrency(given: readonly string[]): { ok: true; value: ServeConcurrency } | { ok: false; message: string } {
  let concurrency: number | undefined;
  const perRecipe: Record<string, number> = {};
  for (const text of given) {
    const at = text.indexOf('=');
    const id = at < 0 ? undefined : text.slice(0, at);
    const n = count(at < 0 ? text : text.slice(at + 1));
    if (id !== undefined && !RECIPE_ID.test(id)) {
      return fail(`--concurrency expects N or RECIPE_ID=N, and "${id}" is not a recipe id (lowercase letters, digits and dashes)`);
    }
    if (n === undefined) {
      const what = id === undefined ? `"${text}"` : `"${text.slice(at + 1)}" for ${id}`;
      return fail(`--concurrency expects a whole number from 1 to ${MAX_CONCURRENCY} (jobs of one recipe at once), not ${what}`);
    }
    if (id === undefined) {
      if (concurrency !== undefined) return fail('--concurrency N is given twice; give it once (and RECIPE_ID=N for single recipes)');
      concurrency = n;
    } else {
      if (id in perRecipe) return fail(`--concurrency gives recipe ${id} two values`);
      perRecipe[id] = n;
    }
  }
  return { ok: true, value: { concurrency: concurrency ?? 1, perRecipe } };
}

function count(text: string): number | undefined {
  if (!/^\d{1,3}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= 1 && n <= MAX_CONCURRENCY ? n : undefined;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
