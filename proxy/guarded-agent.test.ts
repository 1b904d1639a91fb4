/**
 * The Agent judges addresses itself, at connect time, without the forwarder's early literal check:
 * these tests call undici directly with the guarded Agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createAddressPolicy } from './address-policy';
import { findProxyError } from './errors';
import { createGuardedAgent } from './guarded-agent';
import { startUpstream, tableResolver, type Upstream } from './test-support';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream({
    // Closing the connection after each answer makes the next request connect (and resolve) afresh.
    '/once': (_req, res) => res.writeHead(200, { connection: 'close' }).end('ok')
  });
});
afterAll(() => upstream.close());

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return 'no error';
  } catch (err) {
    return findProxyError(err)?.code ?? (err as Error).message;
  }
}

describe('the guarded Agent', () => {
  it('refuses an IP literal in the connector itself, before opening a socket', async () => {
    let sockets = 0;
    const count = () => sockets++;
    upstream.server.on('connection', count);
    const agent = createGuardedAgent({ policy: createAddressPolicy(), connectTimeoutMs: 2000 });
    expect(await codeOf(request(`${upstream.url}/once`, { dispatcher: agent }))).toBe('forbidden_address');
    upstream.server.off('connection', count);
    expect(sockets).toBe(0);
    await agent.close();
  });

  it('judges the connected peer with the host name, so a host opened by name still connects', async () => {
    // api.test is opened by name only; 127.0.0.1 itself stays closed, so a peer check that forgot the
    // name would refuse this socket.
    const policy = createAddressPolicy({ allow: ['api.test'] });
    const agent = createGuardedAgent({ policy, resolve: tableResolver({ 'api.test': ['127.0.0.1'] }), connectTimeoutMs: 2000 });
    const ok = await request(`http://api.test:${upstream.port}/once`, { dispatcher: agent });
    expect(await ok.body.text()).toBe('ok');
    await agent.close();
  });

  it('connects to an allowed address (the allowlist opens 127.0.0.1/32 for this test only)', async () => {
    const agent = createGuardedAgent({ policy: createAddressPolicy({ allow: ['127.0.0.1/32'] }), connectTimeoutMs: 2000 });
    const res = await request(`${upstream.url}/once`, { dispatcher: agent });
    expect(await res.body.text()).toBe('ok');
    await agent.close();
  });

  it('refuses a rebinding answer whose second address is loopback, though the first is public', async () => {
    const resolve = tableResolver({ 'rebind.test': ['93.184.216.34', '127.0.0.1'] });
    const agent = createGuardedAgent({ policy: createAddressPolicy(), resolve, connectTimeoutMs: 2000 });
    expect(await codeOf(request(`http://rebind.test:${upstream.port}/once`, { dispatcher: agent }))).toBe('forbidden_address');
    await agent.close();
  });

  it('judges again on every new connection: a name that changes its answer is refused the second time', async () => {
    let calls = 0;
    // First answer: 127.0.0.1, opened by the allowlist for this test; second: 127.0.0.2, not opened.
    const resolve = tableResolver({ 'flip.test': () => (++calls === 1 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const agent = createGuardedAgent({ policy: createAddressPolicy({ allow: ['127.0.0.1/32'] }), resolve, connectTimeoutMs: 2000 });
    const first = await request(`http://flip.test:${upstream.port}/once`, { dispatcher: agent });
    expect(await first.body.text()).toBe('ok');
    expect(await codeOf(request(`http://flip.test:${upstream.port}/once`, { dispatcher: agent }))).toBe('forbidden_address');
    expect(calls).toBe(2);
    await agent.close();
  });

  it('gives up connecting after the connect timeout when the name never resolves', async () => {
    const resolve = () => new Promise<never>(() => {});
    const agent = createGuardedAgent({ policy: createAddressPolicy(), resolve, connectTimeoutMs: 200 });
    const started = Date.now();
    const code = await codeOf(request(`http://slow.test:${upstream.port}/once`, { dispatcher: agent }));
    expect(code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
    await agent.close();
  });
});
