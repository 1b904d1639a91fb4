/**
 * The studio's side of "Allow 127.0.0.1:8080 for this studio": which address a refused step asked for,
 * and the two calls to the local server (proxy/settings-endpoint.ts). Both calls are same-origin: the token
 * comes from the server that served this page, so where the studio is served another way (a static host,
 * `vite dev`) there is no server to ask, and the caller says what to do instead.
 */
export type AllowResult = { ok: true; entry: string } | { ok: false; reason: 'no_server' | 'refused'; message: string };

/** The `host:port` a proxy_forbidden_address failure names, or undefined (a metadata address: nothing to offer). */
export function refusedHost(code: string | undefined, message: string): string | undefined {
  if (code !== 'proxy_forbidden_address' || /cloud metadata/i.test(message)) return undefined;
  const host = /did not send this request to (\S+?):\s/.exec(message)?.[1];
  if (!host) return undefined;
  // `URL.host` leaves out a default port; the proxy opens exact pairs, so name the port.
  return /:\d+$/.test(host) ? host : `${host}:80`;
}

const TOKEN_PATH = '/proxy-settings/token';
const ALLOW_PATH = '/proxy-settings/allow';

export async function allowForStudio(host: string, fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<AllowResult> {
  let token: unknown;
  try {
    const answer = await fetchFn(TOKEN_PATH, { headers: { accept: 'application/json' } });
    if (!answer.ok || !/json/.test(answer.headers.get('content-type') ?? '')) return { ok: false, reason: 'no_server', message: `${answer.status}` };
    token = ((await answer.json()) as { token?: unknown }).token;
  } catch (err) {
    return { ok: false, reason: 'no_server', message: err instanceof Error ? err.message : String(err) };
  }
  if (typeof token !== 'string') return { ok: false, reason: 'no_server', message: 'no token' };
  const answer = await fetchFn(ALLOW_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sous-settings-token': token },
    body: JSON.stringify({ host })
  });
  const body = (await answer.json().catch(() => ({}))) as { entry?: string; error?: { message?: string } };
  if (!answer.ok) return { ok: false, reason: 'refused', message: body.error?.message ?? String(answer.status) };
  return { ok: true, entry: body.entry ?? host };
}
