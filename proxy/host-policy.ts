/**
 * The policy's `hosts` on the proxy's side (issue 15): the studio's engine refuses unlisted hosts itself,
 * but a policy is only as strong as its weakest door, so the proxy refuses them too, before it resolves or
 * sends anything, on every hop of a redirect. The list comes from `--policy FILE` at start or from the
 * studio (`POST /proxy-settings/policy`) while the server runs; a policy without `hosts` limits nothing.
 * Names match as the engine matches them (src/lib/policy/names.ts): exact, or `*.example.org` for subdomains.
 */
import { z } from 'zod';
import { hostAllowed } from '../src/lib/policy/names';
import { ProxyError } from './errors';

export const PolicyHostsSchema = z.strictObject({
  name: z.string().min(1).max(200),
  hosts: z.array(z.string().min(1).max(200)).max(1000)
});
export type PolicyHosts = z.infer<typeof PolicyHostsSchema>;

export interface HostPolicy {
  current(): PolicyHosts | undefined;
  set(policy: PolicyHosts | undefined): void;
  /** Throws `policy_host` when the policy in force does not list the URL's host. */
  check(url: URL): void;
}

export function createHostPolicy(initial?: PolicyHosts): HostPolicy {
  let policy = initial;
  return {
    current: () => policy,
    set(next) {
      policy = next;
    },
    check(url) {
      if (!policy) return;
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (hostAllowed(policy.hosts, host)) return;
      const listed = policy.hosts.length > 0 ? `it allows ${policy.hosts.slice(0, 8).join(', ')}${policy.hosts.length > 8 ? ', …' : ''}` : 'it allows no host';
      throw new ProxyError('policy_host', `the policy ${JSON.stringify(policy.name)} does not allow the host ${JSON.stringify(host)} (${listed}); nothing was sent`);
    }
  };
}
