/**
 * Every agent template parses, and each skill runs end to end on the real engine over fresh in-memory
 * sandbox apps with nothing set up (no connection, no model): the wiring `sous run` uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgentText } from '../format';
import { parseRecipeText, type Job, type Recipe, type User } from '../../recipe';
import { builtinConnectors } from '../../connectors/builtin';
import { MemoryChat } from '../../connectors/chat';
import { memorySandboxStores, noEvents, receiveMail, RecordedEvents, textAttachmentReader, type SandboxStores } from '../../connectors/sandbox';
import { parseSender } from '../../connectors/sandbox/mail-address';
import { createRunner, MemoryJournal } from '../../engine';
import { recipeEffect } from '../../connectors/effects';
import { AGENT_TEMPLATES } from './index';

const DIR = 'src/lib/agents/templates';
const ME: User = { id: 'emp-003', name: 'Tom Becker', email: 'tom@sous-demo.example', roles: ['finance'] };

function engine(user: User = ME) {
  const stores = memorySandboxStores();
  const all = AGENT_TEMPLATES.flatMap((t) => t.recipes);
  const byId = new Map(all.map((r) => [r.id, r]));
  const journal = new MemoryJournal();
  const runner = createRunner({
    journal,
    connectors: builtinConnectors({ chat: new MemoryChat(), sandbox: { stores, events: noEvents } }),
    recipes: { get: async (id: string) => (byId.has(id) ? { recipe: byId.get(id)!, version: 1 } : undefined) },
    user
  });
  const recipe = (id: string): Recipe => byId.get(id) ?? expect.fail(`no template recipe ${id}`);
  const run = (id: string, input: unknown) => runner.start(recipe(id), input);
  const job = async (id: string) => (await journal.loadJob(id)) ?? expect.fail(`no job ${id}`);
  return { stores, runner, run, job, journal };
}

async function vendorsNamed(stores: SandboxStores, name: string) {
  return (await stores.erp.list('vendors')).filter((v) => v.name === name);
}

/** The waiting approval of a job or of the child job its call step waits on. */
async function waitingApproval(e: ReturnType<typeof engine>, job: Job): Promise<{ jobId: string; path: string; message: string }> {
  for (const step of job.steps) {
    if (step.status === 'waiting' && step.kind === 'approval') return { jobId: job.id, path: step.path, message: String((step.input as { message: string }).message) };
    if (step.status === 'waiting' && step.child_job) return waitingApproval(e, await e.job(step.child_job));
  }
  return expect.fail(`job ${job.id} waits for no approval`);
}

describe('template files', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it.each(files)('%s is valid and named by its id', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const parsed = file.endsWith('.agent.json') ? parseAgentText(text) : parseRecipeText(text);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    const id = file.replace(/\.(agent|recipe)\.json$/, '');
    expect(parsed.ok && ('agent' in parsed ? parsed.agent.id : parsed.recipe.id)).toBe(id);
  });

  it('the index lists every file once', () => {
    const listed = AGENT_TEMPLATES.flatMap((t) => [...t.recipes.map((r) => `${r.id}.recipe.json`), ...t.agents.map((a) => `${a.id}.agent.json`)]);
    expect([...listed].sort()).toEqual([...files].sort());
  });

  it.each(AGENT_TEMPLATES.map((t) => [t.id, t] as const))('%s: its skills and hand-offs are inside the template, callable, with en and ko words', (_, t) => {
    const recipes = new Map(t.recipes.map((r) => [r.id, r]));
    const agents = new Set(t.agents.map((a) => a.id));
    expect(agents.has(t.opens)).toBe(true);
    for (const a of t.agents) {
      for (const s of a.skills) {
        expect(recipes.get(s.recipe)?.trigger.kind, `${a.id} skill ${s.recipe}`).toBe('callable');
        const examples = s.examples ?? [];
        expect(examples.some((x) => /[가-힣]/.test(x)), `${a.id} ${s.recipe} has a Korean example`).toBe(true);
        expect(examples.some((x) => /^[\x20-\x7e]+$/.test(x)), `${a.id} ${s.recipe} has an English example`).toBe(true);
      }
      for (const other of a.agents ?? []) expect(agents.has(other), `${a.id} hands on to ${other}`).toBe(true);
    }
    // Sandbox connectors need no connection: nothing to pick before the first run.
    for (const r of t.recipes) expect(r.connections, r.id).toBeUndefined();
    for (const words of [t.title, t.description, t.trySaying]) {
      expect(words.en.length).toBeGreaterThan(0);
      expect(words.ko).toMatch(/[가-힣]/);
    }
  });
});

