/**
 * The workspace's policy as lint problems, so the editor shows what a run would refuse before it runs. Each
 * is the contract's own line (`steps[1] (fetch): the policy "…" does not allow the connector "http"`), on
 * its step, with a code per rule so the studio can say it in Korean too (the English words stay the
 * contract's line, letter for letter).
 */
import { recipePolicyProblems, type Policy, type PolicyProblem } from '../policy';
import type { Recipe } from '../recipe/schema';
import type { LintCode, ProblemParams } from './codes';

export interface PolicyLintProblem {
  step: string | null;
  path: string;
  message: string;
  code: LintCode;
  params: ProblemParams;
}

export function policyLintProblems(recipe: Recipe, policy: Policy): PolicyLintProblem[] {
  return recipePolicyProblems(recipe, policy).map((p) => ({ step: p.stepId ?? null, path: p.path, message: p.message, code: codeOf(p), params: { ...p.params } }));
}

function codeOf(problem: PolicyProblem): LintCode {
  if (problem.rule === 'host' && !problem.params.allowed) return 'policy_host_none';
  return `policy_${problem.rule}`;
}
