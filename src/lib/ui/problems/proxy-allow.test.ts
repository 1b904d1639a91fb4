import { describe, expect, it } from 'vitest';
import { allowForStudio, refusedHost } from './proxy-allow';

const refusal = (host: string, why = 'is a loopback address (this machine)') =>
  `the Sous proxy did not send this request to ${host}: ${host.replace(/:\d+$/, '')} ${why}; the proxy does not reach it. To reach an on-premises system, start the proxy with --allow x.`;

describe('refusedHost', () => {
  it.each([
    ['proxy_forbidden_address', refusal('127.0.0.1:8080'), '127.0.0.1:8080'],
    ['proxy_forbidden_address', refusal('[::1]:4470'), '[::1]:4470'],
    ['proxy_forbidden_address', refusal('intranet.local'), 'intranet.local:80'],
    ['proxy_forbidden_address', refusal('169.254.169.254', 'is a cloud metadata address'), undefined],
    ['proxy_timeout', refusal('127.0.0.1:8080'), undefined],
    [undefined, 'something else', undefined]
  ])('%s %s', (code, message, host) => expect(refusedHost(code, message)).toBe(host));
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('allowForStudio', () => {
  it('gets the token, then asks with it', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const fake = (async (path: string, init?: RequestInit) => {
      seen.push([path, init]);
      return path.endsWith('token') ? json(200, { token: 't0k' }) : json(200, { entry: '[::1]:1', allowed: ['[::1]:1'] });
    }) as typeof fetch;
    expect(await allowForStudio('[::1]:1', fake)).toEqual({ ok: true, entry: '[::1]:1' });
    expect(seen[1][1]).toMatchObject({ method: 'POST', body: '{"host":"[::1]:1"}', headers: { 'x-sous-settings-token': 't0k' } });
  });
  it('says there is no server where the page is served without one', async () => {
    const html = (async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } })) as typeof fetch;
    expect(await allowForStudio('a:1', html)).toMatchObject({ ok: false, reason: 'no_server' });
    const down = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    expect(await allowForStudio('a:1', down)).toMatchObject({ ok: false, reason: 'no_server' });
  });
  it("passes on the server's refusal", async () => {
    const fake = (async (path: string) => (path.endsWith('token') ? json(200, { token: 't' }) : json(400, { error: { message: 'a cloud metadata address' } }))) as typeof fetch;
    expect(await allowForStudio('169.254.169.254:80', fake)).toEqual({ ok: false, reason: 'refused', message: 'a cloud metadata address' });
  });
});
