/**
 * Families of wordings a chat box brings that the older rules missed (issue 14, the seventh request set):
 * each family is shown with sentences written for this test, none taken from a request set.
 */
import { describe, expect, it } from 'vitest';
import type { IfStep, Step } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';
import { draftBasic, DraftRefused } from './draft-basic';
import { NAMES_CATALOG } from './names-catalog';
import { recipeShape } from './shape';

const draft = (words: string, catalog = NAMES_CATALOG) => draftBasic(words, catalog, []);
const shape = (words: string) => recipeShape(draft(words).recipe);
const actionsIn = (steps: Step[] | undefined) => [...allSteps(steps ?? [])].flatMap((s) => (s.kind === 'action' ? [`${s.connector}:${s.action}`] : []));
const isPost = (s: Step): s is Extract<Step, { kind: 'action' }> & { input: { channel: string } } => s.kind === 'action' && s.action === 'post';
const gateOf = (steps: Step[]) => [...allSteps(steps)].find((s): s is IfStep => s.kind === 'if' && s.condition.includes('.choice'));

describe('a trigger said alone is drafted, not refused', () => {
  it.each([
    ['once a leave request comes in', 'leave.requested'],
    ['새 거래처가 등록되면', 'vendor.created']
  ])('%j gives the trigger and a chat post marked as the part to change', (words, event) => {
    const result = draft(words);
    expect(result.recipe.trigger).toMatchObject({ kind: 'event', event });
    expect(actionsIn(result.recipe.steps)).toEqual(['chat:post']);
    expect(result.confidence).toBeLessThanOrEqual(0.4);
    expect(result.question).toBeTruthy();
  });

  it('asks its question in the request\'s language', () => {
    expect(draft('매일 저녁 6시에').question).toMatch(/무엇을 할까요/);
    expect(draft('every evening at 7pm').question).toMatch(/^What should it do on the schedule/);
  });

  it('a condition said with the trigger keeps the step inside it', () => {
    const result = draft('whenever an invoice over $12k is created');
    expect(recipeShape(result.recipe)).toMatchObject({ actions: ['chat:post'], control: ['if'] });
  });

  it('is still refused where the workspace has no chat to post to', () => {
    expect(() => draft('every evening at 7pm', NAMES_CATALOG.filter((e) => e.connector !== 'chat'))).toThrow(DraftRefused);
  });
});

describe("an approval's answer is its own branch", () => {
  it('"if it\'s declined …, otherwise …" puts the first on the rejected side, the second on the approved', () => {
    const { recipe } = draft('When a new invoice is created ask the finance lead to approve it, if it is declined post it to #ap, otherwise mark it as paid');
    const gate = gateOf(recipe.steps)!;
    expect(actionsIn(gate.then)).toEqual(['sandbox.erp:invoices.set_status']);
    expect(actionsIn(gate.else)).toEqual(['chat:post']);
  });

  it('Korean "거절되면 …, 승인되면 …" switches back to the approved side', () => {
    const { recipe } = draft('새 송장이 등록되면 재무팀 승인을 받고, 거절되면 #회계 채널에 알려 주시고 승인되면 송장 상태를 지급으로 바꿔 주세요');
    const gate = gateOf(recipe.steps)!;
    expect(actionsIn(gate.then)).toEqual(['sandbox.erp:invoices.set_status']);
    expect(actionsIn(gate.else)).toEqual(['chat:post']);
  });

  it('an answer with no approval said before asks for one', () => {
    const { recipe } = draft('when a leave request comes in, if the manager rejects it email the employee');
    expect(recipeShape(recipe).control).toEqual(['approval', 'if']);
    expect(actionsIn(gateOf(recipe.steps)!.else)).toEqual(['sandbox.mail:messages.send']);
  });

  it('"either way" goes on after both answers; a rejected side\'s message says so', () => {
    const { recipe } = draft('when an order is placed get the sales lead to approve it; if they decline it email the customer, and in any case post the order number to #sales');
    const gate = gateOf(recipe.steps)!;
    expect(actionsIn(gate.else)).toEqual(['sandbox.mail:messages.send']);
    expect(JSON.stringify(gate.else)).toMatch(/"subject":"Not approved"/);
    expect(actionsIn(recipe.steps.filter((s) => s.kind === 'action'))).toEqual(['chat:post']);
  });

  it('a clause that only says an approval is needed is not left out as unmatched', () => {
    const result = draft('big refunds need the boss\'s ok, so when an order comes in ask them to approve it, then refund it');
    expect(result.assumptions.join(' ')).not.toMatch(/could not match/);
  });

  it('"ask them to approve" is the team named before, not "them"', () => {
    const { recipe } = draft('refunds need the support team first: when an order comes in, ask them to approve it, then refund it');
    expect([...allSteps(recipe.steps)].find((s) => s.kind === 'approval')).toMatchObject({ assignee: 'support' });
  });
});

