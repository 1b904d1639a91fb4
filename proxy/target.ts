/**
 * The URL the studio asks for, parsed by the WHATWG URL parser: it folds every spelling of an IPv4
 * address (decimal 2130706433, octal 0177.0.0.1, hex 0x7f.1, short 127.1) and of IPv6 ([::ffff:127.0.0.1])
 * into one canonical form, which is then judged before any connection is tried. The connector judges it
 * again at connect time; this early check gives the clearer answer and costs no socket.
 */
import { isIP } from 'node:net';
import { openedPolicy, type AddressPolicy } from './address-policy';
import { ProxyError } from './errors';
import { forbiddenAddress } from './guarded-agent';

export function parseTarget(raw: string | null | undefined, base?: URL): URL {
  if (!raw) throw new ProxyError('bad_target', 'say where to send the request: /proxy?url=<encoded absolute URL>');
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    throw new ProxyError('bad_target', base ? 'the upstream redirected to an address that is not a valid URL' : 'the url parameter is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyError('bad_target', `only http and https URLs can be reached, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.username || url.password) {
    throw new ProxyError('bad_target', 'a URL with a user name or password in it is refused: send credentials in a header');
  }
  url.hash = '';
  return url;
}

/** Refuse an IP-literal host the policy forbids; host names are judged when they are resolved. */
export function checkLiteralHost(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!isIP(host)) return;
  const verdict = (policy.opens?.(host, portOf(url)) ? openedPolicy : policy).check(host);
  if (!verdict.allowed) throw forbiddenAddress(host, host, verdict.range);
}

/** The port a URL connects to: its own, or its scheme's. */
export function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}
