import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_MARGIN, MATCH_THRESHOLD, scoreSkills, type SkillCandidate } from './match';

// Skills shaped like the sandbox apps' templates (ERP, HR, orders, stock), each with a few examples.
const SKILLS: SkillCandidate[] = [
  {
    id: 'register-vendor', name: 'Register vendor', description: 'Creates a new vendor in the ERP.',
    fields: [{ name: 'name', type: 'text' }, { name: 'country', type: 'text' }, { name: 'address', type: 'text' }],
    examples: ['register a vendor', 'add a new supplier', '업체 등록해줘']
  },
  {
    id: 'vendor-invoices', name: 'Vendor invoices', description: "Lists a vendor's open invoices.",
    fields: [{ name: 'vendor', type: 'text' }], examples: ['what does Acme owe us', '미결제 송장 보여줘']
  },
  {
    id: 'show-payslip', name: 'Show my pay slip', description: 'Shows the pay slip of the person asking for a month.',
    fields: [{ name: 'month', type: 'text', description: 'YYYY-MM' }], examples: ['show my payslip', '내 급여명세서 보여줘']
  },
  {
    id: 'request-leave', name: 'Request leave', description: 'Asks for days off (vacation or sick leave).',
    fields: [{ name: 'start', type: 'date' }, { name: 'end', type: 'date' }, { name: 'reason', type: 'text' }],
    examples: ['I want to take a vacation', '휴가 신청하고 싶어요']
  },
  {
    id: 'refund-order', name: 'Refund an order', description: 'Refunds items of a customer order.',
    fields: [{ name: 'order_id', type: 'text' }, { name: 'items', type: 'list' }], examples: ['refund order ORD-1003', '주문 환불해줘']
  },
  {
    id: 'check-stock', name: 'Check stock', description: 'How many of a product are on hand.',
    fields: [{ name: 'sku', type: 'text' }], examples: ['how many mugs do we have', '재고 확인해줘']
  },
  {
    id: 'track-order', name: 'Track an order', description: 'Where an order is: its shipping status.',
    fields: [{ name: 'order_id', type: 'text' }], examples: ['where is my order', '배송 조회']
  }
];

function choose(text: string): string {
  const [a, b] = scoreSkills(text, SKILLS);
  if (a.score < MATCH_THRESHOLD) return 'none';
  if (b && a.score - b.score < AMBIGUOUS_MARGIN) return `ambiguous:${[a.id, b.id].sort().join('|')}`;
  return a.id;
}

const cases: Array<[string, string]> = [
  ['register a vendor', 'register-vendor'],
  ['Register Acme Ltd at 12 Main St', 'register-vendor'],
  ['I need to add a supplier', 'register-vendor'],
  ['new vendor registration please', 'register-vendor'],
  ['onboard a new supplier called Globex', 'register-vendor'],
  ['업체 등록해줘', 'register-vendor'],
  ['거래처를 등록하고 싶어요', 'register-vendor'],
  ['새 공급업체 추가해 주세요', 'register-vendor'],
  ['show the unpaid invoices of Globex', 'vendor-invoices'],
  ['how much do we owe Initech', 'vendor-invoices'],
  ['미결제 청구서 알려줘', 'vendor-invoices'],
  ['show my payslip', 'show-payslip'],
  ['can I see my salary for January', 'show-payslip'],
  ['pay slip for 2026-01', 'show-payslip'],
  ['월급 명세서 보여줘', 'show-payslip'],
  ['1월 급여 보여 주세요', 'show-payslip'],
  ['I would like some time off next week', 'request-leave'],
  ['book a holiday from 2026-03-02 to 2026-03-04', 'request-leave'],
  ['연차 쓰고 싶어요', 'request-leave'],
  ['다음 주에 휴가 신청해 주세요', 'request-leave'],
  ['refund order ord-1003', 'refund-order'],
  ['I want my money back for ord-1002', 'refund-order'],
  ['주문 ORD-1003 환불해줘', 'refund-order'],
  ['반품하고 환불받고 싶어요', 'refund-order'],
  ['how many MUG-CER-01 are in stock', 'check-stock'],
  ['check the inventory of TEE-ORG-M', 'check-stock'],
  ['재고 알려줘', 'check-stock'],
  ['where is my parcel', 'track-order'],
  ['track the delivery of ord-1005', 'track-order'],
  ['배송 어디까지 왔어요?', 'track-order'],
  ['what is the weather today', 'none'],
  ['hello', 'none'],
  ['tell me a joke', 'none'],
  ['오늘 날씨 어때', 'none'],
  ['buy a car', 'none'],
  ['my order', 'ambiguous:refund-order|track-order'],
  ['주문', 'ambiguous:refund-order|track-order']
];

// The corpus's ERP agent: names and codes beside generic words still pick the one skill that has them.
const ERP: SkillCandidate[] = [
  { id: 'register-vendor', name: 'Register a vendor', description: 'Adds a new vendor (supplier) to the ERP.', fields: [{ name: 'name', type: 'text' }, { name: 'country', type: 'text' }],
    examples: ['register a vendor', 'add a new supplier', '업체 등록해줘', '거래처 추가'] },
  { id: 'find-vendor', name: 'Look up a vendor', description: 'Finds vendors in the ERP by name, tax id or email.', fields: [{ name: 'query', type: 'text' }],
    examples: ['look up a vendor', 'find supplier Acme', '업체 찾아줘', '거래처 조회'] },
  { id: 'pay-invoice', name: 'Pay an invoice', description: 'Marks an open invoice as paid after finance approves it.', fields: [{ name: 'invoice_id', type: 'text' }],
    examples: ['pay invoice inv-003', 'pay an invoice', '송장 결제해줘', '인보이스 지급'] }
];
const erp: Array<[string, string]> = [
  ['look up Globex', 'find-vendor'],
  ['find Initech Software', 'find-vendor'],
  ['search for Hanbit', 'find-vendor'],
  ['pay inv-004', 'pay-invoice'],
  ['tell me a joke', 'none'],
  ['show me a movie', 'none'],
  ['등록', 'register-vendor'],
  ['거래처 Globex 찾아줘', 'find-vendor'],
  ['인보이스 inv-002 결제', 'pay-invoice']
];

describe('scoreSkills on the ERP agent', () => {
  it.each(erp)('%j → %s', (text, expected) => {
    const [a, b] = scoreSkills(text, ERP);
    const got = a.score < MATCH_THRESHOLD ? 'none' : b && a.score - b.score < AMBIGUOUS_MARGIN ? 'ambiguous' : a.id;
    expect(got).toBe(expected);
  });
});

describe('scoreSkills', () => {
  it.each(cases)('%j → %s', (text, expected) => expect(choose(text)).toBe(expected));

  it('scores lie in [0, 1], best first, one per candidate', () => {
    const scores = scoreSkills('register a vendor', SKILLS);
    expect(scores).toHaveLength(SKILLS.length);
    expect(scores.every((s) => s.score >= 0 && s.score <= 1)).toBe(true);
    expect(scores.map((s) => s.score)).toEqual([...scores.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('no candidates, no scores', () => expect(scoreSkills('register a vendor', [])).toEqual([]));
});
