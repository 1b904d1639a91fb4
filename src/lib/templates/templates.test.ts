/**
 * Every recipe template is a valid file with 0 lint problems and nothing to set up, and runs to success on
 * the real engine over fresh in-memory sandbox apps (the wiring `sous run` uses), as a person who is not an
 * employee of the sandbox HR app (a fresh studio's user), from its trigger's sample and from seed-like data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecipeText, type Job, type Recipe, type Trigger, type User } from '../recipe';
import { allSteps } from '../recipe/walk';
import { builtinConnectors } from '../connectors/builtin';
import { createCatalog } from '../connectors/catalog';
import { MemoryChat } from '../connectors/chat';
import { memorySandboxStores, noEvents } from '../connectors/sandbox';
import { SEED_MAIL } from '../connectors/sandbox/seed/mail';
import { SEED_INVOICES, SEED_VENDORS } from '../connectors/sandbox/seed/erp';
import { SEED_LEAVE } from '../connectors/sandbox/seed/hr';
import { SEED_ORDERS } from '../connectors/sandbox/seed/orders';
import { tablesOps } from '../connectors/tables/ops';
import { MemoryTables } from '../connectors/tables/store';
import { createRunner, MemoryJournal } from '../engine';
import { lintRecipe } from '../lint/lint';
import { madeUpSample } from '../triggers/samples/sample-for';
import { RECIPE_TEMPLATES, TEMPLATE_CATEGORIES, type RecipeTemplate } from './index';

const DIR = 'src/lib/templates/recipes';
/** A fresh studio's user: no employee of the HR app, so templates must not need one. */
const LOCAL: User = { id: 'local', name: 'Local user', roles: [] };
const NOW = new Date('2026-03-02T09:00:00.000Z');
const hangul = /[가-힣]/;

function engine(template: RecipeTemplate) {
  const chat = new MemoryChat();
  const tables = new MemoryTables();
  const stores = memorySandboxStores();
  const journal = new MemoryJournal();
  const runner = createRunner({
    journal,
    connectors: builtinConnectors({ chat, tables, sandbox: { stores, events: noEvents } }),
    recipes: { get: async (id: string) => (id === template.recipe.id ? { recipe: template.recipe, version: 1 } : undefined) },
    user: LOCAL
  });
  const ops = tablesOps(tables);
  return { chat, stores, journal, runner, setUp: () => Promise.all((template.tables ?? []).map((t) => ops.createTable(t.name, t.columns))), ops };
}

/** Run from `input`, answering every approval with its first choice; answers the finished job. */
async function runToEnd(e: ReturnType<typeof engine>, recipe: Recipe, input: unknown): Promise<Job> {
  let job = await e.runner.start(recipe, input);
  for (let guard = 0; job.status === 'waiting' && guard < 5; guard++) {
    const waiting = job.steps.find((s) => s.status === 'waiting' && s.kind === 'approval') ?? expect.fail(`job ${job.id} waits on no approval`);
    job = await e.runner.answer(job.id, waiting.path, { choice: 'approve', by: LOCAL.id });
  }
  return job;
}

const tick = { at: NOW.toISOString(), catch_up: false, missed: 0 };
const mail = (i: number) => {
  const { folder: _folder, ...rest } = SEED_MAIL[i];
  return rest;
};
const newVendorMail = {
  id: 'mail-100',
  from: 'Blue Harbor Trading <ar@blueharbor.example>',
  to: 'ap@sous-demo.example',
  subject: 'Invoice BH-2291',
  body: 'Please find our invoice BH-2291 attached.',
  received_at: NOW.toISOString(),
  attachments: [{ name: 'BH-2291.txt', type: 'text/plain', size: 80, text: 'INVOICE BH-2291\nDate: 2026-03-01  Due: 2026-03-31\nTotal: GBP 1,480.00' }]
};

/** Trigger data for each kind and event: what the sandbox apps really send (seed records), and odd cases. */
function samplesFor(trigger: Trigger): Array<[string, unknown]> {
  switch (trigger.kind) {
    case 'manual':
      return [['its sample', trigger.sample]];
    case 'schedule':
      return [['a tick', tick]];
    case 'document':
      // An unreadable scan fails at the extraction with a plain reason, as it should: not a sample here.
      return [['a text invoice', { name: 'GX-44871.txt', type: 'text/plain', text: SEED_MAIL[0].attachments[0].text }]];
    case 'webhook':
      return [
        ['a JSON request', { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body: { name: 'Ana Souza', email: 'ana@customer.example', amount: 120 } }],
        ['a body without the fields', { method: 'POST', headers: {}, query: {}, body: 'plain text' }]
      ];
    case 'event':
      return eventSamples(`${trigger.connector} ${trigger.event}`);
    default:
      return expect.fail(`no sample for ${trigger.kind}`);
  }
}

