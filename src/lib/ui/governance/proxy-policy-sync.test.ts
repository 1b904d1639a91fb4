import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../store/test-db';
import { clearPolicy, setPolicy } from '../../store/governance';
import { PolicySchema } from '../../policy';
import { syncProxyPolicy } from './proxy-policy-sync';

const db = freshDb();
afterEach(() => db.governance.clear());

/** The local server's two routes, as the proxy answers them (proxy/settings-endpoint.ts is tested against the real one). */
function fakeServer(sent: Array<{ method: string; body: unknown }>): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    if (url === '/proxy-settings/token') return new Response(JSON.stringify({ token: 't' }), { headers: { 'content-type': 'application/json' } });
    sent.push({ method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('telling the local proxy the policy in force', () => {
  it('sends the hosts of the policy, and nothing in force once it is cleared', async () => {
    const sent: Array<{ method: string; body: unknown }> = [];
    await setPolicy(db, PolicySchema.parse({ format: 'sous.policy/v1', name: 'Workshop rules', hosts: ['api.example.com', '*.example.org'] }));
    expect(await syncProxyPolicy(db, fakeServer(sent))).toEqual({ ok: true });
    await clearPolicy(db);
    await syncProxyPolicy(db, fakeServer(sent));
    expect(sent).toEqual([
      { method: 'POST', body: { name: 'Workshop rules', hosts: ['api.example.com', '*.example.org'] } },
      { method: 'DELETE', body: null }
    ]);
  });

  it('a policy without hosts sets no host limit on the proxy', async () => {
    const sent: Array<{ method: string; body: unknown }> = [];
    await setPolicy(db, PolicySchema.parse({ format: 'sous.policy/v1', name: 'No http', connectors: { deny: ['http'] } }));
    await syncProxyPolicy(db, fakeServer(sent));
    expect(sent).toEqual([{ method: 'DELETE', body: null }]);
  });
});