describe('what each skill does to the world (a confirmation card only before a write)', () => {
  const all = AGENT_TEMPLATES.flatMap((t) => t.recipes);
  const connectors = builtinConnectors({ chat: new MemoryChat(), sandbox: { stores: memorySandboxStores(), events: noEvents } });
  it.each([
    ['register-vendor', 'write', ['sandbox.erp.vendors.create']],
    ['vendor-invoices', 'read', []],
    ['invoice-intake', 'write', ['sandbox.erp.vendors.create', 'sandbox.erp.invoices.create']],
    ['open-invoices', 'read', []],
    ['invoice-mail', 'write', ['invoice-intake: sandbox.erp.vendors.create', 'invoice-intake: sandbox.erp.invoices.create']],
    ['check-stock', 'read', []],
    ['order-status', 'read', []],
    ['refund-order', 'write', ['sandbox.orders.refunds.create']],
    ['show-payslip', 'read', []],
    ['request-leave', 'write', ['sandbox.hr.leave.create']]
  ])('%s: %s', (id, effect, writes) => {
    const recipe = all.find((r) => r.id === id)!;
    const got = recipeEffect(recipe, { connectors, recipe: (other) => all.find((r) => r.id === other) });
    expect({ effect: got.effect, writes: got.writes }).toEqual({ effect, writes });
  });
});

describe('ERP Genie', () => {
  it('registers a vendor, then refuses the same name plainly', async () => {
    const e = engine();
    const job = await e.run('register-vendor', { name: 'Bluefin Paper', country: 'de', email: 'ap@bluefin.example' });
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    expect(job.output).toMatchObject({ name: 'Bluefin Paper', country: 'DE', email: 'ap@bluefin.example' });
    expect(job.output).not.toHaveProperty('tax_id');
    expect(await vendorsNamed(e.stores, 'Bluefin Paper')).toHaveLength(1);

    const again = await e.run('register-vendor', { name: 'bluefin paper ', country: 'DE' });
    expect(again.status).toBe('failed');
    expect(again.error?.message).toMatch(/^There is already a vendor named Bluefin Paper \(ven-[\w-]+\); nothing was created\.$/);
    expect((await e.stores.erp.list('vendors')).filter((v) => /bluefin/i.test(v.name))).toHaveLength(1);
  });

  it.each([
    ['a seeded vendor by its exact name', { name: 'Initech Software Ltd', country: 'GB' }, /already a vendor named Initech Software Ltd \(ven-003\)/],
    ['the ERP’s own duplicate rule (GmbH left out)', { name: 'Globex Logistics', country: 'DE' }, /same name already exists: "Globex Logistics GmbH"/],
    ['a country that is not a code', { name: 'Nowhere Ltd', country: 'Germany' }, /country code/]
  ])('refuses %s', async (_, input, message) => {
    const e = engine();
    const job = await e.run('register-vendor', input);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(message);
  });

  it('lists a vendor’s invoices, read only', async () => {
    const e = engine();
    const job = await e.run('vendor-invoices', { vendor: 'globex' });
    expect(job.status).toBe('succeeded');
    expect(job.output).toMatchObject({ vendor: 'Globex Logistics GmbH', invoices: [{ number: 'GX-44871', status: 'approved', total: 1230 }], open_total: 1230 });
    const none = await e.run('vendor-invoices', { vendor: 'Nobody Such' });
    expect(none.error?.message).toBe('There is no vendor like Nobody Such in the ERP.');
  });
});

