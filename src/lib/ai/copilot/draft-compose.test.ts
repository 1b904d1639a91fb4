/**
 * Basic mode composes: every clause of a request becomes a step or a stated assumption; clauses no rule reads
 * are grounded in the catalogue search; thresholds, named channels and asked-for message texts are kept; an
 * unsure part lowers the confidence and asks one question, in the request's language.
 */
import { describe, expect, it } from 'vitest';
import type { ActionStep, IfStep, Step } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';
import { draftBasic } from './draft-basic';
import { NAMES_CATALOG } from './names-catalog';
import { recipeShape } from './shape';

const draft = (words: string) => draftBasic(words, NAMES_CATALOG, []);
const steps = (words: string) => [...allSteps(draft(words).recipe.steps)];
const action = (list: Step[], name: string) => list.find((s): s is ActionStep => s.kind === 'action' && s.action === name);

describe('a clause no rule reads is grounded in the catalogue', () => {
  it('"update the vendor" becomes vendors.update on the event\'s vendor, marked less sure, with a question', () => {
    const result = draft('Whenever a vendor is added to the ERP, look up their country in the tax-rates table and update the vendor with that rate');
    const update = action([...allSteps(result.recipe.steps)], 'vendors.update');
    expect(update).toMatchObject({ connector: 'sandbox.erp', input: { id: '{{ trigger.id }}' } });
    expect(result.stepConfidence?.[update!.id]).toBeLessThan(0.9);
    expect(result.question).toMatch(/update the vendor with that rate.*Update a vendor/);
  });

  it('"record the decision" after an approval decides the leave with the approval\'s answer', () => {
    const list = steps('When a leave request comes in, ask the manager to approve it, then record the decision on the request');
    expect(action(list, 'leave.decide')?.input).toMatchObject({ id: '{{ trigger.id }}', decision: "{{ steps.approve.choice = 'approve' ? 'approved' : 'rejected' }}" });
  });

  it('a Korean clause grounds too, and the question is in Korean', () => {
    const result = draft('새 거래처가 등록되면 거래처 정보를 고치고 #구매 채널에 알려줘');
    expect(recipeShape(result.recipe).actions).toEqual(['chat:post', 'sandbox.erp:vendors.update']);
    expect(result.question).toMatch(/거래처 고치기.*맞나요\?/);
  });

  it('a clause nothing matches is said as left out and asked about, never dropped in silence', () => {
    const result = draft('When a new order comes in, translate the customer note into French and tell #sales');
    expect(result.assumptions.join('\n')).toMatch(/could not match "translate the customer note into French"/);
    expect(result.question).toMatch(/What should "translate the customer note into French" do\?/);
    expect(result.confidence).toBeLessThanOrEqual(0.4);
  });

  it('a request fully read by the rules asks nothing and is about 0.9 sure', () => {
    const result = draft('When a new vendor is created, tell #finance');
    expect(result.question).toBeUndefined();
    expect(result.confidence).toBe(0.9);
  });
});

