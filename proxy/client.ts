/**
 * The studio's side of the proxy protocol, with no Node imports so browser code can use it as is: a
 * `fetch` that sends each request to `<proxy>/proxy?url=<encoded URL>` with the token header, for the
 * http connector's `fetch` option. The token comes from `GET /proxy/token` when the studio and the proxy
 * share an origin, or from settings when a team runs the proxy elsewhere.
 */
export const PROXY_TOKEN_HEADER = 'x-sous-proxy-token';

export interface ProxiedFetchOptions {
  /** Where the proxy answers, e.g. `http://127.0.0.1:5177` (the studio's own origin under `npm start`). */
  proxy: string;
  /** The token, or how to get it (called once, then kept). */
  token: string | (() => Promise<string>);
  fetch?: typeof fetch;
}

export function proxiedFetch(options: ProxiedFetchOptions): typeof fetch {
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let token: Promise<string> | undefined;
  const getToken = () => (token ??= typeof options.token === 'string' ? Promise.resolve(options.token) : options.token());
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const target = request ? request.url : String(input);
    const headers = new Headers(init?.headers ?? request?.headers);
    headers.set(PROXY_TOKEN_HEADER, await getToken());
    const url = `${options.proxy.replace(/\/$/, '')}/proxy?url=${encodeURIComponent(target)}`;
    return send(url, {
      method: init?.method ?? request?.method,
      body: init?.body ?? request?.body,
      signal: init?.signal ?? request?.signal,
      headers,
      credentials: 'omit',
      redirect: 'error',
      ...(request?.body && !init?.body ? { duplex: 'half' } : {})
    } as RequestInit);
  };
}

/** Fetch the token from a proxy on the studio's own origin (answers same-origin requests only). */
export async function fetchProxyToken(proxy: string, doFetch: typeof fetch = fetch): Promise<string> {
  const res = await doFetch(`${proxy.replace(/\/$/, '')}/proxy/token`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`the proxy did not hand out its token (${res.status}); is the studio served by it?`);
  return ((await res.json()) as { token: string }).token;
}

export interface ProxyPolicy {
  name: string;
  /** Host names (`*.` for subdomains), as the policy's `hosts`. */
  hosts: readonly string[];
}

export type SetProxyPolicyResult = { ok: true } | { ok: false; reason: 'no_server' | 'refused'; message: string };

/**
 * Tell the local server that served this studio which hosts the policy in force allows (`null`: none in
 * force, or one without `hosts`), so the proxy refuses the rest as well (`policy_host`). Same-origin, as
 * the "Allow" button's calls: where the studio is served another way there is no proxy to tell (`no_server`).
 */
export async function setProxyPolicy(policy: ProxyPolicy | null, doFetch: typeof fetch = (...args) => fetch(...args)): Promise<SetProxyPolicyResult> {
  let token: unknown;
  try {
    const answer = await doFetch('/proxy-settings/token', { headers: { accept: 'application/json' } });
    if (!answer.ok || !/json/.test(answer.headers.get('content-type') ?? '')) return { ok: false, reason: 'no_server', message: String(answer.status) };
    token = ((await answer.json()) as { token?: unknown }).token;
  } catch (err) {
    return { ok: false, reason: 'no_server', message: err instanceof Error ? err.message : String(err) };
  }
  if (typeof token !== 'string') return { ok: false, reason: 'no_server', message: 'no token' };
  const headers: Record<string, string> = { 'x-sous-settings-token': token };
  if (policy) headers['content-type'] = 'application/json';
  const answer = await doFetch('/proxy-settings/policy', {
    method: policy ? 'POST' : 'DELETE',
    headers,
    body: policy ? JSON.stringify({ name: policy.name, hosts: [...policy.hosts] }) : undefined
  });
  if (answer.ok) return { ok: true };
  const body = (await answer.json().catch(() => ({}))) as { error?: { message?: string } };
  return { ok: false, reason: 'refused', message: body.error?.message ?? String(answer.status) };
}
