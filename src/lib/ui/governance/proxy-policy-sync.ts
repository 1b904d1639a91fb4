/**
 * The local proxy enforces the policy's `hosts` on its side too (docs/pack-format.md): the studio tells it
 * the policy in force when it starts and whenever the policy changes. A studio served without the local
 * server has no proxy to tell; the engine still refuses those hosts itself.
 */
import { setProxyPolicy, type SetProxyPolicyResult } from '../../../../proxy/client';
import { readPolicy } from '../../store/governance';
import type { SousDb } from '../../store/db';

/** `onlyInForce`: on start, where no policy is in force there is nothing the proxy could still hold from us. */
export async function syncProxyPolicy(db: SousDb, doFetch?: typeof fetch, onlyInForce = false): Promise<SetProxyPolicyResult | undefined> {
  const policy = (await readPolicy(db))?.policy;
  if (!policy && onlyInForce) return undefined;
  return setProxyPolicy(policy?.hosts ? { name: policy.name, hosts: policy.hosts } : null, doFetch);
}