describe('triggers said the way a chat box says them', () => {
  it.each([
    ['whenever something lands in the support inbox, tell #support', { kind: 'event', event: 'mail.received' }],
    ['when a client emails the orders mailbox, post the subject to #sales', { kind: 'event', event: 'mail.received' }],
    ['메일함에 새 메일이 오면 채팅으로 알려 주세요', { kind: 'event', event: 'mail.received' }],
    ['when I drop a receipt in, read it and post the total to #expenses', { kind: 'document' }],
    ['when a colleague uploads a scanned bill, extract it and tell #ap', { kind: 'document' }],
    ['new order -> tell #warehouse', { kind: 'event', event: 'order.created' }],
    ['new invoice → post the total to #finance', { kind: 'event', event: 'invoice.created' }]
  ])('%j', (words, trigger) => {
    expect(draft(words).recipe.trigger).toMatchObject(trigger);
  });

  it('"when X comes in via the webhook" is the webhook\'s words, not a clause left out', () => {
    const result = draft('when a ticket arrives via the webhook, post it to #support');
    expect(result.recipe.trigger.kind).toBe('webhook');
    expect(result.assumptions.join(' ')).not.toMatch(/could not match/);
  });
});

describe('steps and messages', () => {
  it.each([
    ['when a vendor is created send them a quick thank-you email', 'Thank-you email'],
    ['when a vendor is created, email them a welcome letter', 'Welcome letter'],
    ['거래처가 등록되면 안내 메일을 보내 주세요', '안내 메일']
  ])('a mail says what it is: %j', (words, subject) => {
    const mail = [...allSteps(draft(words).recipe.steps)].find((s) => s.kind === 'action' && s.action === 'messages.send');
    expect(mail).toMatchObject({ input: { subject } });
  });

  it('"tell the employee by email" names who, not the subject', () => {
    const mail = [...allSteps(draft('when a leave request comes in tell the employee by email').recipe.steps)].find((s) => s.kind === 'action');
    expect(mail).toMatchObject({ action: 'messages.send', input: { subject: 'Update from Sous' } });
  });

  it('"mail it to them" carries what the step before gave', () => {
    const mail = [...allSteps(draft('every month get each employee\'s pay slip and mail it to them').recipe.steps)].find((s) => s.kind === 'action' && s.action === 'messages.send');
    expect(JSON.stringify(mail)).toMatch(/steps\.get_pay_slip/);
  });

  it('"mail it/them" is a mail', () => {
    expect(shape('every Friday list the open invoices and mail them to ap@example.com').actions).toContain('sandbox.mail:messages.send');
  });

  it('a message with a long content to a #channel is a post that carries it', () => {
    const { recipe } = draft('when an order is placed post the customer email, the order number and the total to #sales');
    const post = [...allSteps(recipe.steps)].find((s) => s.kind === 'action' && s.action === 'post');
    expect(post).toMatchObject({ input: { channel: 'sales' } });
    expect(JSON.stringify(post)).toMatch(/trigger\.id/);
  });

  it('"a summary of them" in a message is summarised first; "post a summary to #x" is the message itself', () => {
    const { recipe } = draft('every evening list the open orders and post a short summary of them to #ops');
    expect(actionsIn(recipe.steps)).toEqual(['sandbox.orders:orders.list', 'ai:summarize', 'chat:post']);
    expect(JSON.stringify(recipe.steps)).toMatch(/"text":"[^"]*steps\.summarize\.summary/);
    expect(shape('every evening list the open orders and post a summary to #ops').actions).not.toContain('ai:summarize');
  });

  it.each([
    ['주문이 들어오면 주문 기록 표에 행을 하나 추가해 주세요', 'tables:add'],
    ['거래처가 등록되면 국가 코드 표를 조회하고 채팅으로 알려 주세요', 'tables:lookup']
  ])('Korean table words: %j', (words, action) => {
    expect(shape(words).actions).toContain(action);
  });

  it('"the inventory report" is the stock list', () => {
    expect(shape('every Monday pull the inventory report and post it to #ops').actions).toEqual(['chat:post', 'sandbox.orders:stock.list']);
  });

  it('"raise a purchase order" creates one; listing them is a list; the noun in a trigger is neither', () => {
    expect(shape('when a vendor is created, raise a purchase order for them').actions).toEqual(['sandbox.erp:purchase_orders.create']);
    expect(shape('every Monday list the purchase orders and post them to #purchasing').actions).toContain('sandbox.erp:purchase_orders.list');
    expect(shape('when a purchase order request comes in via the webhook, tell #purchasing').actions).toEqual(['chat:post']);
  });

  it('"record the outcome" after an approval decides the leave with its answer', () => {
    const { recipe } = draft("when a leave request comes in get the manager's approval and record the outcome on the request");
    const decide = [...allSteps(recipe.steps)].find((s) => s.kind === 'action' && s.action === 'leave.decide');
    expect(JSON.stringify(decide)).toMatch(/steps\.approve\.choice/);
  });
});

