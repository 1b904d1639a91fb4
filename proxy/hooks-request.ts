/**
 * From an incoming `POST /hooks/PATH` to what the studio's job sees: the token (header or `?token=`),
 * compared in constant time, and the request as the recipe format's webhook output `{method, headers, query,
 * body}`, with every secret taken out (Authorization, Cookie, the proxy token header, the `token` parameter),
 * so none reaches a job, a log line or an export.
 */
import type { IncomingMessage } from 'node:http';
import type { HookEvent } from '../src/lib/triggers/webhooks/protocol';
import { tokenMatches } from './token';

/** Headers that carry a credential: never kept. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-sous-proxy-token']);

/** `Authorization: Bearer TOKEN`, else `?token=TOKEN`, is this install's token. */
export function hookTokenOk(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization;
  const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  // Either may carry it: a sender whose Authorization is for something else can still use ?token=.
  return tokenMatches(token, bearer) || tokenMatches(token, url.searchParams.get('token') ?? undefined);
}

/** The path after `/hooks/`, decoded and without outer slashes; null when it cannot be decoded. */
export function hookPathOf(pathname: string, prefix: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(prefix.length)).replace(/^\/+|\/+$/g, '');
  } catch {
    return null;
  }
}

/** The body as the job sees it: parsed when the request says JSON, else its text (null when empty). */
export function hookBody(req: IncomingMessage, body: Buffer): { ok: true; body: unknown } | { ok: false; message: string } {
  if (body.length === 0) return { ok: true, body: null };
  const text = body.toString('utf8');
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(req.headers['content-type'] ?? '')) return { ok: true, body: text };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'the body says it is JSON (Content-Type) but is not valid JSON' };
  }
}

export function hookRequest(req: IncomingMessage, url: URL, body: unknown): HookEvent['request'] {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SECRET_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (name !== 'token') query[name] = value;
  return { method: req.method ?? 'POST', headers, query, body };
}
