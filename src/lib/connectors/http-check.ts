/**
 * "Check connection" for `http`: a GET to the connection's `check_url` with its credentials applied.
 * The answer names the host and path only: an API key sent in the query never appears in it.
 */
import type { CheckResult } from './sdk';
import { applyAuth } from './http-auth';

/** The header the local proxy puts on its own refusals (the same as http.ts's PROXY_ERROR_HEADER). */
const PROXY_ERROR_HEADER = 'x-sous-proxy-error';

export async function checkHttp(doFetch: typeof fetch, connection: Readonly<Record<string, string>>, signal: AbortSignal): Promise<CheckResult> {
  const address = connection.check_url?.trim();
  if (!address) {
    return { ok: null, message: 'Add an “address to check the connection” (a GET that needs these credentials) so Sous can try it.' };
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, message: 'The address to check is not a web address: it should start with https://' };
  }
  const where = `${url.host}${url.pathname}`;
  const headers = new Headers({ accept: 'application/json' });
  try {
    applyAuth(url, headers, connection);
  } catch (err) {
    return { ok: false, message: `The connection is not complete: ${err instanceof Error ? err.message : String(err)}.` };
  }
  let response: Response;
  try {
    response = await doFetch(url, { method: 'GET', headers, signal });
  } catch (err) {
    if (signal.aborted) throw err;
    const code = (err as { cause?: { code?: string } })?.cause?.code;
    return { ok: false, message: `Could not reach ${url.host}${code ? ` (${code})` : ''}: check the address and your network.` };
  }
  await response.body?.cancel().catch(() => undefined);
  const refusal = response.headers.get(PROXY_ERROR_HEADER);
  if (refusal) return { ok: false, message: `The Sous proxy did not send the check to ${url.host} (${refusal}).` };
  if (response.ok) return { ok: true, message: `GET ${where} answered ${response.status}: the connection works.` };
  if (response.status === 401 || response.status === 403) {
    return { ok: false, message: `${url.host} refused these credentials (${response.status}): check the key, token or password.` };
  }
  if (response.status === 404) return { ok: false, message: `${where} was not found (404): check the address to check.` };
  return { ok: false, message: `GET ${where} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.` };
}
