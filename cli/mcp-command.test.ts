/**
 * `sous mcp` through the SDK's own Client over stdio, spawning the real process: the tools it lists,
 * a read tool's output, a write tool refused without confirmation, run with --yes or by elicitation, a
 * policy's `mcp` list, and the refusals before serving (exit 2, nothing on stdout).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectSous, textOf } from './mcp-kit';
import { ROOT, sous, tempFiles } from './test-kit';

/** The raw process: these lines on stdin, then stdin closed; its stdout, stderr and exit code. */
function rawSous(args: string[], lines: unknown[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['cli/sous.ts', 'mcp', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(lines.map((l) => JSON.stringify(l) + '\n').join(''));
  });
}

const T = 60_000;
const DIR = 'tests/fixtures/agents';
const POLICY = 'tests/fixtures/agents/mcp.policy.json';

async function withSous<T>(args: string[], body: (c: Awaited<ReturnType<typeof connectSous>>) => Promise<T>, options = {}): Promise<T> {
  const connected = await connectSous(args, options);
  try {
    return await body(connected);
  } finally {
    await connected.close();
  }
}

describe.concurrent('sous mcp over stdio', () => {
  it('lists every callable recipe with its schemas and annotations', async () => {
    await withSous(['--recipes', DIR], async ({ client }) => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['approve-vendor', 'find-vendor', 'my-payslip', 'register-vendor', 'vendor-check']);
      const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
      expect(byName['find-vendor']).toMatchObject({
        description: 'Looks vendors up in the ERP by name, tax id or email.',
        inputSchema: { type: 'object', properties: { query: { type: 'string', description: 'a name, tax id or email' } }, required: ['query'] },
        annotations: { title: 'Find a vendor', readOnlyHint: true, destructiveHint: false }
      });
      expect(byName['find-vendor'].outputSchema).toBeUndefined();
      const register = byName['register-vendor'];
      expect(register.inputSchema).toMatchObject({ type: 'object', required: ['name', 'country'] });
      expect(Object.keys(register.inputSchema.properties ?? {})).toEqual(['name', 'country', 'email']);
      expect(register.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false });
      expect(register.outputSchema).toMatchObject({ type: 'object', properties: { id: { type: 'string' } }, required: ['id', 'name'] });
    });
  }, T);

  it('runs a read tool at once and gives the job output', async () => {
    await withSous(['--recipes', DIR], async ({ client }) => {
      const result = await client.callTool({ name: 'find-vendor', arguments: { query: 'Globex' } });
      expect(result.isError, textOf(result)).toBeFalsy();
      const vendors = (result.structuredContent as { vendors: { name: string }[] }).vendors;
      expect(vendors.map((v) => v.name)).toContain('Globex Logistics GmbH');
      expect(JSON.parse(textOf(result))).toEqual(result.structuredContent);
    });
  }, T);

  it.each([
    ['emp-002', false, 7600],
    ['tom@sous-demo.example', false, 4700],
    ['', true, null]
  ])('runs calls as SOUS_USER=%j (verified user access: only their own pay slip)', async (user, isError, gross) => {
    await withSous(
      ['--recipes', DIR],
      async ({ client }) => {
        const result = await client.callTool({ name: 'my-payslip', arguments: {} });
        expect(result.isError ?? false, textOf(result)).toBe(isError);
        if (gross !== null) expect(result.structuredContent).toMatchObject({ gross });
      },
      { env: { SOUS_USER: user } }
    );
  }, T);

  it('refuses a write tool with a plain tool error when the client cannot confirm and there is no --yes', async () => {
    await withSous(['--recipes', DIR], async ({ client }) => {
      const result = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/changes data .*needs confirmation.*--yes.*Nothing was run/);
      const found = await client.callTool({ name: 'find-vendor', arguments: { query: 'Bluefin' } });
      expect(found.structuredContent).toEqual({ vendors: [] });
    });
  }, T);

  it('with --yes runs it, and a later call sees what the earlier one wrote', async () => {
    await withSous(['--recipes', DIR, '--yes'], async ({ client }) => {
      const created = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
      expect(created.isError, textOf(created)).toBeFalsy();
      expect(created.structuredContent).toMatchObject({ name: 'Bluefin Paper', country: 'DE' });
      const found = await client.callTool({ name: 'find-vendor', arguments: { query: 'Bluefin' } });
      expect((found.structuredContent as { vendors: unknown[] }).vendors).toHaveLength(1);
      // The job's error, as a tool error: the ERP refuses a second vendor of the same name.
      const again = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
      expect(again.isError).toBe(true);
      expect(textOf(again)).toMatch(/Bluefin Paper/);
    });
  }, T);

  it.each([
    ['accepts', { action: 'accept', content: { confirm: true } }, true],
    ['accepts the form as it is', { action: 'accept' }, true],
    ['unticks the box', { action: 'accept', content: { confirm: false } }, false],
    ['declines', { action: 'decline' }, false],
    ['cancels', { action: 'cancel' }, false]
  ] as const)('asks a client with elicitation, listing the values; it %s', async (_what, answer, runs) => {
    const elicit = () => ({ ...answer });
    await withSous(
      ['--recipes', DIR],
      async ({ client, elicited }) => {
        const result = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE', email: 'ap@bluefin.example' } });
        expect(elicited).toHaveLength(1);
        expect(elicited[0].message).toMatch(/name: Bluefin Paper[\s\S]*country: DE[\s\S]*email: ap@bluefin\.example/);
        expect(result.isError ?? false, textOf(result)).toBe(!runs);
        if (!runs) expect(textOf(result)).toMatch(/was not run/);
        const found = await client.callTool({ name: 'find-vendor', arguments: { query: 'Bluefin' } });
        expect((found.structuredContent as { vendors: unknown[] }).vendors).toHaveLength(runs ? 1 : 0);
        expect(elicited).toHaveLength(1); // a read tool is not confirmed
      },
      { elicit }
    );
  }, T);

  it('offers only the policy\'s mcp list', async () => {
    await withSous(['--recipes', DIR, '--policy', POLICY, '--yes'], async ({ client }) => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['find-vendor']);
      const refused = await client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/register-vendor not found/);
    });
  }, T);

  it.each([
    ['a missing required value', { name: 'Bluefin Paper' }, /country/],
    ['a wrong type', { name: 'Bluefin Paper', country: 7 }, /country/],
    ['an unknown key', { name: 'Bluefin Paper', country: 'DE', colour: 'red' }, /colour/]
  ])('refuses %s as a tool error, running nothing', async (_what, args, message) => {
    await withSous(['--recipes', DIR, '--yes'], async ({ client }) => {
      const result = await client.callTool({ name: 'register-vendor', arguments: args });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(message);
    });
  }, T);

  it('says a job that waits for an approval is not finished, naming the job', async () => {
    await withSous(['--recipes', DIR, '--yes'], async ({ client }) => {
      const result = await client.callTool({ name: 'approve-vendor', arguments: { name: 'Bluefin Paper' } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^job [0-9a-f-]{36} \("approve-vendor"\) waits for an approval \(step "ok": Create the vendor Bluefin Paper\?\)/);
    });
  }, T);
});

