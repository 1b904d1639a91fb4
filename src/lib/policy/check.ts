/**
 * Which parts of a recipe break a policy, each in the contract's words (docs/pack-format.md):
 * `steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"`.
 * Static: what the file itself says. Hosts written as expressions, and imported API connectors' servers,
 * are known only when a request is made; `guardedFetch` (hosts.ts) refuses those then.
 */
import { childLists, formatPath, type Recipe, type Step } from '../recipe';
import { allowedBy, hostAllowed } from './names';
import type { Policy } from './schema';

export type PolicyRule = 'connector' | 'action' | 'host' | 'approval' | 'ai';

export interface PolicyProblem {
  /** `trigger`, or the step's place such as `steps[1]` or `steps[0].then[2]`. */
  path: string;
  stepId?: string;
  rule: PolicyRule;
  /** The whole line: place, step id and the rule in words. */
  message: string;
}

/** Every part of `recipe` that `policy` forbids, in file order; empty when the recipe keeps to it. */
export function recipePolicyProblems(recipe: Recipe, policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const say = (path: string, stepId: string | undefined, rule: PolicyRule, words: string) =>
    problems.push({ path, stepId, rule, message: `${stepId ? `${path} (${stepId})` : path}: the policy ${JSON.stringify(policy.name)} ${words}` });
  const t = recipe.trigger;
  if (t.kind === 'event' && !allowedBy(policy.connectors, t.connector)) say('trigger', undefined, 'connector', `does not allow the connector ${JSON.stringify(t.connector)}`);
  walk(recipe.steps, ['steps'], false, (step, path, approved) => {
    if (step.kind !== 'action') return;
    const at = formatPath(path);
    const action = `${step.connector}.${step.action}`;
    if (policy.ai === false && step.connector === 'ai') return say(at, step.id, 'ai', 'does not allow AI steps');
    if (!allowedBy(policy.connectors, step.connector)) return say(at, step.id, 'connector', `does not allow the connector ${JSON.stringify(step.connector)}`);
    if (!allowedBy(policy.actions, action)) return say(at, step.id, 'action', `does not allow the action ${JSON.stringify(action)}`);
    const host = step.connector === 'http' ? literalHost(step.input.url) : undefined;
    if (host !== undefined && !hostAllowed(policy.hosts, host)) return say(at, step.id, 'host', `does not allow the host ${JSON.stringify(host)}${allowedHosts(policy)}`);
    if (!approved && (policy.require_approval ?? []).some((name) => name === action)) {
      say(at, step.id, 'approval', `requires an approval step before ${JSON.stringify(action)}`);
    }
  });
  return problems;
}

/** Problems as lines, for a refusal or `sous validate`. */
export function policyLines(problems: readonly PolicyProblem[]): string[] {
  return problems.map((p) => p.message);
}

export function allowedHosts(policy: Policy): string {
  return policy.hosts && policy.hosts.length > 0 ? ` (it allows ${policy.hosts.slice(0, 8).join(', ')}${policy.hosts.length > 8 ? ', …' : ''})` : ' (it allows no host)';
}

/**
 * Depth first, in file order. `approved` says an approval step runs before this one on every path to it:
 * one earlier in the same list or in a list that encloses it. One inside an earlier branch, loop or try
 * does not count, since that path may skip it.
 */
function walk(steps: readonly Step[], path: PropertyKey[], approved: boolean, visit: (step: Step, path: PropertyKey[], approved: boolean) => void): void {
  let seen = approved;
  steps.forEach((step, index) => {
    const at = [...path, index];
    visit(step, at, seen);
    for (const [key, list] of childLists(step)) walk(list, [...at, key], seen, visit);
    if (step.kind === 'approval') seen = true;
  });
}

/** The host of a URL written out in full; undefined when any of it before the path is an expression. */
function literalHost(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url.trim())?.[0];
  if (!origin || origin.includes('{{')) return undefined;
  try {
    return new URL(origin).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}
