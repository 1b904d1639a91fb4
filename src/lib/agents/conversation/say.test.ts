/**
 * The conversation's flow over the real engine and a fresh in-memory sandbox (basic mode): the contract's
 * register-vendor dialogue, and the turn shapes `sous chat --json` prints.
 */
import { describe, expect, it } from 'vitest';
import { loadFixtures, sandboxSession } from '../corpus/harness';
import { RunRefused } from '../../engine';
import { ConversationStateSchema, jobChanged, newConversation, say, type ConversationState } from './index';
import type { Turn } from '../turn';

const workspace = loadFixtures();

async function talk(agent: string, says: string[], options: Parameters<typeof sandboxSession>[1] = {}) {
  const session = sandboxSession(workspace, options);
  let state: ConversationState = newConversation(agent);
  const turns: Turn[] = [];
  for (const text of says) {
    const result = await say(state, text, session.ports);
    expect(result.turns[0]).toEqual({ role: 'user', text });
    turns.push(...result.turns);
    state = result.state;
  }
  return { state, turns, session };
}

describe('say', () => {
  it('registers a vendor: asks the name, then the country, shows the card, runs on yes, answers with the job', async () => {
    const { state, turns, session } = await talk('erp-genie', ['register a vendor', 'Acme Ltd', 'DE', 'yes'], { jobLink: (id) => `/jobs/${id}` });
    const agentTurns = turns.filter((t) => t.role === 'agent');
    expect(agentTurns.map((t) => t.asks ?? t.card?.kind ?? 'answer')).toEqual(['name', 'country', 'confirm', 'answer']);
    expect(agentTurns[0]).toMatchObject({ agent: 'erp-genie', skill: 'register-vendor', asks: 'name', text: "What is the vendor's name?" });
    expect(agentTurns[2].card).toEqual({ kind: 'confirm', skill: 'register-vendor', values: { name: 'Acme Ltd', country: 'DE' } });
    const jobs = await session.jobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ recipe_id: 'register-vendor', status: 'succeeded', agent: 'erp-genie', trigger: { name: 'Acme Ltd', country: 'DE' } });
    // An optional input not given is left out of the trigger, never "" or null.
    expect(jobs[0].trigger).not.toHaveProperty('email');
    expect(agentTurns[3]).toMatchObject({ job: jobs[0].id, skill: 'register-vendor' });
    expect(agentTurns[3].text).toMatch(/^Done: vendor ven-[\w-]+ Acme Ltd\. \/jobs\/job-001$/);
    expect(state.jobs).toEqual([jobs[0].id]);
    expect(state.pending).toBeUndefined();
    // The state is plain JSON: it survives a round trip through the schema and JSON.
    expect(ConversationStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});

describe('say, around the edges', () => {
  it('keeps the language for short replies and answers in Korean after a Korean request', async () => {
    const { turns } = await talk('erp-genie', ['업체 등록해줘', 'Acme Ltd', 'DE', 'ok']);
    const agentTexts = turns.filter((t) => t.role === 'agent').map((t) => t.text);
    expect(agentTexts).toHaveLength(4);
    for (const text of agentTexts) expect(text).toMatch(/[\uac00-\ud7a3]/);
  });

  it('takes an optional value the person offers, and never asks for one', async () => {
    const { turns, session } = await talk('erp-genie', ['register a vendor', 'Acme Ltd', 'DE', 'change the email to billing@acme.example', 'yes']);
    expect(turns.filter((t) => t.role === 'agent' && t.asks).map((t) => (t.role === 'agent' ? t.asks : ''))).toEqual(['name', 'country']);
    const [job] = await session.jobs();
    expect(job.trigger).toEqual({ name: 'Acme Ltd', country: 'DE', email: 'billing@acme.example' });
  });

  it('reports an approval answered elsewhere (the Inbox) once, through jobChanged', async () => {
    const { state, session } = await talk('erp-genie', ['pay an invoice', 'inv-003', 'yes']);
    expect(state.waiting).toHaveLength(1);
    const waiting = state.waiting[0];
    const moved = await session.ports.jobs.answer(waiting.stepJob, waiting.step, 'approve', { id: 'emp-002', name: 'Dana Kim', roles: [] });
    expect(moved.status).toBe('succeeded');
    const first = await jobChanged(state, moved, session.ports);
    expect(first.turns).toHaveLength(1);
    expect(first.turns[0]).toMatchObject({ role: 'agent', agent: 'erp-genie', job: moved.id, skill: 'pay-invoice' });
    expect(first.turns[0].text).toMatch(/^Answered "approve"\. Done: /);
    expect(first.state.waiting).toEqual([]);
    // Told once: the same change again says nothing.
    expect((await jobChanged(first.state, moved, session.ports)).turns).toEqual([]);
  });

  it('an approval card names the waiting step, its message and its choices', async () => {
    const { turns } = await talk('erp-genie', ['pay an invoice', 'inv-003', 'yes']);
    const card = turns.flatMap((t) => (t.role === 'agent' && t.card?.kind === 'approval' ? [t.card] : []))[0];
    expect(card).toEqual({ kind: 'approval', skill: 'pay-invoice', job: 'job-001', step: 'ok', message: 'Pay invoice INI-9921 (GBP 1200)?', choices: ['approve', 'reject'] });
  });

  it('an answer that is not one of the choices is asked again', async () => {
    const { state, turns } = await talk('erp-genie', ['pay an invoice', 'inv-003', 'yes', '7']);
    expect(state.waiting).toHaveLength(1);
    expect(turns[turns.length - 1]).toMatchObject({ role: 'agent', text: 'Please answer one of: approve, reject.', job: 'job-001' });
  });

  it('a refused run is said plainly and the field asked for again', async () => {
    const session = sandboxSession(workspace);
    const start = session.ports.jobs.start;
    let refusedOnce = false;
    session.ports.jobs.start = async (recipe, input, who) => {
      if (!refusedOnce) {
        refusedOnce = true;
        throw new RunRefused('the trigger input is not right: country: expected text', ['country: expected text']);
      }
      return start(recipe, input, who);
    };
    let state = newConversation('erp-genie');
    const all: Turn[] = [];
    for (const text of ['register a vendor', 'Acme Ltd', 'DE', 'yes', 'FR', 'yes']) {
      const result = await say(state, text, session.ports);
      state = result.state;
      all.push(...result.turns);
    }
    const agentTurns = all.filter((t) => t.role === 'agent');
    expect(agentTurns.map((t) => (t.role === 'agent' ? (t.asks ?? t.card?.kind ?? t.text) : ''))).toEqual([
      'name',
      'country',
      'confirm',
      'I could not start it: the trigger input is not right: country: expected text.',
      'country',
      'confirm',
      expect.stringMatching(/^Done: /)
    ]);
  });

  it('a choice card offers the skills that fit, and a reply by number picks one', async () => {
    const session = sandboxSession(workspace, {
      chooser: { mode: 'basic', choose: async () => ({ kind: 'ambiguous', options: ['register-vendor', 'find-vendor'] }) }
    });
    const first = await say(newConversation('erp-genie'), 'vendor stuff', session.ports);
    expect(first.turns[1]).toMatchObject({
      text: 'Do you mean Register a vendor or Look up a vendor?',
      card: { kind: 'choice', options: [{ id: 'register-vendor', label: 'Register a vendor' }, { id: 'find-vendor', label: 'Look up a vendor' }] }
    });
    const second = await say(first.state, '2', session.ports);
    expect(second.turns[1]).toMatchObject({ skill: 'find-vendor', asks: 'query' });
  });
});

describe('the skill overrides the confirmation card', () => {
  const withConfirm = (recipe: string, confirm: boolean) => {
    const agents = new Map(workspace.agents);
    const erp = agents.get('erp-genie')!;
    agents.set('erp-genie', { ...erp, skills: erp.skills.map((s) => (s.recipe === recipe ? { ...s, confirm } : s)) });
    return { ...workspace, agents };
  };

  it.each([
    ['a read skill with confirm: true shows the card', 'find-vendor', true, ['look up a vendor', 'Globex', 'yes'], ['query', 'confirm', 'answer']],
    ['a write skill with confirm: false runs without one', 'register-vendor', false, ['register a vendor', 'Acme Ltd', 'DE'], ['name', 'country', 'answer']],
    ['by default a read skill runs at once', 'find-vendor', undefined, ['look up a vendor', 'Globex'], ['query', 'answer']]
  ])('%s', async (_name, recipe, confirm, says, expected) => {
    const session = sandboxSession(confirm === undefined ? workspace : withConfirm(recipe, confirm));
    let state = newConversation('erp-genie');
    const turns: Turn[] = [];
    for (const text of says) {
      const result = await say(state, text, session.ports);
      state = result.state;
      turns.push(...result.turns);
    }
    expect(turns.flatMap((t) => (t.role === 'agent' ? [t.asks ?? t.card?.kind ?? 'answer'] : []))).toEqual(expected);
    expect((await session.jobs())[0]).toMatchObject({ recipe_id: recipe, status: 'succeeded' });
  });
});

describe('an approval inside a called recipe', () => {
  const settle = {
    format: 'sous.recipe/v1',
    id: 'settle-invoice',
    name: 'Settle an invoice',
    description: 'Settles an invoice through the ERP genie.',
    trigger: { kind: 'callable', input: [{ name: 'invoice_id', type: 'text', required: true, description: 'the invoice id' }] },
    steps: [{ id: 'pay', kind: 'call', recipe: 'pay-invoice', input: { invoice_id: '{{ trigger.invoice_id }}' } }]
  } as const;
  const clerk = { format: 'sous.agent/v1', id: 'clerk', name: 'Clerk', skills: [{ recipe: 'settle-invoice', examples: ['settle an invoice'], confirm: false }], agents: ['erp-genie'] } as const;
  const world = {
    agents: new Map([...workspace.agents, ['clerk', structuredClone(clerk) as never]]),
    recipes: new Map([...workspace.recipes, ['settle-invoice', structuredClone(settle) as never]])
  };

  it("shows the child job's step on the card, answers it there, and reports the job it started", async () => {
    const session = sandboxSession(world);
    let result = await say(newConversation('clerk'), 'settle an invoice', session.ports);
    result = await say(result.state, 'inv-003', session.ports);
    const card = result.turns[1].role === 'agent' ? result.turns[1].card : undefined;
    const jobs = await session.jobs();
    const child = jobs.find((j) => j.recipe_id === 'pay-invoice')!;
    expect(child).toMatchObject({ agent: 'erp-genie', handed_by: 'clerk', parent_job: 'job-001', status: 'waiting' });
    expect(card).toMatchObject({ kind: 'approval', skill: 'settle-invoice', job: child.id, step: 'ok' });
    expect(result.turns[1]).toMatchObject({ job: 'job-001' });
    result = await say(result.state, 'approve', session.ports);
    expect(result.turns[1]).toMatchObject({ role: 'agent', agent: 'clerk', job: 'job-001' });
    expect(result.turns[1].text).toMatch(/^Answered "approve"\. Done/);
    expect((await session.jobs()).map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('an answer given elsewhere to the child job is reported once the started job ends', async () => {
    const session = sandboxSession(world);
    let result = await say(newConversation('clerk'), 'settle an invoice', session.ports);
    result = await say(result.state, 'inv-003', session.ports);
    const waiting = result.state.waiting[0];
    const child = await session.ports.jobs.answer(waiting.stepJob, waiting.step, 'reject', { id: 'emp-002', name: 'Dana Kim', roles: [] });
    const told = await jobChanged(result.state, child, session.ports);
    expect(told.turns).toHaveLength(1);
    expect(told.turns[0]).toMatchObject({ role: 'agent', agent: 'clerk', job: 'job-001' });
    expect(told.turns[0].text).toMatch(/^Answered "reject"\. It failed: /);
    expect(told.state.waiting).toEqual([]);
  });
});

describe('an approval answered while another skill is collected', () => {
  it('answers the approval, then asks the open question again', async () => {
    const { turns, session } = await talk('erp-genie', ['pay an invoice', 'inv-003', 'yes', 'register a vendor', 'approve', 'Acme Ltd', 'DE', 'yes']);
    const agentTurns = turns.filter((t) => t.role === 'agent');
    expect(agentTurns.map((t) => (t.role === 'agent' ? (t.asks ?? t.card?.kind ?? t.text.slice(0, 16)) : ''))).toEqual([
      'invoice_id',
      'confirm',
      'approval',
      'name',
      'Answered "approv',
      'name',
      'country',
      'confirm',
      'Done: vendor ven'
    ]);
    expect((await session.jobs()).map((j) => `${j.recipe_id}:${j.status}`)).toEqual(['pay-invoice:succeeded', 'register-vendor:succeeded']);
  });
});
