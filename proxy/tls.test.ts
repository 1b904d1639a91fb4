/**
 * HTTPS upstreams go through the same guarded connector: the address is judged at connect time, and the
 * certificate is checked against the URL's host name (SNI). The fixture certificate is for `api.test`,
 * self-signed and trusted here through the proxy's extra-CA setting (as a company CA would be).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startProxy, tableResolver, via, type TestProxy } from './test-support';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const cert = fixture('api-test-cert.pem');

let server: Server;
let port: number;
let trusting: TestProxy;
let plain: TestProxy;
const resolve = tableResolver({ 'api.test': ['127.0.0.1'], 'evil.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] });

beforeAll(async () => {
  server = createServer({ key: fixture('api-test-key.pem'), cert }, (req, res) => res.end(`tls to ${req.headers.host}`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
  trusting = await startProxy({ allow: ['api.test', 'other.test'], resolve, extraCa: [cert] });
  plain = await startProxy({ allow: ['api.test'], resolve });
});
afterAll(async () => {
  await trusting.close();
  await plain.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('https upstreams', () => {
  it('reach an allowed host whose certificate is trusted', async () => {
    const res = await raw(trusting, via(`https://api.test:${port}/`));
    expect([res.status, res.text]).toEqual([200, `tls to api.test:${port}`]);
  });

  it('refuse a forbidden address before any TLS', async () => {
    const res = await raw(trusting, via(`https://evil.test:${port}/`));
    expect([res.status, code(res)]).toEqual([403, 'forbidden_address']);
  });

  it('fail on a certificate for another name, and on an untrusted one', async () => {
    const wrongName = await raw(trusting, via(`https://other.test:${port}/`));
    expect([wrongName.status, code(wrongName)]).toEqual([502, 'upstream_unreachable']);
    const untrusted = await raw(plain, via(`https://api.test:${port}/`));
    expect([untrusted.status, code(untrusted)]).toEqual([502, 'upstream_unreachable']);
  });
});
