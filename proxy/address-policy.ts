/**
 * Which IP addresses the proxy may reach. Default-deny: only public unicast passes; everything ipaddr.js
 * names as a special range (loopback, private, link-local, CGNAT, multicast, broadcast, unspecified,
 * reserved, unique-local, …) is refused, and IPv6 forms that carry an IPv4 address (mapped, translated,
 * NAT64, 6to4, Teredo) are unwrapped and the IPv4 inside is judged instead. An allowlist opens named hosts
 * or CIDR ranges for on-premises systems; cloud metadata endpoints stay closed whatever the allowlist says.
 *
 * All range knowledge comes from ipaddr.js (`range()`, `parseCIDR`, `match`); nothing here parses ranges.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

export type Verdict = { allowed: true } | { allowed: false; range: string };

export interface AddressPolicy {
  /** Judge one address; `hostname` is the name it was resolved from, for the allowlist's named hosts. */
  check(address: string, hostname?: string): Verdict;
  /**
   * Whether this exact `host:port` was opened while the server runs (the studio's "Allow" button,
   * proxy/runtime-allow.ts): a connection to it is judged by `openedPolicy` (only metadata stays closed).
   */
  opens?(hostname: string, port: number): boolean;
}

export interface AddressPolicyOptions {
  /** Host names (`erp.corp.example`, `*.corp.example`), single addresses or CIDR ranges to open. */
  allow?: readonly string[];
  /** Exact `host:port` pairs opened at run time. */
  opened?: { has(hostname: string, port: number): boolean };
}

/** Cloud metadata services (AWS, GCP, Azure, OpenStack; AWS over IPv6; Alibaba): never reachable. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'].map((a) => ipaddr.parse(a).toNormalizedString());

/** IPv6 blocks ipaddr.js calls `unicast` that are not: IPv4-compatible (deprecated, RFC 4291) addresses. */
const NOT_UNICAST_V6: Array<[string, Cidr]> = [['ipv4Compatible', ipaddr.parseCIDR('::/96')]];

/** Whether an address is (or carries) a cloud metadata address, which nothing may open. */
export function isMetadataAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  return [parsed, ...embeddedIPv4(parsed)].some((a) => METADATA.includes(a.toNormalizedString()));
}

/** The policy for a `host:port` opened on purpose: any valid address but a cloud metadata one. */
export const openedPolicy: AddressPolicy = {
  check(address) {
    if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' };
    return isMetadataAddress(address) ? { allowed: false, range: 'cloudMetadata' } : { allowed: true };
  }
};

export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allow = parseAllowlist(options.allow ?? []);
  const opened = options.opened;
  return {
    ...(opened ? { opens: (hostname: string, port: number) => opened.has(hostname, port) } : {}),
    check(address, hostname) {
      if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' };
      const parsed = ipaddr.parse(address);
      const forms = [parsed, ...embeddedIPv4(parsed)];
      if (forms.some((a) => METADATA.includes(a.toNormalizedString()))) return { allowed: false, range: 'cloudMetadata' };
      if (hostname && allow.hostAllowed(hostname)) return { allowed: true };
      if (forms.some((a) => allow.addressAllowed(a))) return { allowed: true };
      return judge(parsed);
    }
  };
}

function judge(address: Address): Verdict {
  if (address.kind() === 'ipv4') {
    const range = (address as ipaddr.IPv4).range();
    return range === 'unicast' ? { allowed: true } : { allowed: false, range };
  }
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'unicast') {
    for (const [name, cidr] of NOT_UNICAST_V6) if (v6.match(cidr)) return { allowed: false, range: name };
    return { allowed: true };
  }
  const inner = embeddedIPv4(v6);
  if (inner.length === 0) return { allowed: false, range };
  for (const v4 of inner) {
    const verdict = judge(v4);
    if (!verdict.allowed) return { allowed: false, range: `${range}(${verdict.range})` };
  }
  return { allowed: true };
}

/** The IPv4 addresses an IPv6 address carries, by its range (RFC 4291, 6145, 6052, 3056, 4380). */
function embeddedIPv4(address: Address): ipaddr.IPv4[] {
  if (address.kind() !== 'ipv6') return [];
  const v6 = address as ipaddr.IPv6;
  const p = v6.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (v6.range()) {
    case 'ipv4Mapped':
      return [v6.toIPv4Address()];
    case 'rfc6145':
      return [v4(p[6], p[7])];
    case 'rfc6052':
      // 64:ff9b::/96 carries the address in its last 32 bits; the local-use 64:ff9b:1::/48 may put it
      // elsewhere, so it has no single reading: it is judged by its range alone (refused).
      return p[2] === 0 ? [v4(p[6], p[7])] : [];
    case '6to4':
      return [v4(p[1], p[2])];
    case 'teredo':
      // The Teredo server (bits 32–63) and the client, stored inverted in the last 32 bits.
      return [v4(p[2], p[3]), v4(~p[6] & 0xffff, ~p[7] & 0xffff)];
    default:
      return [];
  }
}

interface Allowlist {
  hostAllowed(hostname: string): boolean;
  addressAllowed(address: Address): boolean;
}

/** Parse allowlist entries; throws with the entry named when one is neither a host, an address nor a CIDR. */
export function parseAllowlist(entries: readonly string[]): Allowlist {
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  const ranges: Cidr[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`allowlist entry "${raw}" is not a valid CIDR range`);
      ranges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry.replace(/^\[|\]$/g, ''))) {
      const address = ipaddr.parse(entry.replace(/^\[|\]$/g, ''));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (entry.startsWith('*.')) {
      suffixes.push('.' + normalHost(entry.slice(2), raw));
    } else {
      hosts.add(normalHost(entry, raw));
    }
  }
  return {
    hostAllowed(hostname) {
      const host = hostname.toLowerCase().replace(/\.$/, '');
      return hosts.has(host) || suffixes.some((s) => host.endsWith(s));
    },
    addressAllowed(address) {
      return ranges.some((cidr) => cidr[0].kind() === address.kind() && address.match(cidr));
    }
  };
}

/** A host name as URL parsing spells it (lower case, punycode), so it compares with `URL.hostname`. */
function normalHost(name: string, raw: string): string {
  try {
    const host = new URL(`http://${name}`).hostname.replace(/\.$/, '');
    if (host && !host.includes(':')) return host;
  } catch {
    // fall through to the error below
  }
  throw new Error(`allowlist entry "${raw}" is not a host name, an address or a CIDR range`);
}
