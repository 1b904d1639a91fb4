// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getConversation, readJob, SousDb } from '../store';
import { setActingAs } from '../store/sandbox-apps';
import type { AgentTurn } from '../agents/turn';
import type { Job } from '../recipe';
import { createEngineHost, type HostDeps } from './host';
import { startingImports } from './host-test-kit';
import { ScriptedModelClient } from '../ai/scripted-model-client';
import { readFileSync } from 'node:fs';
import { memoryLocks } from './memory-locks';

/**
 * The agents' chat through the engine host, as the studio's worker runs it: basic mode (no model is
 * given, so no model client is involved), jobs on the host's own runner over fake IndexedDB.
 */
let db: SousDb;
afterEach(() => db?.delete());

function tab(locks = memoryLocks(), model?: HostDeps['model']) {
  const problems: string[] = [];
  const host = startingImports(createEngineHost({ db, locks, report: (p) => problems.push(p), model }));
  return { host, problems };
}

const registerVendor = {
  format: 'sous.recipe/v1',
  id: 'add-vendor',
  name: 'Register a vendor',
  description: 'Adds a new vendor (supplier) to the ERP.',
  trigger: {
    kind: 'callable',
    input: [
      { name: 'name', type: 'text', required: true, description: "the vendor's name" },
      { name: 'country', type: 'text', required: true, description: "the vendor's country code" }
    ]
  },
  steps: [{ id: 'create', kind: 'action', connector: 'sandbox.erp', action: 'vendors.create', input: { name: '{{ trigger.name }}', country: '{{ trigger.country }}' } }]
};

/** A skill with an approval inside: finance says yes before the vendor is made. */
const approvedVendor = {
  ...registerVendor,
  id: 'approved-vendor',
  name: 'Add an approved vendor',
  description: 'Adds a vendor once finance approves it.',
  steps: [
    { id: 'ok', kind: 'approval', message: 'Add vendor {{ trigger.name }}?', choices: ['approve', 'reject'] },
    { id: 'no', kind: 'if', condition: "{{ steps.ok.choice = 'reject' }}", then: [{ id: 'stop', kind: 'stop', outcome: 'success', message: 'Not added.' }] },
    ...registerVendor.steps
  ]
};

/** Not a skill: a mail-like recipe that calls the approval skill, outside any conversation. */
const outside = {
  format: 'sous.recipe/v1',
  id: 'vendor-by-mail',
  name: 'Vendor by mail',
  trigger: { kind: 'manual' },
  steps: [{ id: 'intake', kind: 'call', recipe: 'approved-vendor', input: { name: 'Bluefin Paper', country: 'NO' } }]
};

const agent = (id: string, name: string, skills: Array<{ recipe: string; examples?: string[] }>) => ({ format: 'sous.agent/v1', id, name, skills });
const erp = agent('erp-genie', 'ERP Genie', [{ recipe: 'add-vendor', examples: ['register a vendor', 'add a new supplier'] }]);
const finance = agent('finance-genie', 'Finance Genie', [{ recipe: 'approved-vendor', examples: ['add an approved vendor', 'approve a new supplier'] }]);

async function setUp() {
  db = new SousDb(`t-${crypto.randomUUID()}`);
  const t = tab();
  for (const r of [registerVendor, approvedVendor, outside]) expect(await t.host.importRecipe(JSON.stringify(r))).toMatchObject({ ok: true });
  for (const a of [erp, finance]) expect(await t.host.importAgent(JSON.stringify(a))).toMatchObject({ ok: true });
  return t;
}