function eventSamples(event: string): Array<[string, unknown]> {
  switch (event) {
    case 'sandbox.mail mail.received':
      return [['an invoice of a known vendor', mail(0)], ['a mail that is no invoice', mail(1)], ['an invoice of a new vendor', newVendorMail]];
    case 'sandbox.erp invoice.created':
      return [['a big invoice', SEED_INVOICES[4]], ['a small one', SEED_INVOICES[6]], ['an unknown vendor', { ...SEED_INVOICES[4], vendor_id: 'sample-1' }]];
    case 'sandbox.erp vendor.created':
      return [['a vendor', SEED_VENDORS[11]], ['one without email', { ...SEED_VENDORS[0], email: undefined }]];
    case 'sandbox.hr leave.requested':
      return [['a leave request', SEED_LEAVE[4]], ['an unknown employee', { ...SEED_LEAVE[0], employee_id: 'sample-1' }]];
    case 'sandbox.orders order.created':
      return [['an order with a sold-out cap', SEED_ORDERS[4]], ['an unknown product', { ...SEED_ORDERS[0], lines: [{ sku: 'SKU-001', name: 'Sample', quantity: 1, unit_price: 10 }] }]];
    default:
      return expect.fail(`no sample for the event ${event}`);
  }
}

describe('recipe template files', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.recipe.json'));

  it.each(files)('%s is valid and named by its id', (file) => {
    const parsed = parseRecipeText(readFileSync(join(DIR, file), 'utf8'));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(parsed.ok && parsed.recipe.id).toBe(file.replace(/\.recipe\.json$/, ''));
  });

  it('the index lists every file once, at least twelve, with unique ids', () => {
    expect(RECIPE_TEMPLATES.length).toBeGreaterThanOrEqual(12);
    expect(RECIPE_TEMPLATES.map((t) => `${t.recipe.id}.recipe.json`).sort()).toEqual([...files].sort());
    expect(new Set(RECIPE_TEMPLATES.map((t) => t.id)).size).toBe(RECIPE_TEMPLATES.length);
  });

  it('the first template needs no approval', () => {
    expect([...allSteps(RECIPE_TEMPLATES[0].recipe.steps)].some((s) => s.kind === 'approval')).toBe(false);
    expect(RECIPE_TEMPLATES[0].recipe.trigger.kind).toBe('manual');
  });

  it('covers the seed scenarios and every trigger kind', () => {
    const ids = RECIPE_TEMPLATES.map((t) => t.id);
    for (const id of ['invoice-mail-approval', 'vendor-registration', 'leave-request-manager', 'order-stock-alert', 'open-invoices-digest', 'sandbox-health-check', 'webhook-to-table', 'document-extraction'])
      expect(ids).toContain(id);
    expect(new Set(RECIPE_TEMPLATES.map((t) => t.recipe.trigger.kind))).toEqual(new Set(['manual', 'event', 'schedule', 'webhook', 'document']));
  });
});