describe('sous mcp on its own stdio', () => {
  it('writes only MCP messages on stdout, answers a call still running when stdin closes, and exits 0', async () => {
    const init = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } };
    const result = await rawSous(['--recipes', DIR, '--yes'], [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: init },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'register-vendor', arguments: { name: 'Acme Ltd', country: 'DE' } } }
    ]);
    expect(result.code, result.stderr).toBe(0);
    const messages = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { jsonrpc: string; id: number; result: Record<string, unknown> });
    expect(messages.map((m) => [m.jsonrpc, m.id])).toEqual([['2.0', 1], ['2.0', 2], ['2.0', 3]]);
    expect(messages[2].result).toMatchObject({ structuredContent: { name: 'Acme Ltd' } });
    expect(result.stderr).toMatch(/sous mcp: offering 5 tools/);
  }, T);
});

describe.concurrent('sous mcp refuses before serving', () => {
  const badRecipe = { format: 'sous.recipe/v1', id: 'Bad Id', name: 'x', trigger: { kind: 'callable', input: [] }, steps: [] };
  it.each([
    ['a broken recipe file', () => ['--recipes', tempFiles({ 'bad.json': badRecipe })], /bad\.json: id: expected a slug/],
    ['a missing folder', () => ['--recipes', '/nonexistent/sous'], /--recipes \/nonexistent\/sous: no such folder/],
    ['a policy of another format', () => ['--recipes', DIR, '--policy', `${tempFiles({ 'p.json': { format: 'sous.pack/v1' } })}/p.json`], /p\.json: format: unknown format "sous\.pack\/v1"/],
    ['a policy with a bad mcp list', () => ['--recipes', DIR, '--policy', `${tempFiles({ 'p.json': { format: 'sous.policy/v1', name: 'P', mcp: 'find-vendor' } })}/p.json`], /p\.json: mcp: /],
    ['a missing policy file', () => ['--recipes', DIR, '--policy', '/nonexistent.json'], /--policy \/nonexistent\.json: cannot read the file: no such file/],
    ['a broken agent file', () => ['--recipes', DIR, '--agents', tempFiles({ 'a.json': { format: 'sous.agent/v1', id: 'a' } })], /a\.json: name: /],
    ['a file argument', () => ['x.json'], /mcp takes no files/]
  ])('%s: exit 2, one line per problem, nothing on stdout', async (_what, args, message) => {
    const result = await sous(['mcp', ...args()]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  }, T);
});
