/**
 * createSousMcpServer through the SDK's own Client over an in-memory transport: the confirmation order
 * (elicitation, else the caller's confirm, else --yes, else a refusal), a call is one job, and the job's
 * output, failure or wait as the result.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it, vi } from 'vitest';
import type { Job, Recipe } from '../../recipe';
import { createSousMcpServer, type SousMcpOptions } from './server';
import type { McpSkill } from './tools';

function skill(id: string, effect: 'read' | 'write', output?: unknown): McpSkill {
  const recipe: Recipe = {
    format: 'sous.recipe/v1',
    id,
    name: id,
    trigger: { kind: 'callable', input: [{ name: 'name', type: 'text', required: true }], ...(output ? { output } : {}) },
    steps: []
  };
  return { recipe, effect: { effect, idempotent: effect === 'read', writes: effect === 'write' ? ['x.create'] : [] } };
}

function job(status: Job['status'], extra: Partial<Job> = {}): Job {
  return { id: 'job-1', recipe_id: 'r', recipe_version: null, status, trigger: {}, started_at: '', finished_at: null, steps: [], ...extra };
}

async function connect(options: Partial<SousMcpOptions>, elicit?: (params: unknown) => { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, boolean> }) {
  const runJob = vi.fn(options.runJob ?? (async (_r: Recipe, input: Record<string, unknown>) => job('succeeded', { output: { got: input } })));
  const server = createSousMcpServer({ tools: () => [skill('look', 'read'), skill('make', 'write'), skill('typed', 'read', { type: 'object', required: ['id'] })], ...options, runJob });
  const client = new Client({ name: 't', version: '1' }, { capabilities: elicit ? { elicitation: { form: {} } } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, async (request) => elicit(request.params));
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  return { client, runJob };
}

const text = (r: unknown) => ((r as { content: { text: string }[] }).content[0]?.text ?? '');

describe('createSousMcpServer', () => {
  it.each([
    ['no way to confirm: refused', {}, undefined, false, /needs confirmation/],
    ['--yes', { yes: true }, undefined, true, null],
    ['the caller\'s confirm says yes', { confirm: async () => true }, undefined, true, null],
    ['the caller\'s confirm says no', { confirm: async () => false }, undefined, false, /did not confirm/],
    ['the caller cannot ask', { confirm: async () => ({ unavailable: 'the studio is not open' }) }, undefined, false, /the studio is not open/],
    ['elicitation accepted (before --yes)', { yes: true }, () => ({ action: 'accept' as const, content: { confirm: true } }), true, null],
    ['elicitation declined (before --yes)', { yes: true }, () => ({ action: 'decline' as const }), false, /did not confirm/]
  ])('a write tool, %s', async (_what, options, elicit, runs, refusal) => {
    const { client, runJob } = await connect(options, elicit);
    const result = await client.callTool({ name: 'make', arguments: { name: 'Acme' } });
    expect(runJob).toHaveBeenCalledTimes(runs ? 1 : 0);
    expect(result.isError ?? false).toBe(!runs);
    if (refusal) expect(text(result)).toMatch(refusal);
    else expect(result.structuredContent).toEqual({ got: { name: 'Acme' } });
  });

  it('runs a read tool without asking anyone', async () => {
    const confirm = vi.fn(async () => false);
    const { client, runJob } = await connect({ confirm });
    const result = await client.callTool({ name: 'look', arguments: { name: 'Acme' } });
    expect(result.isError ?? false).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    expect(runJob).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a failed job: its error message', job('failed', { error: { message: 'vendor exists', step: 'create', code: 'duplicate' } }), /^vendor exists$/],
    ['a waiting job: names the job', job('waiting', { steps: [{ step_id: 'ok', path: 'ok', kind: 'approval', status: 'waiting', attempt: 1, started_at: '', input: { message: 'OK?' } }] }), /^job job-1 \("look"\) waits for an approval \(step "ok": OK\?\)/],
    ['a cancelled job', job('cancelled'), /cancelled/]
  ])('%s, as a tool error', async (_what, ended, message) => {
    const { client } = await connect({ runJob: async () => ended });
    const result = await client.callTool({ name: 'look', arguments: { name: 'x' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(message);
  });

  it.each([
    ['an object', { a: 1 }, { a: 1 }],
    ['a list: text only', [1, 2], undefined],
    ['null: text only', null, undefined]
  ])('gives %s output as text, and as structuredContent when it is an object', async (_what, output, structured) => {
    const { client } = await connect({ runJob: async () => job('succeeded', { output }) });
    const result = await client.callTool({ name: 'look', arguments: { name: 'x' } });
    expect(JSON.parse(text(result))).toEqual(output);
    expect(result.structuredContent).toEqual(structured);
  });

  it('says so when the output breaks the declared outputSchema, instead of handing the client bad data', async () => {
    const { client } = await connect({ runJob: async () => job('succeeded', { output: { name: 'no id' } }) });
    const result = await client.callTool({ name: 'typed', arguments: { name: 'x' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/does not fit its outputSchema/);
  });

  it('an unknown tool is a tool error', async () => {
    const { client } = await connect({});
    const result = await client.callTool({ name: 'nope', arguments: {} });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('Tool nope not found');
  });
});
