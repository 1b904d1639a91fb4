/** The `sous` process from the outside: exit codes, what goes to stdout and stderr, and never a stack trace. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobSchema } from '../src/lib/recipe';
import { CONFORMANCE, hasStackTrace, npmSous, sous, tempFiles } from './test-kit';

const recipe = (name: string) => `${CONFORMANCE}/${name}.recipe.json`;
const BIG = ['run', recipe('big-invoices'), '--input', `${CONFORMANCE}/big-invoices.input.json`];
const T = 60_000;

describe.concurrent('exit codes, with and without --json', () => {
  it.each([
    ['0: the job succeeded', BIG, 0],
    ['1: the job failed', ['run', recipe('fails-uncaught')], 1],
    ['1: the job stopped with failure', ['run', recipe('stop-failure-in-try')], 1],
    ['3: the job waits for an approval', ['run', recipe('approve-refund')], 3],
    ['0: the approval was answered', ['run', recipe('approve-refund'), '--answer', 'ask=approve'], 0],
    ['2: missing required input (nothing ran)', ['run', recipe('big-invoices')], 2],
    ['2: not a recipe at all', ['run', `${CONFORMANCE}/invalid/not-an-object.recipe.json`], 2]
  ])('%s', async (_, args, code) => {
    const [summary, json] = await Promise.all([sous(args), sous([...args, '--json'])]);
    expect(summary.code, summary.stderr).toBe(code);
    expect(json.code, json.stderr).toBe(code);
  }, T);
});

describe.concurrent('--json puts the job on stdout and nothing else', () => {
  it.each([
    ['succeeded', BIG],
    ['failed', ['run', recipe('fails-uncaught')]],
    ['waiting', ['run', recipe('publish-doc'), '--recipes', CONFORMANCE]],
    ['succeeded', ['run', recipe('approve-refund'), '--answer', 'ask=approve', '--answer', 'unused=approve']]
  ])('%s: %j', async (status, args) => {
    const result = await sous([...args, '--json']);
    const job = JobSchema.parse(JSON.parse(result.stdout));
    expect(job.status).toBe(status);
    expect(job.user).toMatchObject({ id: 'cli', roles: [] });
  }, T);

  it('also through `npm run --silent sous -- …`', async () => {
    const result = await npmSous([...BIG, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const job = JobSchema.parse(JSON.parse(result.stdout));
    expect(job).toMatchObject({ recipe_id: 'big-invoices', status: 'succeeded', output: { text: 'Big invoices: inv-2, inv-4' } });
  }, T);
});

describe.concurrent('the readable summary', () => {
  it('shows the status, every step, the chat posts and the output', async () => {
    const result = await sous(BIG);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Flag big invoices \(big-invoices\): succeeded in \d+ ms$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}each\[3\]\/check\/flag +succeeded +\{"flagged":\["inv-2","inv-4"\]\}$/));
    expect(lines).toContain('  #finance  Big invoices: inv-2, inv-4');
    expect(lines).toContainEqual(expect.stringMatching(/^output: \{.*"text":"Big invoices: inv-2, inv-4"/));
    expect(result.stderr).toBe('');
  }, T);

  it('names the failed step and its error', async () => {
    const result = await sous(['run', recipe('fails-uncaught')]);
    expect(result.stdout).toMatch(/^ {2}compute +failed +error: expression .*the total cannot be computed/m);
    expect(result.stdout).toMatch(/^error: .*the total cannot be computed.* \(step compute, expression\)$/m);
  }, T);

  it('says which approval waits and how to answer it, also inside a called recipe', async () => {
    const result = await sous(['run', recipe('publish-doc'), '--recipes', CONFORMANCE]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^ {2}review +waiting$/m);
    expect(result.stdout).toMatch(/^ {4}sign +waiting +asks: Sign off "Q3 report"\?$/m);
    expect(result.stdout).toContain('waiting: approval "sign" needs an answer (approve, reject); give it with --answer sign=approve');
  }, T);
});

describe.concurrent('bad usage and bad files: exit 2, one clear line on stderr, no stack trace', () => {
  const dir = tempFiles({
    'broken.json': '{ "invoices": [ ',
    'empty.json': '',
    'lib-file.json': '{}'
  });
  it.each([
    ['no command', [], 'sous: no command given; expected "run", "validate", "extract", "draft", "chat", "mcp", "serve" or "grade" (see sous --help)'],
    ['an unknown command', ['frobnicate'], 'sous: unknown command "frobnicate"; expected "run", "validate", "extract", "draft", "chat", "mcp", "serve" or "grade" (see sous --help)'],
    ['an unknown option', ['run', recipe('big-invoices'), '--verbose'], 'sous: unknown option --verbose (see sous --help)'],
    ['a missing recipe file', ['run', 'nope.recipe.json'], 'nope.recipe.json: cannot read the file: no such file'],
    ['a folder as the recipe', ['run', CONFORMANCE], `${CONFORMANCE}: cannot read the file: it is a folder, not a file`],
    ['a recipe of bad JSON', ['run', `${CONFORMANCE}/invalid/bad-json.recipe.json`], /^tests\/conformance\/invalid\/bad-json\.recipe\.json: not valid JSON: .* at line 5, column 3$/],
    ['a wrong format', ['run', `${CONFORMANCE}/invalid/newer-format.recipe.json`], /: format: unknown format "sous.recipe\/v2"/],
    ['a missing --input file', [...BIG.slice(0, 2), '--input', 'nope.json'], 'sous: --input nope.json: cannot read the file: no such file'],
    ['an --input of bad JSON', [...BIG.slice(0, 2), '--input', join(dir, 'broken.json')], /^sous: --input .*broken\.json: not valid JSON: /],
    ['an empty --input', [...BIG.slice(0, 2), '--input', join(dir, 'empty.json')], /^sous: --input .*empty\.json: not valid JSON: /],
    ['a missing --recipes folder', [...BIG, '--recipes', 'no-such-dir'], 'sous: --recipes no-such-dir: no such folder'],
    ['a file as --recipes', [...BIG, '--recipes', join(dir, 'lib-file.json')], /^sous: --recipes .*lib-file\.json: not a folder$/],
    ['missing required input', ['run', recipe('big-invoices'), '--json'], `sous: ${recipe('big-invoices')}: cannot start a job: missing required input: invoices`],
    ['a missing file to validate', ['validate', 'nope.json'], 'nope.json: cannot read the file: no such file']
  ])('%s', async (_, args, line) => {
    const result = await sous(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof line === 'string') expect(lines[0]).toBe(line);
    else expect(lines[0]).toMatch(line);
  }, T);

  it('--help prints the usage on stdout and exits 0', async () => {
    const result = await sous(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sous run RECIPE.json [--input FILE.json] [--recipes DIR] [--answer STEP_ID=CHOICE]... [--json]');
    expect(result.stdout).toContain('sous validate [--policy FILE] FILE.json...');
    expect(result.stdout).toContain('sous grade PACK DIR [--json]');
    expect(result.stderr).toBe('');
  }, T);
});

describe('Ctrl-C', () => {
  it('cancels the running job: status cancelled, exit 1, the job still printed', async () => {
    const held: Array<() => void> = [];
    let interrupt: ((signal: NodeJS.Signals) => void) | undefined;
    const server = createServer((_req, res) => {
      held.push(() => res.destroy());
      interrupt?.('SIGINT');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const dir = tempFiles({
      'hang.recipe.json': {
        format: 'sous.recipe/v1',
        id: 'hang',
        name: 'A request that never gets an answer',
        trigger: { kind: 'manual' },
        steps: [{ id: 'wait', kind: 'action', connector: 'http', action: 'request', input: { url: `http://127.0.0.1:${port}/hang`, timeout_ms: 60000 } }]
      }
    });
    try {
      const result = await sous(['run', join(dir, 'hang.recipe.json'), '--json'], { onSpawn: (kill) => (interrupt = kill) });
      expect(result.code, result.stderr).toBe(1);
      const job = JobSchema.parse(JSON.parse(result.stdout));
      expect(job.status).toBe('cancelled');
      expect(job.steps.map((s) => [s.path, s.status])).toEqual([['wait', 'cancelled']]);
    } finally {
      for (const release of held) release();
      server.close();
    }
  }, T);
});