describe.each(RECIPE_TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_, template) => {
  const { recipe } = template;

  it('has 0 lint problems with no connection set up, and needs none', () => {
    expect(lintRecipe(recipe, createCatalog(), { knownRecipes: [recipe.id], bindings: new Map() })).toEqual([]);
    expect(recipe.connections).toBeUndefined();
  });

  it('says what it uses, in English and Korean, with step ids that need no backticks', () => {
    const used = new Set([...allSteps(recipe.steps)].flatMap((s) => (s.kind === 'action' ? [s.connector] : [])));
    if (recipe.trigger.kind === 'event') used.add(recipe.trigger.connector);
    expect(new Set(template.uses)).toEqual(used);
    expect(TEMPLATE_CATEGORIES).toContain(template.category);
    for (const words of [template.title, template.description]) {
      expect(words.en.trim()).not.toBe('');
      expect(words.ko).toMatch(hangul);
    }
    for (const step of allSteps(recipe.steps)) expect(step.id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  // What Test run starts from when the app has no record yet (the studio's own sample for the trigger).
  const made: [string, unknown] = ['the trigger\'s made-up sample', madeUpSample(recipe.trigger, { now: () => NOW, connectors: createCatalog() }).value];
  it.each([made, ...samplesFor(recipe.trigger)])('runs to success from %s', async (_name, input) => {
    const e = engine(template);
    await e.setUp();
    const job = await runToEnd(e, recipe, input);
    expect(job.error ?? null).toBeNull();
    expect(job.status).toBe('succeeded');
    const wrote = e.chat.messages.length + (await e.stores.mail.list('messages')).length;
    expect(wrote, 'it posted or mailed something, or set a result').toBeGreaterThan(0);
  });
});

describe('what the templates do', () => {
  const byId = (id: string) => RECIPE_TEMPLATES.find((t) => t.id === id) ?? expect.fail(id);

  it('invoice intake: a new vendor waits for finance, then the vendor and the invoice are recorded once', async () => {
    const t = byId('invoice-mail-approval');
    const e = engine(t);
    const first = await e.runner.start(t.recipe, newVendorMail);
    expect(first.status).toBe('waiting');
    const ask = first.steps.find((s) => s.kind === 'approval')!;
    expect(String((ask.input as { message: string }).message)).toContain('Blue Harbor Trading (ar@blueharbor.example) is not a vendor yet and sends invoice BH-2291 for 1480 GBP');
    expect((await e.runner.answer(first.id, ask.path, { choice: 'approve', by: 'local' })).status).toBe('succeeded');
    const vendor = (await e.stores.erp.list('vendors')).find((v) => v.name === 'Blue Harbor Trading');
    expect(vendor?.email).toBe('ar@blueharbor.example');
    expect((await e.stores.erp.list('invoices')).filter((i) => i.number === 'BH-2291')).toHaveLength(1);
    // The same mail again: the vendor is known now and the invoice is there, so nothing new.
    expect((await e.runner.start(t.recipe, newVendorMail)).status).toBe('succeeded');
    expect((await e.stores.erp.list('invoices')).filter((i) => i.number === 'BH-2291')).toHaveLength(1);
    expect(e.chat.messages.at(-1)?.text).toBe('Invoice BH-2291 from Blue Harbor Trading is recorded already; nothing was added.');
  });

  it('invoice intake: a rejected vendor is not added', async () => {
    const t = byId('invoice-mail-approval');
    const e = engine(t);
    const first = await e.runner.start(t.recipe, newVendorMail);
    const ask = first.steps.find((s) => s.kind === 'approval')!;
    expect((await e.runner.answer(first.id, ask.path, { choice: 'reject', by: 'local' })).status).toBe('succeeded');
    expect((await e.stores.erp.list('vendors')).some((v) => v.name === 'Blue Harbor Trading')).toBe(false);
  });

  it.each([
    ['vendor-registration', undefined, 'purchasing', 'New vendor registered: Blue Harbor Trading Ltd ('],
    ['order-stock-alert', SEED_ORDERS[4], 'shop', 'Baseball cap (CAP-BAS-01): 0 left at B4'],
    ['leave-request-manager', SEED_LEAVE[4], 'people', 'Raj Patel asks for vacation leave from 2026-03-23 to 2026-03-27 (5 days): Conference and a few days off. Chloe Martin decides in the HR app.'],
    ['big-invoice-alert', SEED_INVOICES[4], 'finance', 'Big invoice: HB-260203 from Hanbit Electronics Co., Ltd., 2890000 KRW, due 2026-03-05.'],
    ['weekly-headcount', tick, 'people', 'Headcount on 2026-03-02: 8 people (Management: 1, Finance: 3, People: 2, Engineering: 2).'],
    ['sandbox-health-check', tick, 'ops', 'All apps answer at 09:00 UTC: ERP ok · HR ok · Shop ok · Mailbox ok'],
    ['open-invoices-digest', tick, 'finance', 'Open invoices (4): '],
    ['daily-orders-report', tick, 'shop', ' in all (']
  ])('%s posts what happened in words', async (id, input, channel, text) => {
    const t = byId(id);
    const e = engine(t);
    const job = await runToEnd(e, t.recipe, input ?? (t.recipe.trigger.kind === 'manual' ? t.recipe.trigger.sample : undefined));
    expect(job.status).toBe('succeeded');
    expect(e.chat.messages.map((m) => [m.channel, m.text])).toContainEqual([channel, expect.stringContaining(text)]);
  });

  it('webhook → table and document extraction write rows to their tables', async () => {
    const hook = byId('webhook-to-table');
    const e = engine(hook);
    await e.setUp();
    await runToEnd(e, hook.recipe, samplesFor(hook.recipe.trigger)[0][1]);
    const [table] = await e.ops.list();
    expect((await e.ops.rows(table.id)).map((r) => r.values)).toEqual([{ name: 'Ana Souza', email: 'ana@customer.example', amount: 120, received: expect.any(String) }]);

    const doc = byId('document-extraction');
    const d = engine(doc);
    await d.setUp();
    await runToEnd(d, doc.recipe, samplesFor(doc.recipe.trigger)[0][1]);
    const [extracted] = await d.ops.list();
    expect((await d.ops.rows(extracted.id)).map((r) => r.values)).toEqual([
      { file: 'GX-44871.txt', number: 'GX-44871', date: '2026-01-14', due: '2026-02-13', currency: 'EUR', total: 1230 }
    ]);
  });
});
