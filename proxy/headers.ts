/**
 * Which headers cross the proxy. Towards the upstream: what the studio asked to send, less what describes
 * the hop from the browser (hop-by-hop, Host, Sec-Fetch-*), what would leak the user (cookies, Origin,
 * Referer, forwarding chains) and the proxy's own token. Back to the studio: the upstream's headers, less
 * those that would act on the studio's own origin (cookies, Clear-Site-Data, HSTS, CORS grants) and the
 * proxy's own error marker, which only the proxy may set.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_HEADER = 'x-sous-proxy-token';
export const ERROR_HEADER = 'x-sous-proxy-error';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-authenticate'];

const REQUEST_DROP = new Set([
  ...HOP_BY_HOP,
  'host',
  'content-length',
  'expect',
  'cookie',
  'cookie2',
  'origin',
  'referer',
  'forwarded',
  'x-real-ip',
  'via',
  TOKEN_HEADER
]);
const REQUEST_DROP_PREFIXES = ['x-forwarded-', 'sec-fetch-', 'sec-ch-', 'access-control-request-'];

const RESPONSE_DROP = new Set([
  ...HOP_BY_HOP,
  'content-length',
  'set-cookie',
  'set-cookie2',
  'clear-site-data',
  'strict-transport-security',
  'alt-svc',
  'service-worker-allowed',
  'content-security-policy',
  ERROR_HEADER
]);
const RESPONSE_DROP_PREFIXES = ['access-control-'];

type Headers = Record<string, string | string[] | undefined>;

/** Header names listed in `Connection` are hop-by-hop for this message too (RFC 9110 §7.6.1). */
function connectionListed(headers: Headers): Set<string> {
  const value = headers['connection'];
  const list = Array.isArray(value) ? value.join(',') : (value ?? '');
  return new Set(list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

function filter(headers: Headers, drop: Set<string>, prefixes: string[]): Record<string, string | string[]> {
  const listed = connectionListed(headers);
  const out: Record<string, string | string[]> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (value === undefined || drop.has(name) || listed.has(name) || prefixes.some((p) => name.startsWith(p))) continue;
    out[name] = value;
  }
  return out;
}

export function upstreamRequestHeaders(incoming: IncomingHttpHeaders): Record<string, string | string[]> {
  return filter(incoming, REQUEST_DROP, REQUEST_DROP_PREFIXES);
}

export function studioResponseHeaders(upstream: Headers): Record<string, string | string[]> {
  return filter(upstream, RESPONSE_DROP, RESPONSE_DROP_PREFIXES);
}

/** Headers a cross-origin redirect must not carry on (as fetch does): credentials meant for the first host. */
export const CROSS_ORIGIN_DROP = ['authorization', 'proxy-authorization', 'cookie'];
