/**
 * The workspace's policy as the worker's engine enforces it: `admit` for every new job (the runner asks it
 * synchronously, so the policy is read from the store beforehand, in `refresh`, which runs wherever the
 * connectors are synced: before any job starts or goes on), and a fetch that refuses the hosts the policy
 * does not list at the moment of a request (a URL built from data, an imported API's server).
 */
import type { Recipe } from '../recipe';
import { guardedFetch, policyLines, recipePolicyProblems, type Policy } from '../policy';
import { readPolicy } from '../store/governance';
import type { SousDb } from '../store';

export interface PolicyGate {
  /** Read the policy in force again (another tab, or the Governance page, may have changed it). */
  refresh(): Promise<Policy | undefined>;
  /** The broken rules of `recipe`, each in the contract's words; empty: it may run. */
  admit(recipe: Recipe): readonly string[];
  /** `base`, refusing before sending a request to a host the policy in force does not list. */
  fetch(base: typeof fetch): typeof fetch;
}

export function createPolicyGate(db: SousDb): PolicyGate {
  let policy: Policy | undefined;
  return {
    async refresh() {
      policy = (await readPolicy(db))?.policy;
      return policy;
    },
    admit: (recipe) => (policy ? policyLines(recipePolicyProblems(recipe, policy)) : []),
    fetch: (base) => ((input, init) => guardedFetch(base, policy)(input, init)) as typeof fetch
  };
}
