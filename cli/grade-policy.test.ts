/**
 * `sous grade` and `--policy` from the outside (the sous process): the pack-format contract's tables, JSON
 * and exit codes over a folder with a right, a wrong, a broken, a stray and a policy-breaking submission.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, sous, tempFiles } from './test-kit';

const PACK = 'tests/fixtures/packs/finance-workshop.sous-pack.json';
const DIR = 'tests/fixtures/packs/submissions';
const T = 60_000;

describe('sous grade', () => {
  it('prints one row a file, in name order: graded, broken and unmatched files each say why', async () => {
    const result = await sous(['grade', PACK, DIR]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^FILE\s+EXERCISE\s+TESTS\s+FIRST FAILURE$/);
    const rows = lines.slice(1).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['ana.recipe.json', 'flag-big', '2/2'],
      ['ben.recipe.json', 'flag-big', '1/2'],
      ['chris.recipe.json', '-', '-'],
      ['dana.recipe.json', '-', '-'],
      ['eun.recipe.json', 'add-vendor', '2/2'],
      ['finn.recipe.json', 'add-vendor', '0/2']
    ]);
    expect(rows[1][3]).toBe('none big: chat: expected 0 messages, got 1 (#finance: "Big invoice D")');
    expect(rows[2][3]).toMatch(/^not valid JSON: .*line 3, column 1/);
    expect(rows[3][3]).toContain('no exercise in the pack takes the recipe id "flag-small"');
    expect(rows[5][3]).toContain('the policy "Workshop rules" requires an approval step before "sandbox.erp.vendors.create"');
  }, T);

  it('--json prints {rows} and nothing else, with the failures and errors as the contract names them', async () => {
    const result = await sous(['grade', PACK, DIR, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { rows } = JSON.parse(result.stdout);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ file: 'ana.recipe.json', exercise: 'flag-big', passed: 2, total: 2, failures: [] });
    expect(rows[1]).toMatchObject({ exercise: 'flag-big', passed: 1, total: 2, failures: [{ test: 'none big', reason: expect.stringContaining('expected 0 messages') }] });
    expect(rows[2]).toMatchObject({ file: 'chris.recipe.json', exercise: null, passed: 0, total: 0, failures: [], error: expect.stringContaining('not valid JSON') });
    expect(rows[3]).toMatchObject({ exercise: null, error: expect.stringContaining('flag-small') });
    expect(rows[4]).toMatchObject({ exercise: 'add-vendor', passed: 2, total: 2 });
  }, T);

  it('exit 2 when PACK is not a pack, or the folder cannot be read; no stack trace', async () => {
    const notPack = await sous(['grade', `${DIR}/ana.recipe.json`, DIR]);
    expect(notPack.code).toBe(2);
    expect(notPack.stderr).toContain('format: unknown format "sous.recipe/v1"; this version of Sous reads packs in "sous.pack/v1"');
    const noDir = await sous(['grade', PACK, 'tests/fixtures/packs/no-such-folder']);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('cannot read the folder: no such file');
    const usage = await sous(['grade', PACK]);
    expect(usage.code).toBe(2);
    for (const r of [notPack, noDir, usage]) expect(hasStackTrace(r.stderr)).toBe(false);
  }, T);
});

const POLICY = {
  format: 'sous.policy/v1',
  name: 'Workshop rules',
  connectors: { allow: ['sandbox.*', 'chat', 'tables', 'ai', 'http'] },
  actions: { deny: ['sandbox.orders.refunds.create'] },
  hosts: ['api.example.com']
};
const fetchRecipe = (url: string) => ({
  format: 'sous.recipe/v1',
  id: 'fetch-it',
  name: 'Fetch it',
  trigger: { kind: 'manual' },
  steps: [
    { id: 'hello', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'x', text: 'hi' } },
    { id: 'fetch', kind: 'action', connector: 'http', action: 'request', input: { url } }
  ]
});

describe('--policy', () => {
  it('validate: one line per broken rule in the contract words, exit 2; a recipe that keeps to it is ok', async () => {
    const dir = tempFiles({
      'policy.json': { ...POLICY, connectors: { allow: ['sandbox.*', 'chat'] } },
      'bad.recipe.json': fetchRecipe('https://api.example.com/x'),
      'good.recipe.json': { ...fetchRecipe('https://api.example.com/x'), steps: [fetchRecipe('').steps[0]] }
    });
    const result = await sous(['validate', '--policy', `${dir}/policy.json`, `${dir}/bad.recipe.json`, `${dir}/good.recipe.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`${dir}/bad.recipe.json: steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"`);
    expect(result.stdout.trim()).toBe(`${dir}/good.recipe.json: ok`);
  }, T);

  it('run: refused with exit 2 before any step runs', async () => {
    const dir = tempFiles({ 'policy.json': POLICY, 'r.recipe.json': fetchRecipe('https://evil.example/steal') });
    const result = await sous(['run', '--policy', `${dir}/policy.json`, `${dir}/r.recipe.json`, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('steps[1] (fetch): the policy "Workshop rules" does not allow the host "evil.example" (it allows api.example.com)');
  }, T);

  it('run: a host built from data is refused when the request is made, and nothing is sent', async () => {
    let hits = 0;
    const server = createServer((_, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const recipe = { ...fetchRecipe(''), trigger: { kind: 'manual', input: [{ name: 'host', type: 'text' }] } };
      recipe.steps[1].input = { url: `http://{{ trigger.host }}:${port}/x` };
      const dir = tempFiles({ 'policy.json': POLICY, 'r.recipe.json': recipe, 'in.json': { host: '127.0.0.1' } });
      const result = await sous(['run', '--policy', `${dir}/policy.json`, `${dir}/r.recipe.json`, '--input', `${dir}/in.json`, '--json']);
      expect(result.code, result.stderr).toBe(1);
      const job = JSON.parse(result.stdout);
      expect(job.error).toMatchObject({ step: 'fetch', code: 'policy_host' });
      expect(job.error.message).toContain('the policy "Workshop rules" does not allow the host "127.0.0.1"');
      const fetchStep = job.steps.find((s: { step_id: string }) => s.step_id === 'fetch');
      expect(fetchStep.attempt).toBe(1);
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  }, T);

  it('a bad policy file is refused with its place, exit 2', async () => {
    const dir = tempFiles({ 'policy.json': { format: 'sous.policy/v1', name: 'x', hosts: 'api.example.com' }, 'r.recipe.json': fetchRecipe('https://api.example.com/') });
    const result = await sous(['validate', '--policy', `${dir}/policy.json`, `${dir}/r.recipe.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir}/policy.json: hosts:`);
  }, T);
});
