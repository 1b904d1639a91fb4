/**
 * The connectors `sous serve` runs recipes with: the built-in ones, with `http` going out through the
 * proxy's guarded agent and address policy (private, loopback, link-local… refused unless `--allow`ed; cloud
 * metadata never), a refusal said in words that name sous serve's own flag.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import type { AddressPolicy } from '../../proxy/address-policy';
import { createGuardedAgent } from '../../proxy/guarded-agent';
import { DEFAULT_LIMITS } from '../../proxy/limits';
import { builtinConnectors } from '../../src/lib/connectors/builtin';
import { MemoryChat } from '../../src/lib/connectors/chat';
import { memorySandboxStores, noEvents } from '../../src/lib/connectors/sandbox';

export function serveConnectors(policy: AddressPolicy): { connectors: ReturnType<typeof builtinConnectors>; agent: Agent } {
  const agent: Agent = createGuardedAgent({ policy, connectTimeoutMs: DEFAULT_LIMITS.connectTimeoutMs });
  const guardedFetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await undiciFetch(input as never, { ...(init as object), dispatcher: agent } as never);
    } catch (err) {
      throw refusedAddress(err) ?? err;
    }
  }) as unknown as typeof fetch;
  const connectors = builtinConnectors({
    chat: new MemoryChat(),
    http: { fetch: guardedFetch },
    sandbox: { stores: memorySandboxStores(), events: noEvents }
  });
  return { connectors, agent };
}

/** The address policy's refusal inside a failed fetch, said for sous serve (the step's error shows it). */
function refusedAddress(err: unknown): Error | undefined {
  for (let e = err as { cause?: unknown; code?: unknown; message?: unknown } | undefined, n = 0; e && n < 5; e = e.cause as typeof e, n++) {
    if (e.code === 'forbidden_address' && typeof e.message === 'string') {
      return new Error(e.message.replace('the proxy does not reach it', 'sous serve does not reach it').replace('start the proxy with', 'start sous serve with'));
    }
  }
  return undefined;
}
