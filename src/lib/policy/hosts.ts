/**
 * The policy's `hosts` at the moment of a request: a URL built from data, or an imported API connector's
 * server, is known only then. Wraps the fetch that `http` and imported connectors are given.
 */
import { StepFailure } from '../engine/errors';
import { hostAllowed } from './names';
import { allowedHosts } from './check';
import type { Policy } from './schema';

export const POLICY_HOST_CODE = 'policy_host';

export function policyHostRefusal(policy: Policy, host: string): StepFailure {
  return new StepFailure(`the policy ${JSON.stringify(policy.name)} does not allow the host ${JSON.stringify(host)}${allowedHosts(policy)}`, {
    code: POLICY_HOST_CODE,
    kind: 'user',
    retryable: false
  });
}

/** `fetch` that refuses, before sending anything, a request to a host the policy does not list. */
export function guardedFetch(fetchFn: typeof fetch, policy: Policy | undefined): typeof fetch {
  if (!policy?.hosts) return fetchFn;
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!hostAllowed(policy.hosts, host)) return Promise.reject(policyHostRefusal(policy, host));
    return fetchFn(input, init);
  }) as typeof fetch;
}
