/**
 * The proxy's own refusals and failures: one code each, with its HTTP status, sent as
 * `{ "error": { "code", "message" } }` and marked with `x-sous-proxy-error` so the studio can tell the
 * proxy's answer from an upstream one with the same status. Messages name hosts, never URLs with queries.
 */
export const PROXY_ERRORS = {
  bad_target: 400,
  bad_token: 401,
  forbidden_address: 403,
  forbidden_origin: 403,
  wrong_host: 403,
  navigation_refused: 403,
  policy_host: 403,
  room_read_only: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_too_large: 413,
  rate_limited: 429,
  upstream_unreachable: 502,
  response_too_large: 502,
  too_many_redirects: 502,
  timeout: 504
} as const;

export type ProxyErrorCode = keyof typeof PROXY_ERRORS;

/** Thrown inside the proxy and turned into a JSON answer at the edge. Recognised by `code`, not class. */
export class ProxyError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProxyErrorCode,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'ProxyError';
    this.status = PROXY_ERRORS[code];
  }
}

export function isProxyError(err: unknown): err is ProxyError {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === 'ProxyError' && typeof code === 'string' && code in PROXY_ERRORS;
}

/** The first ProxyError in an error's `cause` chain (undici wraps what a connector's lookup fails with). */
export function findProxyError(err: unknown): ProxyError | undefined {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (isProxyError(e)) return e;
  }
  return undefined;
}

export function errorBody(code: ProxyErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
