/**
 * The workspace's policy as lint problems, so the editor shows what a run would refuse before it runs. Each
 * is the contract's own line (`steps[1] (fetch): the policy "…" does not allow the connector "http"`), on
 * its step. It carries no lint code: the line names the policy and rule as the contract words them, and the
 * studio shows it as it is in either language (a code needs the `problems` catalogue's words first).
 */
import { recipePolicyProblems, type Policy } from '../policy';
import type { Recipe } from '../recipe/schema';

export interface PolicyLintProblem {
  step: string | null;
  path: string;
  message: string;
}

export function policyLintProblems(recipe: Recipe, policy: Policy): PolicyLintProblem[] {
  return recipePolicyProblems(recipe, policy).map((p) => ({ step: p.stepId ?? null, path: p.path, message: p.message }));
}