describe('Finance Genie', () => {
  /** A `mail.received` payload as the mailbox raises it: the sender split into from_name and from_email. */
  const mail = (from: string, rest: Record<string, unknown> = {}) => ({ ...MAIL_BASE, ...rest, from, ...parseSender(from) });
  const MAIL_BASE = {
    id: 'mail-100',
    to: 'ap@sous-demo.example',
    subject: 'Invoice BF-2026-031',
    body: 'Hello,\nplease find our invoice.\nTotal: EUR 1,250.00',
    received_at: '2026-03-01T09:00:00.000Z',
    attachments: []
  };
  const MAIL = mail('Bluefin Paper <ap@bluefin.example>');

  it.each([
    ['approve', 1, 1],
    ['reject', 0, 0]
  ] as const)('an invoice mail from an unknown vendor waits for finance; %s', async (choice, vendors, invoices) => {
    const e = engine();
    const job = await e.run('invoice-mail', MAIL);
    expect(job.status).toBe('waiting');
    const ask = await waitingApproval(e, job);
    expect(ask.jobId).not.toBe(job.id);
    expect(ask.message).toBe('New vendor Bluefin Paper (ap@bluefin.example) sent invoice BF-2026-031 for EUR 1250: approve the vendor and record the invoice?');
    const child = await e.job(ask.jobId);
    expect(child.trigger).toEqual({ vendor_name: 'Bluefin Paper', vendor_email: 'ap@bluefin.example', invoice_number: 'BF-2026-031', total: 1250, currency: 'EUR' });

    const answered = await e.runner.answer(ask.jobId, ask.path, { choice, by: ME.id });
    expect(answered.status).toBe('succeeded');
    expect((await e.job(job.id)).status).toBe('succeeded');
    expect(await vendorsNamed(e.stores, 'Bluefin Paper')).toHaveLength(vendors);
    expect((await e.stores.erp.list('invoices')).filter((i) => i.number === 'BF-2026-031')).toHaveLength(invoices);
    expect((answered.output as { message: string }).message).toMatch(
      choice === 'approve'
        ? /^Invoice BF-2026-031 from Bluefin Paper \(ven-[\w-]+\) recorded as inv-[\w-]+: EUR 1250; the vendor is new$/
        : /^Rejected by emp-003: Bluefin Paper was not added as a vendor and invoice BF-2026-031 was not recorded$/
    );
  });

  it.each([
    ['a known vendor by its email, no approval', mail('Globex Logistics GmbH <rechnung@globex.example>', { subject: 'Rechnung GX-50001', body: 'Total: EUR 980.50' }), 'ven-002', 'GX-50001', 980.5],
    ['a known vendor by email only', mail('Accounts <ar@hanbit.example>', { subject: '송장 HB-260399', body: '합계: KRW 2,890,000' }), 'ven-005', 'HB-260399', 2890000],
    // The email is what it says: a name that reads like another vendor does not win over it.
    ['the email before a name that matches another vendor', mail('Globex <ar@hanbit.example>', { subject: '송장 HB-260400', body: '합계: KRW 100' }), 'ven-005', 'HB-260400', 100],
    ['a known vendor by name when the mail has no address', mail('Globex Logistics GmbH', { subject: 'Invoice GX-50002', body: 'Total: EUR 10' }), 'ven-002', 'GX-50002', 10]
  ])('%s', async (_, mail, vendorId, number, total) => {
    const e = engine();
    const job = await e.run('invoice-mail', mail);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    const invoice = (await e.stores.erp.list('invoices')).find((i) => i.number === number);
    expect(invoice).toMatchObject({ vendor_id: vendorId, total, status: 'open' });
  });

  it.each([
    ['Invoice BF-2026-031', 'Total: EUR 1,250.00', 'BF-2026-031', 1250, 'EUR'],
    ['Invoice no. 2026-031', 'Total due 1.250,50 EUR', '2026-031', 1250.5, 'EUR'],
    ['Rechnung Nr. R-7781', 'Amount: CHF 99', 'R-7781', 99, 'CHF'],
    ['송장 번호 KR-2026-7', '합계: KRW 2,890,000', 'KR-2026-7', 2890000, 'KRW'],
    ['Your invoice', 'No amount in this one.', 'Your invoice', 0, undefined]
  ])('reads "%s" / "%s" as number %s, total %s, currency %s', async (subject, body, number, total, currency) => {
    const e = engine();
    const job = await e.run('invoice-mail', mail(MAIL.from, { subject, body }));
    expect(job.status).toBe('waiting');
    const child = await e.job((await waitingApproval(e, job)).jobId);
    expect(child.trigger).toEqual({ vendor_name: 'Bluefin Paper', vendor_email: 'ap@bluefin.example', invoice_number: number, total, ...(currency ? { currency } : {}) });
  });

  it.each([
    ['Bluefin Paper <ap@bluefin.example>', 'Bluefin Paper', 'ap@bluefin.example'],
    ['"Bluefin Paper" <ap@bluefin.example>', 'Bluefin Paper', 'ap@bluefin.example'],
    ['"Paper, Bluefin" <ap@bluefin.example>', 'Paper, Bluefin', 'ap@bluefin.example'],
    ['ap@bluefin.example', 'bluefin', 'ap@bluefin.example'],
    ['<ap@bluefin.example>', 'bluefin', 'ap@bluefin.example']
  ])('reads the sender %s as name %s and email %s', async (from, name, email) => {
    const e = engine();
    const job = await e.run('invoice-mail', mail(from));
    const child = await e.job((await waitingApproval(e, job)).jobId);
    expect(child.trigger).toMatchObject({ vendor_name: name, vendor_email: email });
  });

  it('a mail that arrives in the mailbox finds the existing vendor by its from_email and names no new one', async () => {
    const e = engine();
    const events = new RecordedEvents();
    await receiveMail({ store: e.stores.mail, events, reader: textAttachmentReader }, { from: '"Accounts, Hanbit" <ar@hanbit.example>', subject: 'Invoice HB-9', body: 'Total: KRW 5,000' });
    const payload = events.raised[0].payload as { from_name: string; from_email: string };
    expect(payload).toMatchObject({ from_name: 'Accounts, Hanbit', from_email: 'ar@hanbit.example' });
    const before = (await e.stores.erp.list('vendors')).length;
    const job = await e.run('invoice-mail', payload);
    expect(job.status).toBe('succeeded');
    expect((await e.stores.erp.list('invoices')).find((i) => i.number === 'HB-9')).toMatchObject({ vendor_id: 'ven-005', total: 5000 });
    expect(await e.stores.erp.list('vendors')).toHaveLength(before);
  });

  it('a mail that is not about an invoice starts nothing', async () => {
    const { eventMatches } = await import('../../engine');
    const recipe = AGENT_TEMPLATES.flatMap((t) => t.recipes).find((r) => r.id === 'invoice-mail')!;
    expect(await eventMatches(recipe.trigger, 'sandbox.mail', 'mail.received', { ...MAIL, subject: 'Lunch?', body: 'Pizza at noon' })).toBe(false);
    expect(await eventMatches(recipe.trigger, 'sandbox.mail', 'mail.received', MAIL)).toBe(true);
  });

  it('invoice intake asked for in chat (no email) and the open invoices', async () => {
    const e = engine();
    const job = await e.run('invoice-intake', { vendor_name: 'Initech', invoice_number: 'INI-9999', total: 120 });
    expect(job.status).toBe('succeeded');
    expect((await e.stores.erp.list('invoices')).find((i) => i.number === 'INI-9999')).toMatchObject({ vendor_id: 'ven-003', currency: 'GBP' });
    const open = await e.run('open-invoices', {});
    expect(open.status).toBe('succeeded');
    expect((open.output as { count: number }).count).toBe(7);
  });
});

