/**
 * The whole path: the studio's http connector, with `proxiedFetch` as its fetch, through the real proxy,
 * to an upstream on 127.0.0.1 named api.test (opened by name in the allowlist; it stands for a public API).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpConnector } from '../src/lib/connectors/http';
import { proxiedFetch } from './client';
import { TOKEN, startProxy, startUpstream, tableResolver, type TestProxy, type Upstream } from './test-support';

let upstream: Upstream;
let proxy: TestProxy;
beforeAll(async () => {
  upstream = await startUpstream({
    '/items': (req, res, body) =>
      res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'a=b' }).end(JSON.stringify({ got: JSON.parse(body.toString()), key: req.headers['x-api-key'] }))
  });
  proxy = await startProxy({ allow: ['api.test'], resolve: tableResolver({ 'api.test': ['127.0.0.1'] }) });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const ctx = { user: { id: 'u1' }, signal: new AbortController().signal, jobId: 'j1', path: 'call' } as unknown as Parameters<
  ReturnType<typeof createHttpConnector>['actions']['request']['execute']
>[1];

describe('the http connector through the proxy', () => {
  const http = () => createHttpConnector({ fetch: proxiedFetch({ proxy: proxy.url, token: async () => TOKEN }) });

  it('sends the request on and gets the answer, cookies stripped', async () => {
    const out = await http().actions.request.execute(
      { method: 'POST', url: `http://api.test:${upstream.port}/items`, headers: { 'x-api-key': 'k1' }, query: { page: 2 }, body: { name: 'Ada' } },
      ctx
    );
    expect(out).toMatchObject({ status: 201, body: { got: { name: 'Ada' }, key: 'k1' } });
    expect(out.headers['set-cookie']).toBeUndefined();
  });

  it('fails the step with the proxy’s refusal when the target is forbidden', async () => {
    const failure = await http()
      .actions.request.execute({ method: 'GET', url: 'http://169.254.169.254/latest/meta-data/' }, ctx)
      .catch((err: unknown) => err);
    // Told apart from an API's own 403 by the proxy's marker header: not retryable, and said plainly.
    expect(failure).toMatchObject({ code: 'proxy_forbidden_address', retryable: false });
    expect((failure as Error).message).toMatch(/^the Sous proxy did not send this request to 169\.254\.169\.254: /);
  });
});
