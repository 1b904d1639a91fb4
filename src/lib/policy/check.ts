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
  /**
   * What the line is made of, for the studio to say it in another language: the place (with the step id),
   * the policy's name and the forbidden connector, action or host, each quoted as in the line, and for a
   * host, the hosts it allows (empty: none).
   */
  params: { place: string; policy: string; subject: string; allowed?: string };
}

/** Every part of `recipe` that `policy` forbids, in file order; empty when the recipe keeps to it. */
export function recipePolicyProblems(recipe: Recipe, policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const name = JSON.stringify(policy.name);
  const say = (path: string, stepId: string | undefined, rule: PolicyRule, subject: string, words: string, allowed?: string) => {
    const place = stepId ? `${path} (${stepId})` : path;
    problems.push({ path, stepId, rule, message: `${place}: the policy ${name} ${words}`, params: { place, policy: name, subject, ...(allowed === undefined ? {} : { allowed }) } });
  };
  const t = recipe.trigger;
  const quoted = JSON.stringify;
  if (t.kind === 'event' && !allowedBy(policy.connectors, t.connector)) say('trigger', undefined, 'connector', quoted(t.connector), `does not allow the connector ${quoted(t.connector)}`);
  walk(recipe.steps, ['steps'], false, (step, path, approved) => {
    if (step.kind !== 'action') return;
    const at = formatPath(path);
    const action = `${step.connector}.${step.action}`;
    if (policy.ai === false && step.connector === 'ai') return say(at, step.id, 'ai', quoted(action), 'does not allow AI steps');
    if (!allowedBy(policy.connectors, step.connector)) return say(at, step.id, 'connector', quoted(step.connector), `does not allow the connector ${quoted(step.connector)}`);
    if (!allowedBy(policy.actions, action)) return say(at, step.id, 'action', quoted(action), `does not allow the action ${quoted(action)}`);
    const host = step.connector === 'http' ? literalHost(step.input.url) : undefined;
    if (host !== undefined && !hostAllowed(policy.hosts, host)) return say(at, step.id, 'host', quoted(host), `does not allow the host ${quoted(host)}${allowedHosts(policy)}`, hostList(policy));
    if (!approved && (policy.require_approval ?? []).some((name) => name === action)) {
      say(at, step.id, 'approval', quoted(action), `requires an approval step before ${quoted(action)}`);
    }
  });
  return problems;
}

/** Problems as lines, for a refusal or `sous validate`. */
export function policyLines(problems: readonly PolicyProblem[]): string[] {
  return problems.map((p) => p.message);
}

export function allowedHosts(policy: Policy): string {
  const hosts = hostList(policy);
  return hosts ? ` (it allows ${hosts})` : ' (it allows no host)';
}

/** The first hosts the policy allows, for a line that must stay short; '' when it allows none. */
function hostList(policy: Policy): string {
  const hosts = policy.hosts ?? [];
  return hosts.length > 0 ? `${hosts.slice(0, 8).join(', ')}${hosts.length > 8 ? ', …' : ''}` : '';
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