describe('conditions and loops', () => {
  it.each([
    ['every day at 5pm list the stock and if anything drops below 15% post it to #ops', '<', 15],
    ['매일 아침 재고 목록을 가져와서 재고가 5개보다 적으면 채팅으로 알려 주세요', '<', 5],
    ['새 송장이 등록되면 할인율이 20% 이상이면 슬랙에 알려 주세요', '>=', 20]
  ])('%j compares with a percent or a unit', (words, op, amount) => {
    const cond = [...allSteps(draft(words).recipe.steps)].find((s): s is IfStep => s.kind === 'if');
    expect(cond?.condition).toMatch(new RegExp(`${op} ${amount} }}$`));
  });

  it('"only when it\'s a X" after a classify is a branch on the label', () => {
    const { recipe } = draft("when a mail comes in, classify it as complaint or question, and only when it's a complaint forward it to #support");
    const cond = [...allSteps(recipe.steps)].find((s): s is IfStep => s.kind === 'if');
    expect(cond?.condition).toMatch(/= 'complaint'/);
    expect(actionsIn(cond?.then)).toEqual(['chat:post']);
  });

  it.each([
    'classify each incoming mail when a mail comes in, and if it is a refund post it to #cs',
    '메일이 오면 문의를 분류해서 환불이면 #cs 채널에 알려 주세요'
  ])('a refund said as a label is a branch, not a refund: %j', (words) => {
    expect(shape(words)).toMatchObject({ actions: ['ai:classify', 'chat:post'], control: ['if'] });
  });

  it.each(['when an order comes in, for each product check the stock', '주문이 들어오면 상품마다 재고를 확인해 주세요'])(
    "an order's products are its lines: %j",
    (words) => {
      const { recipe } = draft(words);
      expect(recipeShape(recipe).actions).toEqual(['sandbox.orders:stock.get']);
      expect([...allSteps(recipe.steps)].find((s) => s.kind === 'foreach')).toMatchObject({ items: '{{ trigger.lines }}' });
    }
  );
});