describe('Customer refund', () => {
  it('refunds items, restocks them and reads the new stock through the stock genie’s skill', async () => {
    const e = engine();
    const job = await e.run('refund-order', { order_id: 'ORD-1001', items: [{ sku: 'mug-cer-01', quantity: 1 }], reason: 'chipped' });
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    expect(job.output).toMatchObject({ order_status: 'partially_refunded', refund: { amount: 12 }, stock: [{ id: 'MUG-CER-01', on_hand: 121 }] });
    expect((job.output as { message: string }).message).toBe('Refunded EUR 12 on order ord-1001 (now partially_refunded); back in stock: 121 x MUG-CER-01');
    const children = job.steps.filter((s) => s.child_job);
    expect(children).toHaveLength(1);
    expect((await e.job(children[0].child_job!)).recipe_id).toBe('check-stock');
  });

  it('a wrong line refunds nothing', async () => {
    const e = engine();
    const job = await e.run('refund-order', { order_id: 'ord-1001', items: [{ sku: 'MUG-CER-01', quantity: 5 }] });
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/only 2 of MUG-CER-01 can still be refunded/);
    expect((await e.stores.orders.get('stock', 'MUG-CER-01'))?.on_hand).toBe(120);
  });

  it.each([
    ['check-stock', { sku: 'cap-bas-01' }, { id: 'CAP-BAS-01', on_hand: 0, location: 'B4' }],
    ['order-status', { order_id: 'ord-1003' }, { id: 'ord-1003', status: 'paid', customer: 'Chen Wei' }]
  ])('%s reads', async (id, input, output) => {
    const job = await engine().run(id, input);
    expect(job.status).toBe('succeeded');
    expect(job.output).toMatchObject(output);
  });
});

describe('HR Genie', () => {
  it.each([
    ['the newest', {}, 'emp-003', '2026-02'],
    ['a given month', { month: '2026-01' }, 'emp-003', '2026-01']
  ])('shows my own pay slip: %s', async (_, input, employee, month) => {
    const job = await engine().run('show-payslip', input);
    expect(job.status).toBe('succeeded');
    expect(job.output).toMatchObject({ payslip: { employee_id: employee, month } });
    expect((job.output as { message: string }).message).toBe(`Pay slip ${month}: gross EUR 4700, tax 1128, social 940, net EUR 2632`);
  });

  it('someone who is not an employee gets no pay slip', async () => {
    const job = await engine({ id: 'local', name: 'Local user', roles: [] }).run('show-payslip', {});
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/Local user is not an employee/);
  });

  it.each([
    ['vacation', 'vacation'],
    ['Holiday', 'vacation'],
    ['병가', 'sick']
  ])('requests leave for me: %s', async (type, stored) => {
    const e = engine();
    const job = await e.run('request-leave', { type, start: '2026-06-01', end: '2026-06-05' });
    expect(job.error).toBeNull();
    expect(job.output).toMatchObject({ employee_id: 'emp-003', type: stored, status: 'pending' });
  });
});
