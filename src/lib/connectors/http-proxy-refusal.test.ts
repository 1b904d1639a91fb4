import { describe, expect, it } from 'vitest';
import { StepFailure } from '../engine/errors';
import { createHttpConnector, PROXY_ERROR_HEADER } from './http';

/** The proxy's refusal as it arrives (the proxy itself is tested against real servers in proxy/). */
const refusing = (code: string, status: number) =>
  (async () =>
    new Response(JSON.stringify({ error: { code, message: `refused: ${code}` } }), {
      status,
      headers: { 'content-type': 'application/json', [PROXY_ERROR_HEADER]: code }
    })) as typeof fetch;

const ctx = { user: { id: 'u', name: 'U', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 'p' };

describe("the proxy's refusals, as the http step reports them", () => {
  it.each([
    ['forbidden_address', 403, false],
    ['response_too_large', 502, false],
    ['rate_limited', 429, true],
    ['timeout', 504, true],
    ['upstream_unreachable', 502, true]
  ])('%s (%i): retryable %s', async (code, status, retryable) => {
    const request = createHttpConnector({ fetch: refusing(code, status) }).actions.request;
    const failure = await request.execute({ method: 'GET', url: 'http://10.0.0.5/admin' }, ctx).catch((err) => err);
    expect(failure).toBeInstanceOf(StepFailure);
    expect(failure).toMatchObject({ code: `proxy_${code}`, retryable });
    expect(failure.message).toBe(`the Sous proxy did not send this request to 10.0.0.5: refused: ${code}`);
  });
});
