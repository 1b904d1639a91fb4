/**
 * Where a job's text leaves the engine: `sous run` (its JSON and its summary), the log line `sous serve`
 * writes when a job ends, an agent's answer in the chat and over MCP. Each gets the job the real engine
 * journaled for a connector that echoes its secret (a fake at the edge of the world, standing in for a
 * careless API), in its output (body, header, a key) and in its error, in several encodings.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConnector } from '../src/lib/connectors/sdk';
import { connectorError } from '../src/lib/engine/errors';
import { recipe, setup } from '../src/lib/engine/test-kit';
import { describeOutput } from '../src/lib/agents/conversation/describe';
import { messages } from '../src/lib/agents/conversation/messages';
import { jobResult } from '../src/lib/agents/mcp/call';
import type { Job } from '../src/lib/recipe';
import { summarize } from './summary';

const SECRET = 'tok-8f3a"q/\\+é 9z';
const FORMS = [
  SECRET,
  JSON.stringify(SECRET).slice(1, -1),
  JSON.stringify(SECRET).slice(1, -1).replace('é', '\\u00e9').replace(/\//g, '\\/'),
  encodeURIComponent(SECRET),
  Buffer.from(SECRET).toString('base64'),
  Buffer.from(`ann:${SECRET}`).toString('base64')
];

const echoing = defineConnector({
  id: 'echoing',
  label: 'Echoing API',
  connection: [
    { name: 'token', label: 'Token', secret: true },
    { name: 'user', label: 'User', secret: false }
  ],
  actions: {
    get: {
      label: 'Get',
      effect: 'read',
      idempotent: true,
      input: z.object({ fail: z.boolean().default(false) }),
      output: z.unknown(),
      async execute(input, ctx) {
        const token = ctx.connection!.token;
        const echoed = FORMS.map((f) => f.replace(SECRET, token)).join(' | ');
        if (input.fail) throw connectorError(`401 {"error":"bad token ${echoed}"}`.slice(0, 180) + '…', { code: 'http_401' });
        return { status: 200, headers: { 'x-token': echoed }, body: { echo: echoed, [token]: { list: [echoed] } } };
      }
    }
  }
});

async function run(fail: boolean): Promise<Job> {
  const secrets = { resolve: async (): Promise<Record<string, string>> => ({ token: SECRET, user: 'ann' }) };
  const { runner, journal } = setup({ extra: [echoing], secrets });
  const steps = [
    { id: 'call', kind: 'action', connector: 'echoing', action: 'get', connection: 'api', input: { fail } },
    { id: 'answer', kind: 'set', values: { said: 'the API said {{ steps.call.body.echo }}', headers: '{{ steps.call.headers }}' } }
  ];
  const job = await runner.start({ ...recipe(steps), connections: { api: { connector: 'echoing', label: 'API' } } }, {});
  return (await journal.loadJob(job.id))!;
}

function expectNoSecret(text: string): void {
  for (const form of FORMS) expect(text).not.toContain(form);
  expect(text).not.toContain(SECRET.slice(0, 8));
}

describe('a secret the API echoed reaches no channel a job is shown in', () => {
  it.each([false, true])('when the call fails: %s', async (fail) => {
    const job = await run(fail);
    expect(job.status).toBe(fail ? 'failed' : 'succeeded');
    const r = recipe([]);
    const channels: Record<string, string> = {
      'sous run --json': JSON.stringify(job, null, 2),
      'sous run': summarize({ job, recipe: r, jobs: new Map(), chat: [] }).join('\n'),
      // cli/serve/jobs.ts logs this line when a job ends.
      'sous serve log': `job ${job.id} ${job.status}${job.error ? `: ${job.error.message}` : ''}`,
      'chat answer': `${describeOutput(job.output, messages('en')) ?? ''} ${job.error?.message ?? ''}`,
      'MCP tool result': JSON.stringify(jobResult(r, job))
    };
    expect(channels['sous run --json']).toContain('••••');
    for (const text of Object.values(channels)) expectNoSecret(text);
  });
});
