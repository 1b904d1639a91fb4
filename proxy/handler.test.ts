/**
 * Who may use the proxy, and what crosses it: token, Origin, page loads, Host, CORS (never with
 * credentials), the token route, and the headers stripped in each direction. Real servers on 127.0.0.1;
 * api.test (opened by name in the allowlist) stands for a public API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN, raw, seen, startProxy, startUpstream, tableResolver, via, type TestProxy, type Upstream } from './test-support';

let upstream: Upstream;
let proxy: TestProxy;
let target: string;
const TEAM_STUDIO = 'https://studio.team.example';

beforeAll(async () => {
  upstream = await startUpstream({
    '/echo': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
    '/hostile-headers': (_req, res) =>
      res
        .writeHead(200, {
          'content-type': 'text/plain',
          'set-cookie': ['session=stolen; Path=/', 'other=1'],
          'clear-site-data': '"*"',
          'access-control-allow-origin': '*',
          'access-control-allow-credentials': 'true',
          'strict-transport-security': 'max-age=31536000',
          'x-sous-proxy-error': 'forged',
          connection: 'x-hop-response',
          'x-hop-response': 'hop',
          'keep-alive': 'timeout=5',
          'x-rate-limit-remaining': '41',
          etag: '"v1"',
          vary: 'Accept-Encoding'
        })
        .end('fine')
  });
  target = `http://api.test:${upstream.port}`;
  proxy = await startProxy({ allow: ['api.test'], origins: [TEAM_STUDIO], resolve: tableResolver({ 'api.test': ['127.0.0.1'] }) });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
  // Not one answer in this file, refusals and preflights included, granted credentials.
  expect(seen.length).toBeGreaterThan(20);
  expect(seen.filter((r) => 'access-control-allow-credentials' in r.headers)).toEqual([]);
});

const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('the token', () => {
  it.each([
    ['missing', ''],
    ['wrong', 'nope'],
    ['one character off', TOKEN.slice(0, -1) + 'y'],
    ['longer', TOKEN + 'x']
  ])('refuses a %s token with 401 bad_token, and sends nothing upstream', async (_what, token) => {
    upstream.hits.clear();
    const res = await raw(proxy, via(`${target}/echo`), { headers: { 'x-sous-proxy-token': token } });
    expect([res.status, code(res)]).toEqual([401, 'bad_token']);
    expect(upstream.hits.size).toBe(0);
  });

  it('passes with the right token', async () => {
    expect((await raw(proxy, via(`${target}/echo`))).status).toBe(200);
  });
});

describe('origins and CORS', () => {
  it.each(['https://evil.example', 'null', 'http://localhost:1', `http://127.0.0.1:${1}`])('refuses Origin %s with 403 forbidden_origin and no grant', async (origin) => {
    const res = await raw(proxy, via(`${target}/echo`), { headers: { origin } });
    expect([res.status, code(res)]).toEqual([403, 'forbidden_origin']);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([() => proxy.origin, () => proxy.origin.replace('127.0.0.1', 'localhost'), () => TEAM_STUDIO])(
    'grants its own and the configured studio origins, one at a time (%#)',
    async (origin) => {
      const res = await raw(proxy, via(`${target}/hostile-headers`), { headers: { origin: origin() } });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin());
      expect(res.headers.vary).toContain('Origin');
      expect(res.headers['access-control-expose-headers']).toContain('x-rate-limit-remaining');
      expect(res.headers['access-control-expose-headers']).toContain('etag');
    }
  );

  it('answers a preflight from a studio origin: methods, the asked headers, no credentials', async () => {
    const res = await raw(proxy, via(`${target}/echo`), {
      method: 'OPTIONS',
      headers: { 'x-sous-proxy-token': '', origin: TEAM_STUDIO, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-sous-proxy-token, content-type' }
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(TEAM_STUDIO);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toBe('authorization, x-sous-proxy-token, content-type');
  });

  it('refuses a preflight from another origin', async () => {
    const res = await raw(proxy, via(`${target}/echo`), {
      method: 'OPTIONS',
      headers: { 'x-sous-proxy-token': '', origin: 'https://evil.example', 'access-control-request-method': 'POST' }
    });
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([403, undefined]);
  });
});

describe('page loads and foreign Host names', () => {
  it.each([
    { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    { 'sec-fetch-dest': 'document' },
    { 'sec-fetch-mode': 'navigate' },
    { 'sec-fetch-dest': 'iframe' }
  ] as Array<Record<string, string>>)('refuses being browsed to (%o) with a plain explanation', async (headers) => {
    upstream.hits.clear();
    const res = await raw(proxy, via(`${target}/echo`), { headers });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/not a page to open/);
    expect(upstream.hits.size).toBe(0);
  });

  it.each(['evil.example', 'evil.example:PORT', 'localhost.evil.example:PORT', '127.0.0.1:1'])('refuses Host %s with 403 wrong_host', async (host) => {
    const res = await raw(proxy, via(`${target}/echo`), { headers: { host: host.replace('PORT', String(new URL(proxy.url).port)) } });
    expect([res.status, code(res)]).toEqual([403, 'wrong_host']);
  });

  it('answers to localhost and [::1] with its port as well', async () => {
    const port = new URL(proxy.url).port;
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) expect((await raw(proxy, via(`${target}/echo`), { headers: { host } })).status).toBe(200);
  });
});

describe('GET /proxy/token', () => {
  const ask = (headers: Record<string, string>, method = 'GET') => raw(proxy, '/proxy/token', { method, headers: { 'x-sous-proxy-token': '', ...headers } });

  it('hands the token to a same-origin request, with no CORS grant', async () => {
    const res = await ask({ 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' });
    expect(res.status).toBe(200);
    expect(res.json().token).toBe(TOKEN);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['same-site (another port)', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:1' }],
    ['a configured studio on another origin', { 'sec-fetch-site': 'cross-site', origin: TEAM_STUDIO }],
    ['no Sec-Fetch-Site', {}],
    ['typed into the address bar', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }],
    ['a rebound name (same-origin to the browser, foreign Host)', { 'sec-fetch-site': 'same-origin', host: 'evil.example:1234' }]
  ])('refuses %s', async (_what, headers) => {
    const res = await ask(headers);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(TOKEN);
  });

  it('refuses other methods', async () => {
    const res = await ask({ 'sec-fetch-site': 'same-origin' }, 'POST');
    expect([res.status, res.text.includes(TOKEN)]).toEqual([405, false]);
  });
});

describe('headers stripped both ways', () => {
  it('sends on what the studio asked, without cookies, Origin, Referer, forwarding chains, hop-by-hop or the token', async () => {
    const res = await raw(proxy, via(`${target}/echo`), {
      headers: {
        origin: proxy.origin,
        cookie: 'studio-session=1',
        referer: `${proxy.origin}/recipes/1`,
        'x-forwarded-for': '10.0.0.1',
        'x-forwarded-host': 'internal',
        forwarded: 'for=10.0.0.1',
        'x-real-ip': '10.0.0.1',
        connection: 'x-hop-request',
        'x-hop-request': 'hop',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic abc',
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': 'cors',
        authorization: 'Bearer api-key-123',
        'x-api-key': 'k-456',
        accept: 'application/json'
      }
    });
    const sent = res.json() as Record<string, string>;
    for (const name of ['cookie', 'origin', 'referer', 'x-forwarded-for', 'x-forwarded-host', 'forwarded', 'x-real-ip', 'x-hop-request', 'keep-alive', 'proxy-authorization', 'sec-fetch-site', 'sec-fetch-mode', 'x-sous-proxy-token']) {
      expect(sent, name).not.toHaveProperty(name);
    }
    expect(sent).toMatchObject({ authorization: 'Bearer api-key-123', 'x-api-key': 'k-456', accept: 'application/json', host: `api.test:${upstream.port}` });
  });

  it('returns the answer without Set-Cookie, Clear-Site-Data, upstream CORS grants, HSTS, hop-by-hop or a forged proxy error', async () => {
    const res = await raw(proxy, via(`${target}/hostile-headers`), { headers: { origin: proxy.origin } });
    expect(res.status).toBe(200);
    for (const name of ['set-cookie', 'clear-site-data', 'access-control-allow-credentials', 'strict-transport-security', 'x-sous-proxy-error', 'x-hop-response']) {
      expect(res.headers, name).not.toHaveProperty(name);
    }
    expect(res.headers['access-control-allow-origin']).toBe(proxy.origin);
    expect(res.headers).toMatchObject({ 'x-rate-limit-remaining': '41', etag: '"v1"', 'x-content-type-options': 'nosniff' });
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers.vary).toBe('Accept-Encoding, Origin');
    expect(res.text).toBe('fine');
  });
});
