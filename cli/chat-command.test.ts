/**
 * `sous chat` end to end through the real process, in basic mode (no model): the order of the questions,
 * the confirmation card's values, a job that records its agent, approvals answered by a later --say,
 * hand-offs and call steps in `jobs`, --json purity, the refusals (exit 2) and parallel runs in one folder.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TurnSchema, type AgentTurn, type Turn } from '../src/lib/agents/turn';
import { JobSchema, type Job } from '../src/lib/recipe';
import { hasStackTrace, ROOT, sous, tempFiles } from './test-kit';

const T = 60_000;
const DIR = 'tests/fixtures/agents';
const ERP = `${DIR}/erp-genie.agent.json`;
const DESK = `${DIR}/front-desk.agent.json`;

interface Chat {
  agent: string;
  turns: Turn[];
  jobs: Job[];
}

async function chat(agent: string, says: string[], env: Record<string, string> = {}): Promise<Chat> {
  const result = await sous(['chat', agent, ...says.flatMap((s) => ['--say', s]), '--json'], { env });
  expect(result.code, result.stderr).toBe(0);
  const parsed = JSON.parse(result.stdout) as Chat;
  expect(Object.keys(parsed)).toEqual(['agent', 'turns', 'jobs']);
  for (const turn of parsed.turns) {
    TurnSchema.parse(turn);
    expect(turn).not.toHaveProperty('at');
  }
  for (const job of parsed.jobs) JobSchema.parse(job);
  return parsed;
}

function agentTurns(c: Chat): AgentTurn[] {
  return c.turns.filter((t): t is AgentTurn => t.role === 'agent');
}

describe.concurrent('sous chat --json', () => {
  it('asks for the required inputs in order, shows every value on the card, and yes runs the job as the agent', async () => {
    const c = await chat(ERP, ['register a vendor', 'Acme Ltd', 'DE', 'yes']);
    expect(c.agent).toBe('erp-genie');
    expect(c.turns.map((t) => t.role)).toEqual(['user', 'agent', 'user', 'agent', 'user', 'agent', 'user', 'agent']);
    const [askName, askCountry, card, done] = agentTurns(c);
    expect(askName).toMatchObject({ agent: 'erp-genie', skill: 'register-vendor', asks: 'name' });
    expect(askCountry).toMatchObject({ agent: 'erp-genie', skill: 'register-vendor', asks: 'country' });
    // The optional email was not offered: not asked, and not on the card or in the job.
    expect(card.card).toEqual({ kind: 'confirm', skill: 'register-vendor', values: { name: 'Acme Ltd', country: 'DE' } });
    expect(c.jobs).toHaveLength(1);
    const [job] = c.jobs;
    expect(done.job).toBe(job.id);
    expect(job).toMatchObject({ recipe_id: 'register-vendor', agent: 'erp-genie', status: 'succeeded', trigger: { name: 'Acme Ltd', country: 'DE' } });
    expect(job.trigger).not.toHaveProperty('email');
    expect(job.output).toMatchObject({ name: 'Acme Ltd', country: 'DE' });
  }, T);

  it('"no" at the card runs nothing', async () => {
    const c = await chat(ERP, ['register a vendor', 'Acme Ltd', 'DE', 'no']);
    expect(agentTurns(c)[2].card?.kind).toBe('confirm');
    expect(c.jobs).toEqual([]);
  }, T);

  it('runs a read skill without a card', async () => {
    const c = await chat(ERP, ['find a vendor', 'Globex']);
    const turns = agentTurns(c);
    expect(turns[0]).toMatchObject({ skill: 'find-vendor', asks: 'query' });
    expect(turns.some((t) => t.card)).toBe(false);
    expect(c.jobs).toHaveLength(1);
    expect(c.jobs[0]).toMatchObject({ recipe_id: 'find-vendor', agent: 'erp-genie', status: 'succeeded' });
    expect(JSON.stringify(c.jobs[0].output)).toContain('Globex Logistics GmbH');
  }, T);

  it('shows an approval step as a card, and a later --say answers it', async () => {
    const c = await chat(ERP, ['register a vendor with approval', 'Bluefin Paper', 'yes', 'approve']);
    const approval = agentTurns(c).find((t) => t.card?.kind === 'approval');
    expect(approval?.card).toMatchObject({ kind: 'approval', message: 'Create the vendor Bluefin Paper?', choices: ['approve', 'reject'] });
    expect(c.jobs).toHaveLength(1);
    expect(c.jobs[0]).toMatchObject({ recipe_id: 'approve-vendor', agent: 'erp-genie', status: 'succeeded' });
    expect(c.jobs[0].output).toMatchObject({ name: 'Bluefin Paper' });
  }, T);

  it('a rejected approval fails the job and creates no vendor', async () => {
    const c = await chat(ERP, ['register a vendor with approval', 'Bluefin Paper', 'yes', 'reject', 'find a vendor', 'Bluefin']);
    const [approve, find] = c.jobs;
    expect(approve).toMatchObject({ recipe_id: 'approve-vendor', status: 'failed', error: { code: 'stopped' } });
    expect(approve.steps.map((s) => s.step_id)).not.toContain('create');
    expect(find).toMatchObject({ recipe_id: 'find-vendor', status: 'succeeded', output: { vendors: [] } });
  }, T);

  it('talks Korean to a Korean request, and 네 runs it', async () => {
    const c = await chat(ERP, ['업체 등록해줘', '에이스 상사', 'KR', '네']);
    expect(agentTurns(c)[0]).toMatchObject({ skill: 'register-vendor', asks: 'name' });
    expect(agentTurns(c)[0].text).toMatch(/[\uac00-\ud7a3]/);
    expect(c.jobs).toHaveLength(1);
    expect(c.jobs[0]).toMatchObject({ status: 'succeeded', trigger: { name: '에이스 상사', country: 'KR' } });
  }, T);

  it('hands a request on, and lists the child job of a call step with its parent', async () => {
    const c = await chat(DESK, ['is this vendor known', 'Globex']);
    expect(c.agent).toBe('front-desk');
    expect(agentTurns(c).some((t) => t.hands_to === 'checker')).toBe(true);
    expect(agentTurns(c).at(-1)?.agent).toBe('checker');
    const parent = c.jobs.find((j) => j.recipe_id === 'vendor-check');
    const child = c.jobs.find((j) => j.recipe_id === 'find-vendor');
    expect(parent).toMatchObject({ agent: 'checker', handed_by: 'front-desk', status: 'succeeded' });
    expect(child).toMatchObject({ parent_job: parent?.id, agent: 'checker', status: 'succeeded' });
  }, T);

  it('runs the jobs as SOUS_USER', async () => {
    const c = await chat(ERP, ['find a vendor', 'Globex'], { SOUS_USER: 'emp-002' });
    expect(c.jobs[0].user).toMatchObject({ id: 'emp-002' });
  }, T);

  it('with no --say, the conversation is empty (exit 0)', async () => {
    expect(await chat(ERP, [])).toEqual({ agent: 'erp-genie', turns: [], jobs: [] });
  }, T);

  it('two runs in parallel in one folder each keep their own sandbox', async () => {
    // A shared ERP would refuse the second "Acme Ltd" as a duplicate.
    const runs = await Promise.all([1, 2, 3].map(() => chat(ERP, ['register a vendor', 'Acme Ltd', 'DE', 'yes'])));
    for (const c of runs) expect(c.jobs.map((j) => j.status)).toEqual(['succeeded']);
    expect(new Set(runs.map((c) => c.jobs[0].id)).size).toBe(3);
  }, T);
});

describe.concurrent('sous chat transcript', () => {
  it('prints the conversation as a person reads it, the card\'s values indented', async () => {
    const result = await sous(['chat', ERP, '--say', 'register a vendor', '--say', 'Acme Ltd', '--say', 'DE', '--say', 'yes']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('You: register a vendor');
    expect(lines[1]).toMatch(/^ERP Genie: \S/);
    expect(lines).toContain('You: Acme Ltd');
    expect(lines).toContain('    name: Acme Ltd');
    expect(lines).toContain('    country: DE');
    const yes = lines.indexOf('You: yes');
    expect(lines[yes + 1]).toMatch(/^ERP Genie: .*Acme Ltd/);
    expect(lines[yes + 2]).toMatch(/^ {4}\(job [0-9a-f-]{36}: succeeded\)$/);
  }, T);
});

describe.concurrent('sous chat refuses before talking (exit 2)', () => {
  const recipe = (id: string, kind = 'callable') => ({
    format: 'sous.recipe/v1',
    id,
    name: id,
    trigger: kind === 'callable' ? { kind, input: [] } : { kind },
    steps: [{ id: 'say', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'x', text: 'hi' } }]
  });
  const agent = (extra: Record<string, unknown>) => ({ format: 'sous.agent/v1', id: 'a', name: 'A', skills: [{ recipe: 'r' }], ...extra });
  const cases: [string, () => string[], RegExp][] = [
    ['a recipe given as the agent', () => ['chat', `${DIR}/register-vendor.json`], /register-vendor\.json: format: unknown format "sous\.recipe\/v1"/],
    ['a broken agent file', () => ['chat', join(tempFiles({ 'a.json': { format: 'sous.agent/v1', id: 'a', skills: [] } }), 'a.json')], /a\.json: name: /],
    ['a missing agent file', () => ['chat', '/nonexistent/a.agent.json'], /a\.agent\.json: cannot read the file: no such file/],
    ['a skill whose recipe is missing', () => ['chat', join(tempFiles({ 'a.json': agent({}) }), 'a.json')], /a\.json: skills\[0\]\.recipe: no recipe "r" in /],
    ['a skill whose recipe is not callable', () => ['chat', join(tempFiles({ 'a.json': agent({}), 'r.json': recipe('r', 'manual') }), 'a.json')], /skills\[0\]\.recipe: the recipe "r" has a manual trigger; a skill needs a callable one/],
    ['a broken recipe in the folder', () => ['chat', join(tempFiles({ 'a.json': agent({}), 'r.json': recipe('r'), 'bad.json': { ...recipe('bad'), id: 'Bad' } }), 'a.json')], /bad\.json: id: expected a slug/],
    ['a hand-off to an agent that is not there', () => ['chat', join(tempFiles({ 'a.json': agent({ agents: ['b'] }), 'r.json': recipe('r') }), 'a.json')], /a\.json: agents\[0\]: no agent "b" in /],
    ['a broken agent in --agents', () => ['chat', ERP, '--agents', tempFiles({ 'b.json': { format: 'sous.agent/v2', id: 'b' } })], /b\.json: format: unknown format "sous\.agent\/v2"/],
    ['no agent file', () => ['chat', '--say', 'hi'], /chat needs an agent file/],
    ['--say without a message', () => ['chat', ERP, '--say'], /--say needs a value/],
    ['an unknown option', () => ['chat', ERP, '--model', 'x'], /unknown option --model/]
  ];
  it.each(cases)('%s', async (_what, args, message) => {
    const result = await sous(args());
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
  }, T);

  it('finds the recipes in the agent file\'s folder unless --recipes says elsewhere', async () => {
    const alone = join(tempFiles({}), 'erp.agent.json');
    copyFileSync(join(ROOT, ERP), alone);
    const without = await sous(['chat', alone, '--json']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/skills\[0\]\.recipe: no recipe "register-vendor"/);
    const withRecipes = await sous(['chat', alone, '--recipes', DIR, '--json']);
    expect(withRecipes.code, withRecipes.stderr).toBe(0);
    expect(JSON.parse(withRecipes.stdout)).toEqual({ agent: 'erp-genie', turns: [], jobs: [] });
  }, T);
});
