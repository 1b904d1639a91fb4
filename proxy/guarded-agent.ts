/**
 * The undici Agent every upstream connection goes through. The address check happens here, at connect
 * time, on every connection of every hop: the host name is resolved once, EVERY answer is judged (a
 * rebinding resolver that answers public first and loopback second is refused outright), and the socket
 * connects only to an address that was judged. There is no gap between checking and connecting for DNS
 * rebinding to use. IP literals skip `lookup` in Node's `net.connect`, so the connector judges them itself,
 * and after connecting it judges the socket's peer address once more.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP, type Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import { openedPolicy, type AddressPolicy } from './address-policy';
import { ProxyError } from './errors';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Turns a host name into its addresses; injectable so tests control DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface GuardedAgentOptions {
  policy: AddressPolicy;
  resolve?: Resolver;
  connectTimeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to Node's own roots: a company CA for on-premises hosts. */
  extraCa?: readonly string[];
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** ipaddr.js's range names, in words a person reading a failed step understands. */
const RANGE_WORDS: Record<string, string> = {
  cloudMetadata: 'a cloud metadata address',
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a private (unique local) IPv6 address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address'
};

/** The refusal for an address the policy forbids; its message says how to open it on purpose. */
export function forbiddenAddress(hostname: string, address: string, range: string): ProxyError {
  const what = hostname === address ? `${address} is` : `${hostname} resolves to ${address}, which is`;
  const hint = range === 'cloudMetadata' ? '' : ` To reach an on-premises system, start the proxy with --allow ${hostname}.`;
  return new ProxyError('forbidden_address', `${what} ${RANGE_WORDS[range] ?? `a ${range} address`}; the proxy does not reach it.${hint}`);
}

/** A `net.connect` lookup that resolves with `resolve` and refuses unless every answer is allowed. */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname)
      .then((answers) => {
        if (answers.length === 0) throw new ProxyError('upstream_unreachable', `${hostname} has no address`);
        const judged = answers.map(({ address }) => {
          const verdict = policy.check(address, hostname);
          if (!verdict.allowed) throw forbiddenAddress(hostname, address, verdict.range);
          // Connect to the address exactly as it was judged, never to a spelling net might read otherwise.
          const parsed = ipaddr.parse(address);
          return { address: parsed.toString(), family: parsed.kind() === 'ipv4' ? 4 : 6 };
        });
        const wanted = options.family ? judged.filter((a) => a.family === options.family) : judged;
        if (wanted.length === 0) throw new ProxyError('upstream_unreachable', `${hostname} has no IPv${options.family} address`);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, ''));
  };
}

export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const connectorFor = (policy: AddressPolicy) =>
    buildConnector({
      timeout: options.connectTimeoutMs + 1000,
      ...(options.extraCa?.length ? { ca: [...rootCertificates, ...options.extraCa] } : {}),
      lookup: guardedLookup(policy, options.resolve ?? systemResolver)
    } as buildConnector.BuildOptions);
  const strict = connectorFor(options.policy);
  // A `host:port` opened at run time gets its own connector, so the opening reaches that pair and no other.
  const opened = options.policy.opens ? connectorFor(openedPolicy) : undefined;

  return new Agent({
    connect(opts, callback) {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
      const connector = opened !== undefined && options.policy.opens!(host, port) ? opened : strict;
      const policy = connector === opened ? openedPolicy : options.policy;
      if (isIP(host)) {
        const verdict = policy.check(host);
        if (!verdict.allowed) return callback(forbiddenAddress(host, host, verdict.range), null);
      }
      // Our own connect timeout (resolving included): undici's runs on a coarse timer, up to ~1 s late.
      let settled = false;
      const settle = (err: Error | null, socket?: Socket) => {
        if (settled) return socket?.destroy();
        settled = true;
        clearTimeout(timer);
        if (err) {
          socket?.destroy();
          callback(err, null);
        } else callback(null, socket!);
      };
      const timer = setTimeout(() => {
        pending?.destroy();
        settle(new ProxyError('timeout', `could not connect to ${host} within ${options.connectTimeoutMs} ms`));
      }, options.connectTimeoutMs);
      const pending = connector(opts, (err, socket) => {
        if (err) return settle(err);
        const peer = (socket as Socket).remoteAddress;
        const verdict = peer ? policy.check(peer, isIP(host) ? undefined : host) : { allowed: false as const, range: 'unknown' };
        if (!verdict.allowed) return settle(forbiddenAddress(host, peer ?? '?', verdict.range), socket as Socket);
        settle(null, socket as Socket);
      }) as unknown as Socket | undefined;
    }
  });
}