describe('what a lookup found, what a classify was asked, what a check names', () => {
  it.each([
    ['when a vendor is created look it up in the sanctions table and tell #legal if it is there', "$type(steps.look_up_in_sanctions) = 'object'"],
    ["when a vendor is created look it up in the preferred table and ping #ap if it isn't listed", "$not($type(steps.look_up_in_preferred) = 'object')"],
    ['거래처가 등록되면 제재 명단 표를 조회해서 없으면 채팅으로 알려 주세요', "$not($type(steps.look_up_in) = 'object')"]
  ])('%j branches on the row found', (words, condition) => {
    const { recipe } = draft(words);
    const cond = [...allSteps(recipe.steps)].find((s): s is IfStep => s.kind === 'if');
    expect(cond?.condition).toBe(`{{ ${condition} }}`);
    expect(actionsIn(cond?.then)).toEqual(['chat:post']);
  });

  it('"check whether it\'s really a X; if so" classifies into X or other and branches on X', () => {
    const { recipe } = draft('when a mail comes in have AI check whether it is actually an invoice; if so, tell #ap');
    expect([...allSteps(recipe.steps)].find((s) => s.kind === 'action' && s.action === 'classify')).toMatchObject({ input: { labels: ['invoice', 'other'] } });
    expect([...allSteps(recipe.steps)].find((s): s is IfStep => s.kind === 'if')?.condition).toMatch(/= 'invoice'/);
  });

  it('an unquoted Korean label list is the labels', () => {
    const { recipe } = draft('메일이 오면 견적, 주문, 불만 중 하나로 분류해서 채팅으로 알려 주세요');
    expect([...allSteps(recipe.steps)].find((s) => s.kind === 'action' && s.action === 'classify')).toMatchObject({ input: { labels: ['견적', '주문', '불만'] } });
  });

  it.each(['every evening check the stock and if fewer than 3 are left post it to #ops', '매일 저녁 재고를 확인해서 3개 이하면 채팅으로 알려 주세요'])(
    'a stock check on a schedule with no item named goes through every item: %j',
    (words) => {
      expect(shape(words)).toMatchObject({ actions: ['chat:post', 'sandbox.orders:stock.list'], control: ['foreach', 'if'] });
    }
  );

  it('a stock check where the trigger gives the items, or the person types one, stays one check', () => {
    expect(shape('when an order comes in check the stock of its SKU').actions).toEqual(['sandbox.orders:stock.get']);
    expect(shape('manually check the stock and post it to #ops').actions).toEqual(['chat:post', 'sandbox.orders:stock.get']);
  });

  it('recording an approval\'s answer runs for either answer; a named branch keeps it inside', () => {
    const implied = draft('when a leave request comes in, get the manager to approve it and then record the outcome on the request').recipe;
    expect(actionsIn(implied.steps.filter((s) => s.kind === 'action'))).toEqual(['sandbox.hr:leave.decide']);
    const named = draft('when a leave request comes in, get the manager to approve it, and if approved record the outcome on the request').recipe;
    expect(actionsIn(gateOf(named.steps)!.then)).toEqual(['sandbox.hr:leave.decide']);
  });
});

describe('more chat-box wordings', () => {
  it.each([
    ['when a client emails about a late delivery, post the subject to #support', { kind: 'event', event: 'mail.received' }],
    ['when a signed contract is uploaded, read it and tell #legal', { kind: 'document' }]
  ])('%j', (words, trigger) => {
    expect(draft(words).recipe.trigger).toMatchObject(trigger);
  });

  it('"ping <url>" is the request, not a chat ping', () => {
    expect(shape('every 5 minutes ping https://shop.example.com/health and tell Slack #ops if it fails').actions).toEqual(['http:request', 'slack:post']);
  });

  it.each(['주문이 들어오면 주문 채팅방에 주문 번호를 보내 주세요', 'every Friday write a recap of the open invoices for #finance'])('a post: %j', (words) => {
    expect(shape(words).actions).toContain('chat:post');
  });
});

