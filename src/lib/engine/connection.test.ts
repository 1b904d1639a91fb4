/** A step's connection: its secret reaches the action at call time only, never the job's records. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConnector } from '../connectors/sdk';
import { connectorError } from './errors';
import { recipe, setup } from './test-kit';

const SECRET = 'sk-secret-1234';

const vault = defineConnector({
  id: 'vault',
  label: 'Vault',
  connection: [{ name: 'token', label: 'Token', secret: true }],
  actions: {
    use: {
      label: 'Use the token',
      effect: 'write',
      idempotent: false,
      input: z.object({}),
      output: z.unknown(),
      async execute(_input, ctx) {
        return { authorised: ctx.connection?.token === SECRET };
      }
    },
    leak: {
      label: 'Fail, echoing the token',
      effect: 'write',
      idempotent: false,
      input: z.object({}),
      output: z.unknown(),
      async execute(_input, ctx) {
        throw connectorError(`401: token ${ctx.connection?.token} was refused`, { code: 'http_401' });
      }
    }
  }
});

const secrets = { resolve: async (ref: string, connector: string) => (ref === 'main' && connector === 'vault' ? { token: SECRET } : undefined) };
const connections = { main: { connector: 'vault', label: 'Main' }, other: { connector: 'chat' }, unset: { connector: 'vault' } };

function withConnections(steps: unknown[]) {
  const r = recipe(steps);
  return { ...r, connections };
}

const step = (action: string, connection: string) => ({ id: 's', kind: 'action', connector: 'vault', action, connection, input: {} });

describe('connections', () => {
  it('hand the secret to the action, and keep it out of the job', async () => {
    const { runner } = setup({ extra: [vault], secrets });
    const job = await runner.start(withConnections([step('use', 'main')]), {});
    expect(job).toMatchObject({ status: 'succeeded', output: { authorised: true } });
    expect(JSON.stringify(job)).not.toContain(SECRET);
  });

  it('blank the secret in an error message that echoes it', async () => {
    const { runner } = setup({ extra: [vault], secrets });
    const job = await runner.start(withConnections([step('leak', 'main')]), {});
    expect(job.error).toEqual({ message: '401: token •••• was refused', step: 's', code: 'http_401' });
    expect(JSON.stringify(job)).not.toContain(SECRET);
  });

  it.each([
    ['a ref the recipe does not name', 'ghost', 'the recipe has no connection named "ghost"'],
    ['a ref for another connector', 'other', 'connection "other" is for chat, not vault'],
    ['a connection not set up here', 'unset', 'connection "unset" is not set up on this machine']
  ])('fail the step for %s', async (_name, ref, message) => {
    const { runner } = setup({ extra: [vault], secrets });
    const job = await runner.start(withConnections([step('use', ref)]), {});
    expect(job.error).toEqual({ message, step: 's', code: 'connection' });
  });

  it('fail the step with the reason when the secrets cannot be opened (a locked vault)', async () => {
    const locked = { resolve: async () => Promise.reject(new Error('connections are locked: unlock them first')) };
    const { runner } = setup({ extra: [vault], secrets: locked });
    const job = await runner.start(withConnections([step('use', 'main')]), {});
    expect(job.error).toEqual({ message: 'connection "main": connections are locked: unlock them first', step: 's', code: 'connection' });
  });
});