async function until<T>(what: string, get: () => Promise<T | undefined>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await get();
    if (v !== undefined && ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${what} never happened: ${JSON.stringify(await get())}`);
}

const vendorsNamed = async (name: string) => (await db.sandbox_vendors.toArray()).filter((v) => v.name === name);
const last = (turns: AgentTurn[]) => turns[turns.length - 1];

describe('agents through the engine host', () => {
  it('registers a vendor: asks, shows the card, runs on yes as the person the studio acts as, and keeps it all', async () => {
    const { host, problems } = await setUp();
    await setActingAs(db, 'emp-001');
    const id = await host.startConversation(['erp-genie']);
    expect(id).toBe('direct:erp-genie');
    expect(await host.startConversation(['erp-genie'])).toBe(id);

    expect(last(await host.say(id, 'register a vendor'))).toMatchObject({ agent: 'erp-genie', skill: 'add-vendor', asks: 'name' });
    expect(last(await host.say(id, 'Acme Ltd'))).toMatchObject({ asks: 'country' });
    const card = last(await host.say(id, 'DE'));
    expect(card.card).toMatchObject({ kind: 'confirm', skill: 'add-vendor', values: { name: 'Acme Ltd', country: 'DE' } });
    expect(await vendorsNamed('Acme Ltd')).toEqual([]);

    const done = last(await host.say(id, 'yes'));
    expect(done.job).toBeTruthy();
    const job = (await readJob(db, done.job!)) as Job;
    expect(job).toMatchObject({ status: 'succeeded', recipe_id: 'add-vendor', agent: 'erp-genie', trigger: { name: 'Acme Ltd', country: 'DE' } });
    expect(job.user?.id).toBe('emp-001');
    expect(await vendorsNamed('Acme Ltd')).toHaveLength(1);

    const row = await getConversation(db, id);
    expect(row?.state.turns.filter((t) => t.role === 'user').map((t) => t.text)).toEqual(['register a vendor', 'Acme Ltd', 'DE', 'yes']);
    expect(row?.state.turns.every((t) => typeof t.at === 'string')).toBe(true);
    expect(row).toMatchObject({ mode: 'basic', jobs: [job.id] });
    expect(problems).toEqual([]);
  });

  it('goes on in another tab (a reload) from the saved state', async () => {
    const first = await setUp();
    const id = await first.host.startConversation(['erp-genie']);
    await first.host.say(id, 'register a vendor');
    await first.host.say(id, 'Globex Korea');
    const reloaded = tab();
    const card = last(await reloaded.host.say(id, 'KR'));
    expect(card.card).toMatchObject({ kind: 'confirm', values: { name: 'Globex Korea', country: 'KR' } });
    expect(last(await reloaded.host.say(id, 'no'))).not.toHaveProperty('job');
    expect(await vendorsNamed('Globex Korea')).toEqual([]);
    expect((await getConversation(db, id))?.state.pending).toBeUndefined();
  });

  it('shows an approval inside a skill as a card; answered in the Inbox, the chat says how it went and who answered', async () => {
    const { host } = await setUp();
    await setActingAs(db, 'emp-002');
    const id = await host.startConversation(['finance-genie']);
    await host.say(id, 'add an approved vendor');
    await host.say(id, 'Initrode');
    await host.say(id, 'US');
    const waiting = last(await host.say(id, 'yes'));
    expect(waiting.card).toMatchObject({ kind: 'approval', skill: 'approved-vendor', step: 'ok', message: 'Add vendor Initrode?', choices: ['approve', 'reject'] });
    expect((await readJob(db, waiting.job!))?.status).toBe('waiting');

    // The Inbox answers through the same host call the chat's card uses.
    await host.answer(waiting.card!.job!, waiting.card!.step!, 'approve');
    const job = (await readJob(db, waiting.job!)) as Job;
    expect(job.status).toBe('succeeded');
    expect(job.steps.find((s) => s.path === 'ok')?.output).toMatchObject({ choice: 'approve', by: 'emp-002' });
    const row = await getConversation(db, id);
    const after = row!.state.turns.at(-1) as AgentTurn;
    expect(after).toMatchObject({ role: 'agent', agent: 'finance-genie', job: job.id });
    expect(after.text).toMatch(/approve/);
    expect(row!.state.waiting).toEqual([]);
    expect(await vendorsNamed('Initrode')).toHaveLength(1);
  });

  it('puts the approval of a skill started outside any chat into its agent’s direct conversation, and follows it', async () => {
    const { host } = await setUp();
    const parent = await host.run('vendor-by-mail', {});
    const row = await until('the approval card', () => getConversation(db, 'direct:finance-genie'), (r) => r.state.turns.some((t) => t.role === 'agent' && t.card?.kind === 'approval'));
    const card = row.state.turns.find((t): t is AgentTurn => t.role === 'agent' && t.card?.kind === 'approval')!;
    expect(card).toMatchObject({ agent: 'finance-genie', skill: 'approved-vendor', card: { message: 'Add vendor Bluefin Paper?', step: 'ok' } });
    const child = (await readJob(db, card.card!.job!)) as Job;
    expect(child).toMatchObject({ parent_job: parent, status: 'waiting', recipe_id: 'approved-vendor' });

    await host.answer(child.id, 'ok', 'reject');
    const after = await until('the outcome', () => getConversation(db, 'direct:finance-genie'), (r) => r.state.waiting.length === 0);
    expect(after.state.turns.at(-1)).toMatchObject({ role: 'agent', agent: 'finance-genie', job: child.id });
    expect(await vendorsNamed('Bluefin Paper')).toEqual([]);
    await until('the parent job', () => readJob(db, parent), (j) => j.status !== 'waiting' && j.status !== 'running');
  });

  it('refuses a bad agent file with its issues and changes nothing', async () => {
    const { host } = await setUp();
    const before = await db.agents.toArray();
    const bad = await host.importAgent(JSON.stringify({ ...erp, name: 'ERP Genie 2', skills: [{ recipe: 'Not A Slug' }], extra: true }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.length).toBeGreaterThanOrEqual(1);
    expect(await host.saveAgent({ ...erp, format: 'sous.agent/v2' })).toMatchObject({ ok: false, issues: [{ path: 'format' }] });
    expect(await db.agents.toArray()).toEqual(before);
    await expect(host.startConversation(['nobody'])).rejects.toThrow(/no agent "nobody"/);
  });

  it('routes a channel message to the agent it names, else to the one whose skills match', async () => {
    const { host } = await setUp();
    const id = await host.startConversation(['erp-genie', 'finance-genie'], { title: 'desk' });
    expect(id).toMatch(/^channel:/);
    expect(last(await host.say(id, 'register a vendor'))).toMatchObject({ agent: 'erp-genie', asks: 'name' });
    expect(last(await host.say(id, '@Finance Genie add an approved vendor'))).toMatchObject({ agent: 'finance-genie', skill: 'approved-vendor', asks: 'name' });
    const row = await getConversation(db, id);
    expect(row?.state.turns.filter((t) => t.role === 'user').map((t) => t.text)).toEqual(['register a vendor', '@Finance Genie add an approved vendor']);
  });

  it('chooses with the on-device model when one is ready (a scripted model client stands in for its weights), else basic mode', async () => {
    await setUp();
    // The model picks the skill and the name the message holds; the conversation asks for the rest.
    const model = new ScriptedModelClient([{ tool: 'add-vendor', arguments: { name: 'Hooli' } }]);
    const withModel = tab(memoryLocks(), async () => model);
    const id = await withModel.host.startConversation(['erp-genie']);
    expect(last(await withModel.host.say(id, 'please get Hooli into our books'))).toMatchObject({ skill: 'add-vendor', asks: 'country' });
    expect(model.calls).toBe(1);
    expect(await getConversation(db, id)).toMatchObject({ mode: 'model' });

    const broken = tab(memoryLocks(), async () => {
      throw new Error('no WebGPU adapter');
    });
    expect(last(await broken.host.say(id, 'US'))).toMatchObject({ card: { kind: 'confirm', values: { name: 'Hooli', country: 'US' } } });
    expect(await getConversation(db, id)).toMatchObject({ mode: 'basic' });
    expect(broken.problems.join('\n')).toMatch(/basic mode answers: no WebGPU adapter/);
  });

  it('hands a request on, says so, and the job records who ran it and who handed it on; in a channel too', async () => {
    const { host } = await setUp();
    const desk = { format: 'sous.agent/v1', id: 'front-desk', name: 'Front Desk', description: 'Greets and hands on.', skills: [], agents: ['erp-genie'] };
    expect(await host.saveAgent(desk)).toMatchObject({ ok: true });
    for (const id of [await host.startConversation(['front-desk']), await host.startConversation(['front-desk', 'finance-genie'], { title: 'desk' })]) {
      const turns = await host.say(id, 'register a vendor');
      expect(turns.find((t) => t.hands_to)).toMatchObject({ agent: 'front-desk', hands_to: 'erp-genie' });
      expect(last(turns)).toMatchObject({ agent: 'erp-genie', asks: 'name' });
      const name = `Handed ${id.slice(0, 7)}`;
      expect(last(await host.say(id, name))).toMatchObject({ agent: 'erp-genie', asks: 'country' });
      await host.say(id, 'FR');
      const done = last(await host.say(id, 'yes'));
      expect(await readJob(db, done.job!)).toMatchObject({ status: 'succeeded', agent: 'erp-genie', handed_by: 'front-desk' });
    }
  });

  it('Finance Genie: an invoice mailed in from an unknown vendor waits with a card in its chat; approved there, it finishes', async () => {
    db = new SousDb(`t-${crypto.randomUUID()}`);
    const { host } = tab();
    const file = (name: string) => readFileSync(`src/lib/agents/templates/${name}`, 'utf8');
    for (const r of ['invoice-intake', 'invoice-mail']) expect(await host.importRecipe(file(`${r}.recipe.json`))).toMatchObject({ ok: true });
    expect(await host.importAgent(file('finance-genie.agent.json'))).toMatchObject({ ok: true });
    const { jobIds } = await host.receiveMail({ from: 'Quill & Co <billing@quill.test>', subject: 'Invoice Q-981', body: 'Invoice number Q-981\nTotal: 410.00 EUR' });
    expect(jobIds).toHaveLength(1);
    const row = await until('the approval card', () => getConversation(db, 'direct:finance-genie'), (r) => r.state.waiting.length === 1);
    const card = row.state.turns.at(-1) as AgentTurn;
    expect(card).toMatchObject({ agent: 'finance-genie', skill: 'invoice-intake', card: { kind: 'approval', step: 'unknown/approve_vendor' } });
    expect(card.card?.message).toMatch(/Quill/);
    // The card's button is the same call as the Inbox's.
    await host.answer(card.card!.job!, card.card!.step!, 'approve');
    const after = await until('the outcome', () => getConversation(db, 'direct:finance-genie'), (r) => r.state.waiting.length === 0);
    expect((after.state.turns.at(-1) as AgentTurn).text).toMatch(/Q-981/);
    expect(await readJob(db, card.job!)).toMatchObject({ status: 'succeeded', parent_job: jobIds[0] });
    await until('the mail job', () => readJob(db, jobIds[0]), (j) => j.status === 'succeeded');
    expect(await vendorsNamed('Quill & Co')).toHaveLength(1);
  });

  it('says how a job ended that its message never saw end (the page closed while it ran and the worker resumed it)', async () => {
    await setUp();
    const ids = ['cut-job'];
    const host = createEngineHost({ db, locks: memoryLocks(), report: () => undefined, newId: () => ids.shift() ?? crypto.randomUUID() });
    const id = await host.startConversation(['erp-genie']);
    await host.say(id, 'register a vendor');
    // As the worker notes a job before it runs it; the message's own answer is never saved.
    await db.conversations.update(id, { jobs: ['cut-job'] });
    expect(await host.run('add-vendor', { name: 'Cut Off Ltd', country: 'IE' })).toBe('cut-job');
    const row = await until('the late answer', () => getConversation(db, id), (r) => r.state.turns.some((t) => t.role === 'agent' && t.job === 'cut-job'));
    expect(row.state.turns.at(-1)).toMatchObject({ role: 'agent', agent: 'erp-genie', skill: 'add-vendor', job: 'cut-job' });
    expect((row.state.turns.at(-1) as AgentTurn).text).toMatch(/Cut Off Ltd/);
    expect(row.state.waiting).toEqual([]);
  });
});
