/**
 * The forbidden corpus: every target here must be refused with forbidden_address, through the real
 * proxy server, and the upstream on 127.0.0.1 must never see the request. `api.test` stands for a public
 * API: the test resolver maps it to 127.0.0.1 (tests never leave this machine) and the allowlist opens it
 * by name only, so 127.0.0.1 under any other name or spelling stays closed. The first test shows that
 * api.test really reaches the upstream, so every refusal below is the policy's doing, not a dead port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, seen, startProxy, startUpstream, tableResolver, via, type TestProxy, type Upstream } from './test-support';

let upstream: Upstream;
let proxy: TestProxy;
let P: number;

/** A rebinding resolver that answers the checked name with a public address first, then loopback. */
const resolver = tableResolver({
  'api.test': ['127.0.0.1'],
  'evil.test': ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
  'loop6.test': ['::1'],
  'private.test': ['10.1.2.3'],
  'private172.test': ['172.20.0.5'],
  'home.test': ['192.168.0.10'],
  'metadata.test': ['169.254.169.254'],
  'metadata6.test': ['fd00:ec2::254'],
  'alibaba.test': ['100.100.100.200'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'cgnat.test': ['100.64.1.1'],
  'ula.test': ['fd00::1'],
  'linklocal6.test': ['fe80::1'],
  'zero.test': ['0.0.0.0'],
  'octal.test': ['0177.0.0.1'],
  'rebind.test': ['93.184.216.34', '127.0.0.1'],
  'rebind6.test': ['2606:4700::1', '::1'],
  'rebind-late.test': ['8.8.8.8', '1.1.1.1', '10.0.0.1'],
  'nat64.test': ['64:ff9b::7f00:1'],
  'sixtofour.test': ['2002:7f00:1::1']
});

beforeAll(async () => {
  upstream = await startUpstream({
    '/redirect': (req, res) => {
      const to = new URL(req.url!, 'http://x').searchParams.get('to')!;
      res.writeHead(302, { location: to }).end();
    }
  });
  P = upstream.port;
  proxy = await startProxy({ resolve: resolver, allow: ['api.test'] });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
  expect(seen.some((r) => 'access-control-allow-credentials' in r.headers)).toBe(false);
});

const literals = () => [
  `http://127.0.0.1:${P}/secret`,
  `http://2130706433:${P}/secret`,
  `http://0177.0.0.1:${P}/secret`,
  `http://0x7f.1:${P}/secret`,
  `http://127.1:${P}/secret`,
  `http://0x7f000001:${P}/secret`,
  `http://017700000001:${P}/secret`,
  `http://127.0.0.1.:${P}/secret`,
  `http://127.000.000.001:${P}/secret`,
  `https://127.0.0.1:${P}/secret`,
  `http://[::1]:${P}/secret`,
  `http://[0:0:0:0:0:0:0:1]:${P}/secret`,
  `http://[::ffff:127.0.0.1]:${P}/secret`,
  `http://[::ffff:7f00:1]:${P}/secret`,
  `http://[::127.0.0.1]:${P}/secret`,
  `http://[::ffff:0:127.0.0.1]:${P}/secret`,
  `http://[64:ff9b::127.0.0.1]:${P}/secret`,
  `http://[2002:7f00:1::]:${P}/secret`,
  `http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:${P}/secret`,
  `http://0.0.0.0:${P}/secret`,
  `http://0:${P}/secret`,
  `http://[::]:${P}/secret`,
  'http://10.0.0.1/',
  'http://0x0a.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://3232235777/',
  'http://169.254.169.254/latest/meta-data/',
  'http://0xa9fea9fe/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://100.100.100.200/latest/meta-data/',
  'http://[::ffff:169.254.169.254]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://[2002:a9fe:a9fe::]/',
  'http://100.64.0.1/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://240.0.0.1/',
  'http://192.0.2.1/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[ff02::1]/',
  'http://[::ffff:10.0.0.1]/',
  'http://[::ffff:100.100.100.200]/',
  'http://[2001:db8::1]/'
];

const names = () => [
  `http://localhost:${P}/secret`,
  `http://LOCALHOST:${P}/secret`,
  `http://evil.test:${P}/secret`,
  `http://loop6.test:${P}/secret`,
  'http://private.test/',
  'http://private172.test/',
  'http://home.test/',
  'http://metadata.test/latest/meta-data/',
  'http://metadata6.test/',
  'http://alibaba.test/',
  `http://mapped.test:${P}/secret`,
  'http://cgnat.test/',
  'http://ula.test/',
  'http://linklocal6.test/',
  `http://zero.test:${P}/secret`,
  `http://octal.test:${P}/secret`,
  `http://rebind.test:${P}/secret`,
  `http://rebind6.test:${P}/secret`,
  'http://rebind-late.test/',
  `http://nat64.test:${P}/secret`,
  `http://sixtofour.test:${P}/secret`,
  `https://evil.test:${P}/secret`
];

const redirects = () => {
  const hop = (to: string) => `http://api.test:${P}/redirect?to=${encodeURIComponent(to)}`;
  return [
    hop(`http://127.0.0.1:${P}/secret`),
    hop(`http://[::1]:${P}/secret`),
    hop(`http://2130706433:${P}/secret`),
    hop(`http://evil.test:${P}/secret`),
    hop('http://private.test/'),
    hop('http://169.254.169.254/latest/meta-data/'),
    hop(`/redirect?to=${encodeURIComponent(`http://localhost:${P}/secret`)}`),
    hop(`http://rebind.test:${P}/secret`),
    hop(hop(hop(`http://0x7f.1:${P}/secret`)))
  ];
};

describe('the forbidden corpus', () => {
  it('api.test (allowed by name) reaches the upstream, so the refusals below are the policy', async () => {
    const res = await raw(proxy, via(`http://api.test:${P}/secret`));
    expect(res.status).toBe(200);
    expect(res.text).toBe('reached /secret');
    upstream.hits.clear();
  });

  it('holds at least 40 targets', () => {
    expect(literals().length + names().length + redirects().length).toBeGreaterThanOrEqual(40);
  });

  const cases = (list: () => string[]) => list().map((_, i) => i);
  describe.each([
    ['IP literal', literals],
    ['host name resolving to a forbidden address', names],
    ['redirect from an allowed upstream', redirects]
  ] as const)('%s', (_kind, list) => {
    it.each(cases(list))('target #%i is refused with forbidden_address', async (i) => {
      const target = list()[i];
      const res = await raw(proxy, via(target));
      expect({ target, status: res.status, code: res.json().error?.code }).toEqual({ target, status: 403, code: 'forbidden_address' });
      expect(res.headers['x-sous-proxy-error']).toBe('forbidden_address');
      expect(upstream.hits.get('/secret') ?? 0).toBe(0);
    });
  });
});