describe('thresholds, approvals, channels and message texts are kept', () => {
  it.each([
    ['ERP에 새 송장이 등록되면 금액이 100만원이 넘을 때 팀장 승인을 받고 채팅으로 알려줘', '{{ trigger.total > 1000000 }}'],
    ['When a new invoice is created in the ERP and its total is over $5,000, tell #finance', '{{ trigger.total > 5000 }}'],
    ['When a leave request comes in, if they asked for more than 5 days tell #hr', '{{ ($toMillis(trigger.end) - $toMillis(trigger.start)) / 86400000 + 1 > 5 }}']
  ])('%s → %s', (words, condition) => {
    expect(steps(words).find((s): s is IfStep => s.kind === 'if')?.condition).toBe(condition);
  });

  it('a compared value nothing gives is kept on a guessed field and asked about', () => {
    const result = draft('Every morning, if the balance is under 1000 tell #finance');
    expect([...allSteps(result.recipe.steps)].find((s) => s.kind === 'if')).toMatchObject({ condition: '{{ trigger.total < 1000 }}' });
    expect(result.question).toMatch(/Which value should .* compare\? I guessed \{\{ trigger\.total \}\}/);
  });

  it.each([
    'When a new invoice is created, ask the finance lead to approve it, then mark it as approved',
    'When a leave request comes in, send it to their manager for approval, then tell #hr',
    'Refund an order I type in, but only after the ops manager approves it'
  ])('an approval said as "%s" is a step', (words) => {
    expect(recipeShape(draft(words).recipe).control).toContain('approval');
  });

  it('"only after X approves" puts the approval before the step it guards', () => {
    const list = draft('Refund an order I type in, but only after the ops manager approves it').recipe.steps;
    expect(list[0]).toMatchObject({ kind: 'approval', assignee: 'ops' });
    expect((list[1] as IfStep).then[0]).toMatchObject({ action: 'refunds.create' });
  });

  it('a Hangul channel name is the channel, and the message says what was asked', () => {
    const post = action(steps('휴가 신청이 들어오면 직원 정보를 조회해서 #인사 채널에 이름과 휴가 기간을 올려줘'), 'post');
    expect(post?.input).toMatchObject({ channel: '인사', text: expect.stringMatching(/^이름과 휴가 기간: /) });
  });

  it('a message carries what was asked, with the value that says it, not a generic "Update"', () => {
    const post = action(steps("When a new order comes in, check the stock of its SKU; if it's out of stock, post the order number to #warehouse on Slack"), 'post');
    expect(post?.input).toEqual({ channel: '#warehouse', text: 'Order number: order {{ trigger.id }}' });
    expect(JSON.stringify(draft('When a new vendor is created, tell #finance').recipe)).not.toMatch(/Update/);
  });

  it('"out of stock" is a condition on the stock just checked', () => {
    const check = steps("When a new order comes in, check the stock of its SKU; if it's out of stock, tell #ops").find((s) => s.kind === 'if');
    expect(check).toMatchObject({ condition: '{{ steps.check_stock.on_hand <= 0 }}' });
  });
});

describe('schedules said in words', () => {
  it.each([
    ['On the 25th of every month, tell #hr', '0 9 25 * *'],
    ['매달 1일에 채팅으로 알려줘', '0 9 1 * *'],
    ['At the end of each month, tell #finance', '0 17 28 * *']
  ])('%s → cron %s', (words, cron) => {
    expect(draft(words).recipe.trigger).toEqual({ kind: 'schedule', cron });
  });
});

describe('what starts it and how a failure is retried', () => {
  it('an event no trigger rule words is found in the catalogue, its condition kept, and asked about', () => {
    const result = draft('If a customer places an order worth more than 300 dollars, notify #sales');
    expect(result.recipe.trigger).toEqual({ kind: 'event', connector: 'sandbox.orders', event: 'order.created' });
    expect(recipeShape(result.recipe).control).toEqual(['if']);
    expect(result.question).toMatch(/as the event "An order was placed"/);
  });

  it.each([
    ['Every hour, call https://api.example.com/rates; if the call fails, retry it 3 times and then post the error to #finance', 4],
    ['매시간 https://hr.example.com/api 를 호출하고, 실패하면 3번 다시 시도한 뒤 #인사 채널에 오류를 알려줘', 4]
  ])('"%s" retries the call (%i tries in all) inside the try', (words, attempts) => {
    const call = action(steps(words), 'request');
    expect(call?.retry).toMatchObject({ attempts, backoff: 'exponential' });
    expect(recipeShape(draft(words).recipe).control).toEqual(['try']);
  });
});

describe('more ways of saying the same parts', () => {
  it('a threshold said after the trigger still guards the message said before it', () => {
    expect(recipeShape(draft('Notify #finance whenever an invoice gets created with a total above 2,500').recipe).control).toEqual(['if']);
  });

  it('"for each one" loops over the list said before it', () => {
    const list = draft('Get every open invoice and, for each one, email its vendor a reminder').recipe.steps;
    expect(list.map((s) => s.kind)).toEqual(['action', 'foreach']);
    expect(list[1]).toMatchObject({ as: 'invoice', items: '{{ steps.list_invoices.invoices }}' });
  });

  it.each([
    ["Whenever there's a new order, record it in the sales table", 'order.created'],
    ['For every new vendor, check the blocked-vendors table and alert #compliance', 'vendor.created'],
    ['When a customer writes in, tell #support', 'mail.received']
  ])('"%s" starts on %s', (words, eventName) => {
    expect(draft(words).recipe.trigger).toMatchObject({ kind: 'event', event: eventName });
  });

  it('"loop in HR for approval" asks HR', () => {
    expect([...allSteps(draft('When leave is requested, loop in HR for approval, then tell #hr').recipe.steps)].find((s) => s.kind === 'approval')).toMatchObject({ assignee: 'hr' });
  });
});