describe('a loop said inside a step', () => {
  it('"look up each SKU in the X table" goes around the lookup', () => {
    const { recipe } = draft('when an order comes in, look up each SKU in the weights table and add it to the shipping table');
    const loop = recipe.steps.find((s) => s.kind === 'foreach');
    expect(loop).toMatchObject({ items: '{{ trigger.lines }}' });
    expect(actionsIn(loop && 'steps' in loop ? loop.steps : [])).toEqual(['tables:lookup', 'tables:add']);
  });
});

describe('amounts, summaries, labels and fetched records said another way', () => {
  it('"if an order worth more than €1,000 comes in": the comma in the number does not cut the clause, and € is a currency', () => {
    const { recipe } = draft('If an order worth more than €2,500 comes in, ask the sales lead to approve it');
    expect(recipe.trigger).toMatchObject({ kind: 'event', event: 'order.created' });
    expect([...allSteps(recipe.steps)].find((s): s is IfStep => s.kind === 'if')?.condition).toMatch(/> 2500 }}$/);
  });

  it('"summarize this week\'s orders" summarises the list fetched by those words', () => {
    const { recipe } = draft("every Thursday at 3pm summarize today's orders and post it to #sales");
    expect(actionsIn(recipe.steps)).toEqual(['sandbox.orders:orders.list', 'ai:summarize', 'chat:post']);
  });

  it('"forward the X ones" after a classify is a branch on X', () => {
    const { recipe } = draft('when a mail comes in, sort it into sales, support or spam and post the support ones to #help');
    const cond = [...allSteps(recipe.steps)].find((s): s is IfStep => s.kind === 'if');
    expect(cond?.condition).toMatch(/= 'support'/);
    expect(actionsIn(cond?.then)).toEqual(['chat:post']);
  });

  it('a record fetched by search gives its email to the mail after it, and the mail says what it is', () => {
    const mail = [...allSteps(draft('송장이 등록되면 거래처 정보를 불러와서 거래처 이메일로 결제 예정 안내 메일을 보내 주세요').recipe.steps)].find((s) => s.kind === 'action' && s.action === 'messages.send');
    expect(mail).toMatchObject({ input: { to: '{{ steps.get_vendor.email }}', subject: '결제 예정 안내 메일' } });
  });

  it('"영수증 사진을 올리면 금액을 읽어서 … 이상이면": a photo of a document, and the condition after the reading', () => {
    const { recipe } = draft('영수증 사진을 올리면 금액을 읽어서 10만원 이상이면 채팅으로 알려 주세요');
    expect(recipe.trigger.kind).toBe('document');
    expect(recipe.steps[0]).toMatchObject({ kind: 'action', action: 'extract' });
    expect(recipe.steps[1]).toMatchObject({ kind: 'if', condition: '{{ steps.extract_invoice_fields.fields.total.value >= 100000 }}' });
  });
});

