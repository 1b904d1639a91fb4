/** Basic-mode drafting: what each phrasing gives, what it refuses, and that drafts run in the real engine. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryChat } from '../../connectors/chat';
import { builtinConnectors } from '../../connectors/builtin';
import { setup } from '../../engine/test-kit';
import type { IfStep, Step } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';
import { draftBasic, DraftRefused } from './draft-basic';
import { NAMES_CATALOG } from './names-catalog';
import { recipeShape } from './shape';

const existing = [{ id: 'notify-finance', name: 'Notify finance' }];
const draft = (words: string, catalog = NAMES_CATALOG) => draftBasic(words, catalog, existing);
const find = (steps: Step[], id: string) => [...allSteps(steps)].find((s) => s.id === id);

describe('triggers', () => {
  it.each([
    ['every 15 minutes post to #ops', { kind: 'schedule', every: '15m' }],
    ['Every morning at 9, tell #finance', { kind: 'schedule', cron: '0 9 * * *' }],
    ['every day at 6pm tell #finance', { kind: 'schedule', cron: '0 18 * * *' }],
    ['every Monday tell #finance', { kind: 'schedule', cron: '0 9 * * 1' }],
    ['매일 아침 9시 채팅으로 알려줘', { kind: 'schedule', cron: '0 9 * * *' }],
    ['매주 월요일 오후 3시 채팅으로 알려줘', { kind: 'schedule', cron: '0 15 * * 1' }],
    ['30분마다 채팅으로 알려줘', { kind: 'schedule', every: '30m' }],
    ['when a new vendor is created, tell #finance', { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }],
    ['새 주문이 들어오면 채팅으로 알려줘', { kind: 'event', connector: 'sandbox.orders', event: 'order.created' }],
    ['메일이 오면 채팅으로 알려줘', { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' }],
    ['when a webhook arrives at orders/new, tell #sales', { kind: 'webhook', path: 'orders/new' }],
    ['manually tell #finance', { kind: 'manual' }],
    ['At 7am every day, tell #finance', { kind: 'schedule', cron: '0 7 * * *' }],
    ['every Friday afternoon tell #sales', { kind: 'schedule', cron: '0 14 * * 5' }],
    ['매주 금요일 오후 채팅으로 알려줘', { kind: 'schedule', cron: '0 14 * * 5' }],
    ['매일 저녁 7시 채팅으로 알려줘', { kind: 'schedule', cron: '0 19 * * *' }],
    ['each weekday at 8am tell #ops', { kind: 'schedule', cron: '0 8 * * 1-5' }],
    ['whenever an invoice is created, tell #finance', { kind: 'event', connector: 'sandbox.erp', event: 'invoice.created' }],
    ['if a supplier sends an invoice by email, tell #finance', { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' }]
  ])('%s', (words, trigger) => {
    expect(draft(words).recipe.trigger).toMatchObject(trigger);
  });

  it('a document trigger reads the invoice with extraction before the steps that need its fields', () => {
    const { recipe, assumptions } = draft('When an invoice arrives, look up the vendor');
    expect(recipe.trigger.kind).toBe('document');
    expect(recipe.steps.map((s) => s.id)).toEqual(['extract_invoice_fields', 'look_up_vendor']);
    expect(find(recipe.steps, 'look_up_vendor')).toMatchObject({ input: { query: '{{ steps.extract_invoice_fields.fields.vendor.value }}' } });
    expect(assumptions).toContain('I assumed the vendor is looked up by name.');
  });

  it('an app event is used only when the catalogue has it; else the words start nothing', () => {
    const noErp = NAMES_CATALOG.filter((c) => c.connector !== 'sandbox.erp');
    expect(() => draft('when a new vendor is created', noErp)).toThrow(/could not tell what should start this recipe; try "when/);
  });
});

describe('steps and structure', () => {
  it('"new vendors": look up, and create only when none is found; later steps read the id either way', () => {
    const { recipe } = draft('When an invoice arrives, create new vendors, then create the invoice');
    const check = recipe.steps.find((s) => s.kind === 'if') as IfStep;
    expect(check.condition).toBe('{{ $count(steps.look_up_vendor.vendors) = 0 }}');
    expect(check.then.map((s) => s.id)).toEqual(['create_vendor', 'remember_new_vendor']);
    expect(find(recipe.steps, 'create_invoice')).toMatchObject({ input: { vendor_id: '{{ vars.vendor_id }}', total: '{{ steps.extract_invoice_fields.fields.total.value }}' } });
  });

  it('a loop over line items holds the steps said after it, reading the loop variable', () => {
    const { recipe } = draft('When a new order comes in, for each line item check the stock, and if the quantity is under 5 tell #warehouse');
    const loop = recipe.steps[0];
    expect(loop).toMatchObject({ kind: 'foreach', items: '{{ trigger.lines }}', as: 'line' });
    expect(find(recipe.steps, 'check_stock')).toMatchObject({ input: { sku: '{{ line.sku }}' } });
    expect(find(recipe.steps, 'check_quantity')).toMatchObject({ condition: '{{ line.quantity < 5 }}' });
  });

  it.each([
    ['금액이 100만원 이상이면', '>= 1000000'],
    ['금액이 50만원 초과면', '> 500000'],
    ['금액이 1억 미만이면', '< 100000000'],
    ['if the total is over 500', '> 500'],
    ['if the amount is at least 2.5k', '>= 2500']
  ])('the condition "%s" compares %s', (phrase, comparison) => {
    const { recipe } = draft(`새 송장이 생성되면 ${phrase} tell #finance`);
    expect((recipe.steps[0] as IfStep).condition).toBe(`{{ trigger.total ${comparison} }}`);
  });

  it('an approval gates the steps after it, and its assignee comes from the words', () => {
    const { recipe } = draft('휴가 신청이 들어오면 인사팀에 승인을 요청하고 채팅으로 알려줘');
    expect(recipe.steps[0]).toMatchObject({ kind: 'approval', assignee: 'hr' });
    expect(recipe.steps[1]).toMatchObject({ kind: 'if', condition: "{{ steps.approve.choice = 'approve' }}", then: [{ id: 'post_to_chat' }] });
  });

  it('"otherwise" goes to the else of the condition, not of the approval gate', () => {
    const { recipe } = draft('When a new invoice is created, if the amount is over 10000 ask finance for approval, otherwise mark it as approved');
    const check = recipe.steps[0] as IfStep;
    expect(check.else?.map((s) => s.id)).toEqual(['set_invoice_status']);
    expect(check.then.map((s) => s.kind)).toEqual(['approval']);
  });

  it('"tell #ops if it fails": the call goes in a try, the message in its catch with the error', () => {
    const { recipe } = draft('Every 15 minutes call https://status.example.com/health and tell #ops if it fails');
    expect(recipe.steps[0]).toMatchObject({ kind: 'try', steps: [{ id: 'http_request' }], catch: [{ id: 'post_to_chat', input: { channel: 'ops', text: 'Failed: {{ error.message }}' } }] });
  });

  it('a bare "under 20" compares what is named just before it, and an address does not end the clause', () => {
    const { recipe } = draft('On a new order, check stock for every item and email purchasing@example.com when stock is under 20');
    expect(recipe.steps[0]).toMatchObject({ kind: 'foreach', steps: [{ id: 'check_stock' }, { kind: 'if', condition: '{{ steps.check_stock.on_hand < 20 }}', then: [{ id: 'send_mail', input: { to: 'purchasing@example.com' } }] }] });
  });

  it('says which inputs it could not fill', () => {
    const { assumptions } = draft('every morning at 9, look up the vendor and tell #finance');
    expect(assumptions).toContain('I could not tell the vendor name from the words: fill it in on the step.');
  });

  it('calls an existing recipe named in the words', () => {
    const { recipe } = draft('When an invoice arrives, extract it and run Notify finance');
    expect(find(recipe.steps, 'run_notify_finance')).toMatchObject({ kind: 'call', recipe: 'notify-finance' });
  });

  it('a manual recipe asks for the values its steps need as input fields', () => {
    const { recipe, assumptions } = draft('Refund the order and send an email to the customer');
    expect(recipe.trigger).toMatchObject({ kind: 'manual', input: [{ name: 'order_id' }, { name: 'items', type: 'list' }, { name: 'email' }] });
    expect(assumptions).toContain('I assumed you start it yourself with Run, as the words do not say what starts it.');
    expect(recipe.connections).toEqual({ orders: { connector: 'sandbox.orders', label: 'Workshop shop' }, mail: { connector: 'sandbox.mail', label: 'Workshop mailbox' } });
  });

  it('uses only what the catalogue has: Slack falls back to chat, a missing app is left out and said', () => {
    const catalog = NAMES_CATALOG.filter((c) => c.connector !== 'slack' && c.connector !== 'sandbox.orders');
    const { recipe, assumptions } = draft('When a new vendor is created, refund the order and post it on Slack', catalog);
    expect(recipeShape(recipe).actions).toEqual(['chat:post']);
    expect(assumptions.join('\n')).toMatch(/no Slack connector/);
    expect(assumptions.join('\n')).toMatch(/left out "refund": this workspace has no sandbox.orders refunds.create/);
  });

  it('a Slack channel keeps its "#", as Slack names it; a chat channel has none', () => {
    const { recipe } = draft('메일이 오면 요약해서 슬랙 #support 채널에 보내줘');
    expect(find(recipe.steps, 'post_to_slack')).toMatchObject({ connector: 'slack', input: { channel: '#support', text: '새 메일: {{ steps.summarize.summary }}' } });
    expect(find(draft('manually tell #finance').recipe.steps, 'post_to_chat')).toMatchObject({ input: { channel: 'finance' } });
  });

  it('gives a recipe id that no existing recipe has', () => {
    const first = draft('manually tell #finance').recipe;
    expect(draftBasic('manually tell #finance', NAMES_CATALOG, [{ id: first.id, name: 'x' }]).recipe.id).toBe(`${first.id}-2`);
  });
});

describe('refusals', () => {
  it.each([
    ['', 'empty'],
    ['hello there, how are you', 'no_trigger'],
    ['안녕하세요', 'no_trigger']
  ])('"%s" is refused as %s, in words', (words, code) => {
    try {
      draft(words);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DraftRefused);
      expect((err as DraftRefused).code).toBe(code);
    }
  });
});

describe('a draft runs in the real engine', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health' ? 503 : 200;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('"call … and tell #ops if it fails": a 503 ends in a chat message with the error', async () => {
    const chat = new MemoryChat();
    const { runner } = setup({ extra: builtinConnectors({ chat }).list() });
    const { recipe } = draftBasic(`every 15 minutes call ${base}/health and tell #ops if it fails`, NAMES_CATALOG, []);
    const job = await runner.start(recipe, { at: '2025-01-01T09:00:00.000Z' });
    expect(job.status).toBe('succeeded');
    expect(chat.messages).toHaveLength(1);
    expect(chat.messages[0]).toMatchObject({ channel: 'ops' });
    expect(chat.messages[0].text).toMatch(/503/);
  });

  it('"when a new vendor is created, tell #finance" posts the vendor\'s name', async () => {
    const chat = new MemoryChat();
    const { runner } = setup({ extra: builtinConnectors({ chat }).list() });
    const { recipe } = draftBasic('When a new vendor is created, tell #finance', NAMES_CATALOG, []);
    const job = await runner.start(recipe, { id: 'v1', name: 'Acme GmbH', email: 'ap@acme.example' });
    expect(job.status).toBe('succeeded');
    expect(chat.messages.map((m) => [m.channel, m.text])).toEqual([['finance', 'New vendor: vendor Acme GmbH']]);
  });
});

describe('a mail\'s sender is read as the mailbox splits it', () => {
  it.each([
    ['when a mail arrives, add the vendor if it is new, then tell #finance'],
    ['메일이 오면 신규 거래처를 등록하고 채팅으로 알려줘']
  ])('%s: looks the vendor up by from_email, never by the whole "Name <email>"', (words) => {
    const steps = draft(words).recipe.steps;
    const search = [...allSteps(steps)].find((s) => s.kind === 'action' && s.action === 'vendors.search');
    const create = [...allSteps(steps)].find((s) => s.kind === 'action' && s.action === 'vendors.create');
    expect(search).toMatchObject({ input: { query: '{{ trigger.from_email }}' } });
    // The name comes from the invoice read from the mail (the document's vendor), the email from the sender.
    expect(create).toMatchObject({ input: { name: '{{ steps.extract_invoice_fields.fields.vendor.value }}', email: '{{ trigger.from_email }}' } });
    expect(JSON.stringify(steps)).not.toMatch(/trigger\.from\b(?!_)/);
  });
});
