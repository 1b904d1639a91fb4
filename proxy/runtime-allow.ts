/**
 * Addresses opened from the studio while the server runs: exact `host:port` pairs, never ranges, kept in
 * memory for the server's life (a restart forgets them; `--allow` is the lasting way). The studio's
 * "Allow 127.0.0.1:8080 for this studio" button adds one through proxy/settings-endpoint.ts.
 *
 * What may never be opened, whatever is asked: cloud metadata services (by address, also inside an IPv6
 * form that carries it, and by their well-known names), the whole link-local range they live in, and
 * addresses that are not one machine (unspecified, multicast, broadcast).
 */
import ipaddr from 'ipaddr.js';
import { isMetadataAddress } from './address-policy';

export interface RuntimeAllowlist {
  /** Open `host:port`; a refusal says why in words. */
  add(entry: string): { ok: true; entry: string } | { ok: false; message: string };
  /** Close it again; false when it was not open. */
  remove(entry: string): boolean;
  list(): string[];
  has(hostname: string, port: number): boolean;
}

/** Names of metadata services that resolve to them inside a cloud. */
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);
/** Ranges that are never one ordinary machine, or hold the metadata services. */
const NEVER_RANGES = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast']);

/** `127.0.0.1:8080`, `[::1]:8080`, `erp.local:80` → the host as URLs spell it and the port; null when it is not one. */
export function parseHostPort(entry: string): { host: string; port: number } | null {
  const text = entry.trim();
  if (!/^(\[[0-9a-fA-F:.]+\]|[^\s/:@[\]?#]+):\d{1,5}$/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    return null;
  }
  const port = Number(text.slice(text.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host: normalHost(url.hostname), port };
}

/** One spelling per host: lower case, no brackets or trailing dot, an IP address in its canonical form. */
function normalHost(hostname: string): string {
  const bare = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toString() : bare;
}

const key = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Why `host` may never be opened, or undefined when it may. */
function neverReason(host: string): string | undefined {
  if (METADATA_NAMES.has(host) || isMetadataAddress(host)) return `${host} is a cloud metadata address, which the proxy never reaches`;
  if (!ipaddr.isValid(host)) return undefined;
  const parsed = ipaddr.parse(host);
  const forms = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? [parsed, (parsed as ipaddr.IPv6).toIPv4Address()] : [parsed];
  const range = forms.map((a) => a.range()).find((r) => NEVER_RANGES.has(r));
  return range ? `${host} is a ${range} address (${range === 'linkLocal' ? 'where cloud metadata services live' : 'not one machine'}), which cannot be allowed` : undefined;
}

export function createRuntimeAllowlist(): RuntimeAllowlist {
  const open = new Set<string>();
  return {
    add(entry) {
      const parsed = parseHostPort(entry);
      if (!parsed) return { ok: false, message: `"${entry}" is not a host and port like 127.0.0.1:8080 (ranges are not allowed here)` };
      const reason = neverReason(parsed.host);
      if (reason) return { ok: false, message: reason };
      const name = key(parsed.host, parsed.port);
      open.add(name);
      return { ok: true, entry: name };
    },
    remove(entry) {
      const parsed = parseHostPort(entry);
      return parsed ? open.delete(key(parsed.host, parsed.port)) : false;
    },
    list: () => [...open].sort(),
    has(hostname, port) {
      return open.size > 0 && open.has(key(normalHost(hostname), port));
    }
  };
}