describe('a start no app raises, and other English openings', () => {
  it('"whenever an order gets refunded" with no such event: Run, said, and no refund step made of it', () => {
    const result = draft('Whenever a vendor gets paid, add a row to the payouts table');
    expect(result.recipe.trigger.kind).toBe('manual');
    expect(recipeShape(result.recipe).actions).toEqual(['tables:add']);
    expect(result.assumptions.join(' ')).toMatch(/No app here raises an event for "Whenever a vendor gets paid"/);
    expect(result.confidence).toBeLessThanOrEqual(0.4);
  });

  it('"a new purchase order … for a vendor" is neither a new order nor a new vendor', () => {
    expect(draft('any time a new purchase order is raised for a supplier, tell #purchasing').recipe.trigger.kind).toBe('manual');
    expect(draft('any time a new order comes in, tell #sales').recipe.trigger).toMatchObject({ event: 'order.created' });
  });

  it.each([
    ['once a month post the open invoices to #finance', '0 9 1 * *'],
    ['once a week post the stock list to #ops', '0 9 * * 1']
  ])('%j is a schedule', (words, cron) => {
    expect(draft(words).recipe.trigger).toMatchObject({ kind: 'schedule', cron });
  });

  it('"every mail from a supplier" is the mailbox event, and does not ask for the invoice fields', () => {
    const result = draft('forward every mail from a supplier to the buyers team on Slack');
    expect(result.recipe.trigger).toMatchObject({ event: 'mail.received' });
    expect(recipeShape(result.recipe).actions).toEqual(['slack:post']);
  });

  it('"if the X at <url> times out" watches that request', () => {
    const { recipe } = draft('if the rates service at https://rates.example.com/today times out, tell #ops');
    expect(recipe.steps[0]).toMatchObject({ kind: 'try' });
    expect(actionsIn((recipe.steps[0] as Extract<Step, { kind: 'try' }>).steps)).toEqual(['http:request']);
  });

  it.each([
    ['every Monday thank the vendors by email', 'sandbox.mail:messages.send'],
    ['flag it to #compliance when a vendor is created', 'chat:post']
  ])('a verb family: %j', (words, action) => {
    expect(shape(words).actions).toEqual([action]);
  });
});

describe('openings, digests, counts and written text', () => {
  it('"I\'d like new leave requests to go to the manager for approval": the event, after a polite lead', () => {
    expect(draft("I'd like new orders to go to the sales lead for approval, and when approved tell #sales").recipe.trigger).toMatchObject({ event: 'order.created' });
  });

  it('"for every invoice over $10k that comes into the ERP" is the invoice event with a condition, not a loop', () => {
    const shaped = shape('for every invoice over $20,000 that comes into the ERP, create a row in the large-invoices table');
    expect(shaped).toMatchObject({ trigger: { kind: 'event', event: 'invoice.created' }, actions: ['tables:add'], control: ['if'] });
  });

  it('"a daily 8am digest of pending leave requests": 8 o\'clock, the list, its summary, then the post', () => {
    const { recipe } = draft('post a daily 7am digest of pending leave requests to the HR channel');
    expect(recipe.trigger).toMatchObject({ cron: '0 7 * * *' });
    expect(actionsIn(recipe.steps)).toEqual(['sandbox.hr:leave.list', 'ai:summarize', 'chat:post']);
  });

  it('"with more than 5 items" counts the lines', () => {
    const cond = [...allSteps(draft('when an order is created with more than 3 items, tell #warehouse').recipe.steps)].find((s): s is IfStep => s.kind === 'if');
    expect(cond?.condition).toBe('{{ $count(trigger.lines) > 3 }}');
  });

  it('"have AI write a note and email it" writes it and mails that text; "have AI write a summary" summarises', () => {
    const { recipe } = draft('when a vendor is created have AI write a short welcome message and email it to them');
    expect(actionsIn(recipe.steps)).toEqual(['ai:generate', 'sandbox.mail:messages.send']);
    expect(JSON.stringify(recipe.steps)).toMatch(/"body":"\{\{ steps\.write_text\.text \}\}"/);
    expect(shape('every Friday have AI write a summary of the open invoices and post it to #finance').actions).not.toContain('ai:generate');
  });
});

