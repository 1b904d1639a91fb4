/**
 * Phrase families rather than sentences: each row says one family member (a "when" word, a notify verb, a
 * failure, a loop, a comparison) the rules must read the same way, and the false hits that must stay out.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';
import { draftBasic } from './draft-basic';
import { NAMES_CATALOG } from './names-catalog';
import { recipeShape } from './shape';

const shape = (words: string) => recipeShape(draftBasic(words, NAMES_CATALOG).recipe);
const steps = (words: string): Step[] => [...allSteps(draftBasic(words, NAMES_CATALOG).recipe.steps)];

describe('notify verbs all post to the channel named', () => {
  it.each(['warn #ops', 'ping #ops', 'let #ops know', 'send #ops a line', 'share it with #ops', 'forward it to #ops', 'message the ops team'])('every hour, %s', (verb) => {
    expect(shape(`every hour, ${verb}`).actions).toEqual(['chat:post']);
  });
  it.each(['운영팀에 알려줘', '운영팀에 공유해줘', '운영팀에 보내줘', '운영 채널에 전달해줘', '#ops 채널에 올려줘'])('매시간 %s', (verb) => {
    expect(shape(`매시간 ${verb}`).actions).toEqual(['chat:post']);
  });
});

describe('"when" words and passive endings', () => {
  it.each([
    ['After a supplier is registered, ping #purchasing', 'vendor.created'],
    ['As soon as a new vendor gets added, warn #finance', 'vendor.created'],
    ['Once an invoice has been entered, tell #finance', 'invoice.created'],
    ['When someone files a time-off request, ping #hr', 'leave.requested'],
    ['공급업체가 새로 추가되면 재무팀에 알려줘', 'vendor.created'],
    ['청구서가 등록되면 재무팀에 공유해줘', 'invoice.created'],
    ['연차 신청이 올라오면 인사팀에 알려줘', 'leave.requested']
  ])('%s', (words, event) => {
    expect(shape(words).trigger).toMatchObject({ kind: 'event', event });
  });
  it.each(['When a receipt gets uploaded, extract it and tell #finance the total', '영수증 파일을 업로드하면 추출해서 재무팀에 알려줘'])('%s is a document trigger', (words) => {
    expect(shape(words).trigger.kind).toBe('document');
  });
});

describe('failures, loops and comparisons', () => {
  it.each([
    'Every hour, call https://example.com/ping and ping #ops if it times out',
    'Every hour, call https://example.com/ping and warn #ops if there is no response',
    '매시간 https://example.com/ping 를 호출하고 에러가 나면 운영팀에 알려줘'
  ])('%s watches the call', (words) => {
    expect(shape(words)).toMatchObject({ actions: ['chat:post', 'http:request'], control: ['try'] });
  });
  it.each([
    ['Every Monday, loop through every employee and email them their payslip', ['sandbox.hr:employees.list', 'sandbox.hr:payslips.get', 'sandbox.mail:messages.send']],
    ['매일 모든 상품마다 재고가 5개 미만이면 물류팀에 알려줘', ['chat:post', 'sandbox.orders:stock.list']]
  ])('%s lists the things it goes through', (words, actions) => {
    expect(shape(words).actions).toEqual(actions);
    expect(shape(words).control).toContain('foreach');
  });
  it.each([
    ['fewer than 5', '<'],
    ['no more than 5', '<='],
    ['at most 5', '<='],
    ['no less than 5', '>=']
  ])('"if the quantity is %s" compares with %s', (said, op) => {
    const check = steps(`Every day, list the stock and for each SKU, warn #ops if the quantity is ${said}`).find((s) => s.kind === 'if');
    expect(check && check.kind === 'if' ? check.condition : '').toContain(` ${op} 5 `);
  });
});

describe('false hits stay out', () => {
  it('a quoted label list is labels, not steps: no refund, no invoice extraction', () => {
    const words = 'When a mail comes in, classify it as "invoice", "refund" or "spam" and tell #support';
    expect(shape(words).actions).toEqual(['ai:classify', 'chat:post']);
    const classify = steps(words).find((s) => s.kind === 'action' && s.action === 'classify');
    expect(classify && classify.kind === 'action' ? classify.input.labels : []).toEqual(['invoice', 'refund', 'spam']);
  });
  it('a quoted Korean label list is labels too', () => {
    expect(shape('메일이 오면 "환불", "송장", "기타"로 분류해서 운영팀에 알려줘').actions).toEqual(['ai:classify', 'chat:post']);
  });
  it.each(['Every hour, post to Slack #ops', 'every hour, share the count on Slack #ops channel', '매시간 슬랙 #ops 채널에 공유해줘'])('%s is only a Slack post', (words) => {
    expect(shape(words).actions).toEqual(['slack:post']);
  });
});

describe('more of each family', () => {
  it.each([
    ['Every month, list the unpaid invoices and tell #finance', 'schedule'],
    ['Weekly, summarize the orders and share it with #sales', 'schedule'],
    ['매월 미지급 송장 목록을 재무팀에 보내줘', 'schedule'],
    ['When a customer places an order, ping #sales', 'event'],
    ['When we get an email, summarize it and tell #support', 'event'],
    ['By hand, look up the vendor and tell #finance', 'manual']
  ])('%s starts on %s', (words, kind) => {
    expect(shape(words).trigger.kind).toBe(kind);
  });
  it.each([
    ['When a new order comes in, let the customer know by email', ['sandbox.mail:messages.send']],
    ['새 주문이 들어오면 고객에게 메일로 알려줘', ['sandbox.mail:messages.send']],
    ['Every hour, hit our status endpoint and warn #ops if it fails', ['chat:post', 'http:request']]
  ])('%s', (words, actions) => {
    expect(shape(words).actions).toEqual(actions);
  });
  it.each([
    'When an invoice is created, if the total is bigger than 1000, it needs sign-off from finance, then tell #finance',
    '송장이 등록되면 50만원 넘는 경우 재무팀 승인 후 재무팀에 알려줘'
  ])('%s asks for approval', (words) => {
    expect(shape(words).control).toContain('approval');
  });
  it('a bare Korean amount with its unit is a condition: "50만원 이상이면"', () => {
    expect(shape('송장이 등록되면 50만원 이상이면 재무팀에 알려줘').control).toEqual(['if']);
  });
});
