import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLogLine } from './log';
import { TOKEN, raw, startProxy, startUpstream, tableResolver, via, type TestProxy, type Upstream } from './test-support';

describe('formatLogLine', () => {
  const line = (target: string, extra: Partial<Parameters<typeof formatLogLine>[0]> = {}) =>
    formatLogLine({ time: new Date('2026-01-02T03:04:05Z'), method: 'GET', target, status: 200, bytes: 12, ms: 3.4, ...extra });

  it('writes time, method, origin and path, status, bytes and ms', () => {
    expect(line('https://api.example.com/v1/items?page=2')).toBe('2026-01-02T03:04:05.000Z GET https://api.example.com/v1/items 200 12B 3ms');
  });

  it('writes the refusal code instead of bytes', () => {
    expect(line('http://127.0.0.1/', { status: 403, code: 'forbidden_address' })).toBe('2026-01-02T03:04:05.000Z GET http://127.0.0.1/ 403 forbidden_address 3ms');
  });

  it.each([
    ['https://api.example.com/v1?api_key=SECRET123', 'SECRET123'],
    ['https://user:SECRETPW@api.example.com/', 'SECRETPW'],
    ['https://api.example.com/#SECRETFRAG', 'SECRETFRAG'],
    ['https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXX1234', 'XXXXXXXXXXXXXXXXXXXX1234'],
    ['https://api.telegram.org/bot123456:ABCdefGhIJKlmNoPQRsTUVwxyZ12/sendMessage', 'ABCdefGhIJKlmNoPQRsTUVwxyZ12']
  ])('keeps the secret out of %s', (target, secret) => {
    expect(line(target)).not.toContain(secret);
  });

  it('keeps ordinary path segments', () => {
    expect(line('https://api.example.com/v2/customers/42/invoices')).toContain('/v2/customers/42/invoices');
  });
});

describe('the log of a real request', () => {
  let upstream: Upstream;
  let proxy: TestProxy;
  beforeAll(async () => {
    upstream = await startUpstream({});
    proxy = await startProxy({ allow: ['api.test'], resolve: tableResolver({ 'api.test': ['127.0.0.1'] }) });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('has one line per request and no API key, Authorization value or proxy token in it', async () => {
    proxy.lines.length = 0;
    const target = `http://api.test:${upstream.port}/v1/things?api_key=QUERYSECRET42&x=1`;
    const ok = await raw(proxy, via(target), { headers: { authorization: 'Bearer HEADERSECRET42', 'x-api-key': 'KEYHEADER42' } });
    expect(ok.status).toBe(200);
    const refused = await raw(proxy, via(`http://127.0.0.1:${upstream.port}/?token=QUERYSECRET42`), { headers: { authorization: 'Bearer HEADERSECRET42' } });
    expect(refused.status).toBe(403);
    expect(proxy.lines).toHaveLength(2);
    expect(proxy.lines[0]).toMatch(new RegExp(`GET http://api\\.test:${upstream.port}/v1/things 200 \\d+B \\d+ms$`));
    expect(proxy.lines[1]).toContain('403 forbidden_address');
    for (const secret of ['QUERYSECRET42', 'HEADERSECRET42', 'KEYHEADER42', TOKEN, 'api_key']) {
      expect(proxy.lines.join('\n')).not.toContain(secret);
    }
  });
});