describe('times with minutes, values, and mid-sentence starts', () => {
  it.each([
    ['On weekdays at 4:15pm, tell #ops', '15 16 * * 1-5'],
    ['every day at 8:30am tell #ops', '30 8 * * *'],
    ['매일 오후 3시 45분에 채팅으로 알려 주세요', '45 15 * * *'],
    ['매주 금요일 오전 10시 반에 채팅으로 알려 주세요', '30 10 * * 5']
  ])('%j keeps its minutes', (words, cron) => {
    expect(draft(words).recipe.trigger).toMatchObject({ kind: 'schedule', cron });
  });

  it('"add the customer\'s email to the X table": a value, not a clause left out', () => {
    expect(draft("when an order is placed, add the buyer's email to the newsletter table").assumptions.join(' ')).not.toMatch(/could not match/);
  });

  it('"export all orders to the X table" fetches them first', () => {
    expect(actionsIn(draft('every evening export all orders to the archive table').recipe.steps)).toEqual(['sandbox.orders:orders.list', 'tables:add']);
  });

  it('"if a mail has an invoice attached … let the AP team know on Slack": the mailbox, one Slack post to #ap', () => {
    const { recipe } = draft('if a mail comes with a receipt, read it and let the expenses team know on Slack');
    expect(recipe.trigger).toMatchObject({ event: 'mail.received' });
    expect([...allSteps(recipe.steps)].filter((s) => s.kind === 'action' && s.action === 'post')).toMatchObject([{ connector: 'slack', input: { channel: '#expenses' } }]);
  });

  it('"new hires come in through our ATS webhook" is the webhook', () => {
    expect(draft('new hires come in through our ATS webhook; say hi in #general').recipe.trigger.kind).toBe('webhook');
  });

  it('"ping #ops whenever stock hits zero" with no such event says so, and the message is no "channel"', () => {
    const result = draft('please ping the #ops channel whenever a pay slip is opened');
    expect(result.assumptions.join(' ')).toMatch(/No app here raises an event for "whenever a pay slip is opened"/);
    expect(JSON.stringify(result.recipe.steps)).not.toMatch(/"text":"Channel/);
  });
});

describe('Korean number words, nights, lists and starts', () => {
  it.each([
    ['천만원', 10_000_000],
    ['3백만원', 3_000_000],
    ['십만원', 100_000],
    ['1억 5천만', 150_000_000]
  ])('%j is %d', async (text, value) => {
    const { parseAmount } = await import('./words');
    expect(parseAmount(text)).toBe(value);
  });

  it('"금액이 백만원 이상이면" compares with a number word alone', () => {
    const cond = [...allSteps(draft('새 송장이 등록되면 금액이 백만원 이상이면 채팅으로 알려 주세요').recipe.steps)].find((s): s is IfStep => s.kind === 'if');
    expect(cond?.condition).toBe('{{ trigger.total >= 1000000 }}');
  });

  it('"매일 밤 12시" is midnight', () => {
    expect(draft('매일 밤 12시에 채팅으로 알려 주세요').recipe.trigger).toMatchObject({ cron: '0 0 * * *' });
  });

  it('a table named with a word ending in 고 ("재고 현황 표") keeps that word', () => {
    expect(JSON.stringify(draft('매일 저녁 재고 목록을 재고 현황 표에 저장해 주세요').recipe.steps)).toMatch(/"table":"재고 현황"/);
  });

  it('"연체된 송장을 모아서 거래처별로 …": the open invoices, and the loop goes through them', () => {
    const { recipe } = draft('매주 금요일마다 연체된 송장을 모아서 거래처별로 채팅으로 알려 주세요');
    expect(recipe.steps[0]).toMatchObject({ action: 'invoices.list', input: { status: 'open' } });
    expect(recipe.steps[1]).toMatchObject({ kind: 'foreach', as: 'invoice' });
  });

  it('"주문을 찾아서" looks the order up', () => {
    expect(shape('메일이 오면 주문을 찾아서 채팅으로 알려 주세요').actions).toContain('sandbox.orders:orders.get');
  });

  it('a Korean start no app raises is said, not made into steps', () => {
    const result = draft('신규 직원이 등록되면 인사팀에 알려 주세요');
    expect(result.assumptions.join(' ')).toMatch(/"신규 직원이 등록되면"에 해당하는 앱 이벤트가 없어/);
    expect(result.question).toMatch(/무엇으로 시작할까요/);
  });
});

describe('short parts, approvers with a team, mails by address', () => {
  it('"reserve stock": a verb nothing here knows, said of a thing the apps have, is said as left out', () => {
    expect(draft('when a new order comes in, hold the stock and tell #warehouse').assumptions.join(' ')).toMatch(/could not match "hold the stock"/);
  });

  it('"sign off" does not find a leave request; "take each new order" is the order event', () => {
    const { recipe } = draft('take each new order and if it is over 2k ask Sam in finance to sign off, then refund it');
    expect(recipe.trigger).toMatchObject({ event: 'order.created' });
    expect(recipeShape(recipe).control).toEqual(['approval', 'if']);
  });

  it('"send it to <address>" is a mail to that address', () => {
    const mail = [...allSteps(draft('every Monday list the open invoices and send them to ap@example.com').recipe.steps)].find((s) => s.kind === 'action' && s.action === 'messages.send');
    expect(mail).toMatchObject({ input: { to: 'ap@example.com' } });
  });

  it.each(['when a refund is requested by mail, tell #cs', 'when an invoice is sent in by email, read it and tell #ap'])('%j starts on the mailbox', (words) => {
    expect(draft(words).recipe.trigger).toMatchObject({ event: 'mail.received' });
  });

  it('"whenever we receive an order" is the order event', () => {
    expect(draft('whenever we receive an order, tell #sales').recipe.trigger).toMatchObject({ event: 'order.created' });
  });
});

describe('a message said twice, channels with particles, what a mail sends', () => {
  it('"post it to #sales and also tell #warehouse" is two posts', () => {
    const posts = [...allSteps(draft('when an order comes in post it to #sales and also tell #warehouse').recipe.steps)].filter(isPost);
    expect(posts.map((p) => p.input.channel)).toEqual(['sales', 'warehouse']);
  });

  it('"#cs에 올려 주시고, 팀장에게도 알려 주세요": the channel without its particle, and the manager told too', () => {
    const posts = [...allSteps(draft('메일이 오면 #cs에 올려 주시고 담당자에게도 알려 주세요').recipe.steps)].filter(isPost);
    expect(posts.map((p) => p.input.channel)).toEqual(['cs', 'manager']);
  });

  it('"send them our onboarding form by email" says what it sends', () => {
    const mail = [...allSteps(draft('when a vendor is created send them our price guide by email').recipe.steps)].find((s) => s.kind === 'action' && s.action === 'messages.send');
    expect(mail).toMatchObject({ input: { subject: 'Price guide' } });
  });
});

describe('pronouns, tables by their verb, what a message is sent', () => {
  it('"approve or reject it" grounds on the trigger\'s thing, its answer left to fill in', () => {
    const decide = [...allSteps(draft('when a leave request comes in, approve or reject it').recipe.steps)].find((s) => s.kind === 'action');
    expect(decide).toMatchObject({ action: 'leave.decide', input: { id: '{{ trigger.id }}', decision: '' } });
  });

  it('"update the X table" is the tables update on that table', () => {
    expect([...allSteps(draft('every evening update the prices table and tell #ops').recipe.steps)].find((s) => s.kind === 'action' && s.connector === 'tables')).toMatchObject({ action: 'update', input: { table: 'prices' } });
  });

  it('"send the finance team a summary of paid invoices": the paid invoices, their summary, then the post', () => {
    expect(actionsIn(draft('every Monday send the finance team a summary of paid invoices').recipe.steps)).toEqual(['sandbox.erp:invoices.list', 'ai:summarize', 'chat:post']);
  });

  it('a lookup by what an invoice knows of its vendor, and "if there are none"', () => {
    const { recipe } = draft('when an invoice is created look up its vendor in the contracts table and warn #legal if there are none');
    expect(recipe.steps[0]).toMatchObject({ action: 'lookup', input: { column: 'vendor_id', value: '{{ trigger.vendor_id }}' } });
    expect(recipe.steps[1]).toMatchObject({ kind: 'if', condition: "{{ $not($type(steps.look_up_in_contracts) = 'object') }}" });
  });

  it('"the last working day of the month" is the month\'s end', () => {
    expect(draft('on the last business day of the month, tell #payroll').recipe.trigger).toMatchObject({ cron: '0 17 28 * *' });
  });
});
