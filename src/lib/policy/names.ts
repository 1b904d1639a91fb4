/** Matching names against a policy's lists: connector ids, `CONNECTOR.ACTION` names and host names. */
import type { AllowDeny } from './schema';

/** `*` matches any run of characters (dots included); everything else matches itself. */
export function nameMatches(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  // Each fixed piece in order, the first at the start and the last at the end: linear, no regex to build.
  if (!name.startsWith(parts[0]) || !name.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  const end = name.length - parts[parts.length - 1].length;
  if (at > end) return false;
  for (const piece of parts.slice(1, -1)) {
    const found = name.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** Allowed unless a `deny` entry matches; when `allow` is given, only what one of its entries matches. */
export function allowedBy(list: AllowDeny | undefined, name: string): boolean {
  if (!list) return true;
  if (list.deny?.some((p) => nameMatches(p, name))) return false;
  return list.allow === undefined || list.allow.some((p) => nameMatches(p, name));
}

/** A host against the policy's `hosts`: an exact name, or `*.example.org` for any subdomain of it. */
export function hostAllowed(hosts: readonly string[] | undefined, host: string): boolean {
  if (hosts === undefined) return true;
  const name = host.toLowerCase().replace(/\.$/, '');
  return hosts.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern;
  });
}
