/**
 * The dialogue corpus: scripted conversations with the fixture agents (./fixtures), half in Korean, run
 * through the conversation module over the real engine and fresh sandbox apps (see corpus.test.ts and
 * bench/agents-bench.ts). Each says what the person types and what must come of it.
 */
import type { CardSchema } from '../turn';
import type { z } from 'zod';

export interface CorpusCase {
  name: string;
  lang: 'en' | 'ko';
  agent: string;
  says: string[];
  /** Who is talking (an HR employee id); default Tom Becker, emp-003. */
  user?: string;
  /** Answers of a scripted model client (it stands in for the model's weights); absent: basic mode. */
  model?: (string | object | Error)[];
  expect: {
    /** The first skill the agents take up (null: none). */
    skill: string | null;
    /** The inputs asked for, in order. */
    asks?: string[];
    cards?: z.infer<typeof CardSchema>['kind'][];
    handsTo?: string[];
    /** The job the conversation started last (null: none started). */
    job?: { recipe: string; status: string; agent?: string; handed_by?: string | null; trigger?: Record<string, unknown> } | null;
    /** Child jobs (of `call` steps) by recipe, with the agent they record. */
    children?: { recipe: string; agent: string; handed_by: string | null }[];
    /** Patterns some agent turn must match, in order. */
    says?: RegExp[];
  };
}

const vendor = { recipe: 'register-vendor', status: 'succeeded', agent: 'erp-genie' };

export const CASES: CorpusCase[] = [
  // ── English ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'register a vendor, slot by slot',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'Acme Ltd', 'DE', 'yes'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: 'Acme Ltd', country: 'DE' } }, says: [/Done: vendor ven-/] }
  },
  {
    name: 'add a supplier, ok at the card',
    lang: 'en',
    agent: 'erp-genie',
    says: ['add a new supplier', 'Blue Ocean Trading', 'NL', 'ok'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: 'Blue Ocean Trading', country: 'NL' } } }
  },
  {
    name: 'a correction at the card shows it again',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'Acme Ltd', 'FR', 'change the country to DE', 'yes'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm', 'confirm'], job: { ...vendor, trigger: { name: 'Acme Ltd', country: 'DE' } } }
  },
  {
    name: 'no at the card drops it',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'Acme Ltd', 'DE', 'no'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: null, says: [/won.t run "Register a vendor"/] }
  },
  {
    name: 'cancel while collecting',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'cancel'],
    expect: { skill: 'register-vendor', asks: ['name'], cards: [], job: null, says: [/Cancelled/] }
  },
  {
    name: 'cancel at the card',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'Acme Ltd', 'DE', 'cancel'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: null }
  },
  {
    name: 'a new request while collecting starts over',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'look up a vendor', 'Globex'],
    expect: { skill: 'register-vendor', asks: ['name', 'query'], cards: [], job: { recipe: 'find-vendor', status: 'succeeded', agent: 'erp-genie', trigger: { query: 'Globex' } }, says: [/Globex Logistics GmbH/] }
  },
  {
    name: 'a read skill runs without a card',
    lang: 'en',
    agent: 'erp-genie',
    says: ['find a vendor', 'Initech'],
    expect: { skill: 'find-vendor', asks: ['query'], cards: [], job: { recipe: 'find-vendor', status: 'succeeded' }, says: [/Initech Software Ltd/] }
  },
  {
    name: 'an unknown request: what the agent can do',
    lang: 'en',
    agent: 'erp-genie',
    says: ['book me a flight to Paris'],
    expect: { skill: null, job: null, says: [/can't do that.*Register a vendor/] }
  },
  {
    name: 'my pay slip, no input needed',
    lang: 'en',
    agent: 'hr-genie',
    says: ['show my pay slip'],
    expect: { skill: 'my-payslip', asks: [], cards: [], job: { recipe: 'my-payslip', status: 'succeeded', agent: 'hr-genie' }, says: [/emp-003/] }
  },
  {
    name: 'another person sees only their own pay slip',
    lang: 'en',
    agent: 'hr-genie',
    user: 'emp-008',
    says: ['what did I earn'],
    expect: { skill: 'my-payslip', job: { recipe: 'my-payslip', status: 'succeeded' }, says: [/emp-008/] }
  },
  {
    name: 'leave request with dates',
    lang: 'en',
    agent: 'hr-genie',
    says: ['request leave', 'vacation', '2026-04-01', '2026-04-03', 'yes'],
    expect: { skill: 'request-leave', asks: ['type', 'start', 'end'], cards: ['confirm'], job: { recipe: 'request-leave', status: 'succeeded', trigger: { type: 'vacation', start: '2026-04-01', end: '2026-04-03' } } }
  },
  {
    name: 'a wrong date is asked again with the reason',
    lang: 'en',
    agent: 'hr-genie',
    says: ['I want a vacation', 'whenever', '2026-05-04', '2026-05-08', 'yes'],
    expect: { skill: 'request-leave', asks: ['start', 'start', 'end'], cards: ['confirm'], job: { recipe: 'request-leave', status: 'succeeded' } }
  },
  {
    name: 'a job that fails says why',
    lang: 'en',
    agent: 'hr-genie',
    says: ['request leave', 'holiday', '2026-04-01', '2026-04-03', 'yes'],
    expect: { skill: 'request-leave', cards: ['confirm'], job: { recipe: 'request-leave', status: 'failed' }, says: [/It failed/] }
  },
  {
    name: 'refund with a list of items; the stock check runs for the stock genie',
    lang: 'en',
    agent: 'orders-genie',
    says: ['refund an order', 'ord-1001', '2 x MUG-CER-01', 'yes'],
    expect: {
      skill: 'refund-order',
      asks: ['order_id', 'items'],
      cards: ['confirm'],
      job: { recipe: 'refund-order', status: 'succeeded', agent: 'orders-genie', trigger: { order_id: 'ord-1001', items: [{ sku: 'MUG-CER-01', quantity: 2 }] } },
      children: [{ recipe: 'check-stock', agent: 'stock-genie', handed_by: 'orders-genie' }]
    }
  },
  {
    name: 'refunding more than was ordered fails plainly',
    lang: 'en',
    agent: 'orders-genie',
    says: ['the customer wants a refund', 'ord-1001', '9 x MUG-CER-01', 'yes'],
    expect: { skill: 'refund-order', cards: ['confirm'], job: { recipe: 'refund-order', status: 'failed' }, says: [/It failed/] }
  },
  {
    name: 'a quantity that is not a number is asked again',
    lang: 'en',
    agent: 'orders-genie',
    says: ['refund an order', 'ord-1004', 'some bags', '1 x BAG-CAN-01', 'yes'],
    expect: { skill: 'refund-order', asks: ['order_id', 'items', 'items'], cards: ['confirm'], job: { recipe: 'refund-order', status: 'succeeded' } }
  },
  {
    name: 'the front desk hands a stock question on',
    lang: 'en',
    agent: 'front-desk',
    says: ['how many mugs do we have', 'MUG-CER-01'],
    expect: { skill: 'check-stock', handsTo: ['stock-genie'], asks: ['sku'], job: { recipe: 'check-stock', status: 'succeeded', agent: 'stock-genie', handed_by: 'front-desk' }, says: [/Asking Stock Genie/] }
  },
  {
    name: 'the front desk hands a refund on; orders genie asks and confirms',
    lang: 'en',
    agent: 'front-desk',
    says: ['the customer wants a refund', 'ord-1004', '4 x BAG-CAN-01', 'yes'],
    expect: {
      skill: 'refund-order',
      handsTo: ['orders-genie'],
      cards: ['confirm'],
      job: { recipe: 'refund-order', status: 'succeeded', agent: 'orders-genie', handed_by: 'front-desk' },
      children: [{ recipe: 'check-stock', agent: 'stock-genie', handed_by: 'orders-genie' }]
    }
  },
  {
    name: 'the front desk cannot book flights',
    lang: 'en',
    agent: 'front-desk',
    says: ['book me a flight to Paris'],
    expect: { skill: null, handsTo: [], job: null, says: [/can't do that.*Stock Genie/] }
  },
  {
    name: 'an approval in the skill, approved in the chat',
    lang: 'en',
    agent: 'erp-genie',
    says: ['pay an invoice', 'inv-003', 'yes', 'approve'],
    expect: { skill: 'pay-invoice', asks: ['invoice_id'], cards: ['confirm', 'approval'], job: { recipe: 'pay-invoice', status: 'succeeded' }, says: [/Pay invoice INI-9921/, /Answered "approve"/] }
  },
  {
    name: 'an approval rejected in the chat',
    lang: 'en',
    agent: 'erp-genie',
    says: ['pay invoice inv-004', 'yes', 'reject'],
    expect: { skill: 'pay-invoice', cards: ['confirm', 'approval'], job: { recipe: 'pay-invoice', status: 'failed', trigger: { invoice_id: 'inv-004' } }, says: [/rejected/] }
  },
  {
    name: 'the model picks the skill with its values (scripted model client)',
    lang: 'en',
    agent: 'erp-genie',
    says: ['please put Zeta Corp from Spain in the system', 'yes'],
    model: [{ tool: 'register-vendor', arguments: { name: 'Zeta Corp', country: 'ES' } }],
    expect: { skill: 'register-vendor', asks: [], cards: ['confirm'], job: { ...vendor, trigger: { name: 'Zeta Corp', country: 'ES' } } }
  },
  {
    name: 'a model answer that fails falls back to basic mode and says so (scripted model client)',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'Acme Ltd', 'DE', 'yes'],
    model: [new Error('out of memory')],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: vendor, says: [/matched your request by its words/] }
  },
  {
    name: 'the model hands on (scripted model client)',
    lang: 'en',
    agent: 'front-desk',
    says: ['is the steel bottle available?', 'BTL-STE-75'],
    model: [{ tool: 'hand_off', arguments: { agent: 'stock-genie' } }, { tool: 'check-stock', arguments: {} }],
    expect: { skill: 'check-stock', handsTo: ['stock-genie'], asks: ['sku'], job: { recipe: 'check-stock', status: 'succeeded', agent: 'stock-genie', handed_by: 'front-desk' } }
  },

  {
    name: 'a vague request gets a choice card; the reply names one',
    lang: 'en',
    agent: 'erp-genie',
    says: ['vendor', 'Register a vendor', 'Acme Ltd', 'DE', 'yes'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['choice', 'confirm'], job: { ...vendor, trigger: { name: 'Acme Ltd', country: 'DE' } }, says: [/Do you mean/] }
  },
  {
    name: 'a correction while collecting goes on collecting',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register a vendor', 'Acme Ltd', 'change the name to Acme Limited', 'DE', 'yes'],
    expect: { skill: 'register-vendor', asks: ['name', 'country', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: 'Acme Limited', country: 'DE' } } }
  },
  {
    name: 'values already in the request, an optional one too',
    lang: 'en',
    agent: 'erp-genie',
    says: ['register Acme Ltd in DE, email billing@acme.example', 'yes'],
    expect: { skill: 'register-vendor', asks: [], cards: ['confirm'], job: { ...vendor, trigger: { name: 'Acme Ltd', country: 'DE', email: 'billing@acme.example' } } }
  },
  {
    name: 'another request while an approval waits, then the approval',
    lang: 'en',
    agent: 'erp-genie',
    says: ['pay an invoice', 'inv-003', 'yes', 'look up a vendor', 'Initech', 'approve'],
    expect: { skill: 'pay-invoice', asks: ['invoice_id', 'query'], cards: ['confirm', 'approval'], job: { recipe: 'find-vendor', status: 'succeeded' }, says: [/Initech Software Ltd/, /Answered "approve"\. Done/] }
  },

  // ── 한국어 ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: '업체 등록: 이름, 국가, 확인',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 등록해줘', '에이스상사', 'KR', '네'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: '에이스상사', country: 'KR' } }, says: [/완료했어요/] }
  },
  {
    name: '거래처 추가, 예로 실행',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['거래처 추가', '푸른바다무역', 'JP', '예'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: '푸른바다무역', country: 'JP' } } }
  },
  {
    name: '확인 카드에서 정정 ("아니, 국가는 …")',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 등록해줘', '한강물산', 'JP', '아니, 국가는 KR', '네'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm', 'confirm'], job: { ...vendor, trigger: { name: '한강물산', country: 'KR' } } }
  },
  {
    name: '확인 카드에서 아니요',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 등록해줘', '한강물산', 'KR', '아니요'],
    expect: { skill: 'register-vendor', cards: ['confirm'], job: null, says: [/실행하지 않을게요/] }
  },
  {
    name: '확인 카드에서 아니오',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['거래처 추가', '한강물산', 'KR', '아니오'],
    expect: { skill: 'register-vendor', cards: ['confirm'], job: null }
  },
  {
    name: '입력 중 취소',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 등록해줘', '취소'],
    expect: { skill: 'register-vendor', asks: ['name'], job: null, says: [/취소했어요/] }
  },
  {
    name: '입력 중 새 요청은 처음부터',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 등록해줘', '거래처 조회', 'Initech'],
    expect: { skill: 'register-vendor', asks: ['name', 'query'], job: { recipe: 'find-vendor', status: 'succeeded' } }
  },
  {
    name: '업체 조회는 확인 없이 실행',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 찾아줘', 'Globex'],
    expect: { skill: 'find-vendor', asks: ['query'], cards: [], job: { recipe: 'find-vendor', status: 'succeeded' }, says: [/완료했어요.*Globex/] }
  },
  {
    name: '할 수 없는 요청',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['비행기 표 예약해줘'],
    expect: { skill: null, job: null, says: [/할 수 없어요/] }
  },
  {
    name: '급여명세서',
    lang: 'ko',
    agent: 'hr-genie',
    says: ['급여명세서 보여줘'],
    expect: { skill: 'my-payslip', asks: [], cards: [], job: { recipe: 'my-payslip', status: 'succeeded', agent: 'hr-genie' }, says: [/완료했어요/] }
  },
  {
    name: '내 월급 (다른 직원)',
    lang: 'ko',
    agent: 'hr-genie',
    user: 'emp-006',
    says: ['내 월급 알려줘'],
    expect: { skill: 'my-payslip', job: { recipe: 'my-payslip', status: 'succeeded' }, says: [/emp-006/] }
  },
  {
    name: '휴가 신청',
    lang: 'ko',
    agent: 'hr-genie',
    says: ['휴가 신청', '2026-04-01', '2026-04-03', '네'],
    expect: { skill: 'request-leave', asks: ['start', 'end'], cards: ['confirm'], job: { recipe: 'request-leave', status: 'succeeded', trigger: { type: 'vacation', start: '2026-04-01', end: '2026-04-03' } } }
  },
  {
    name: '날짜가 아니면 이유와 함께 다시 묻기',
    lang: 'ko',
    agent: 'hr-genie',
    says: ['연차 쓰고 싶어', '언젠가', '2026-05-04', '2026-05-08', '네'],
    expect: { skill: 'request-leave', asks: ['start', 'start', 'end'], cards: ['confirm'], job: { recipe: 'request-leave', status: 'succeeded' } }
  },
  {
    name: '주문 환불 (목록 항목)',
    lang: 'ko',
    agent: 'orders-genie',
    says: ['환불해줘', 'ord-1001', 'MUG-CER-01 2개', '네'],
    expect: {
      skill: 'refund-order',
      asks: ['order_id', 'items'],
      cards: ['confirm'],
      job: { recipe: 'refund-order', status: 'succeeded', trigger: { order_id: 'ord-1001', items: [{ sku: 'MUG-CER-01', quantity: 2 }] } },
      children: [{ recipe: 'check-stock', agent: 'stock-genie', handed_by: 'orders-genie' }]
    }
  },
  {
    name: '주문 환불 실패',
    lang: 'ko',
    agent: 'orders-genie',
    says: ['주문 환불', 'ord-1001', 'MUG-CER-01 9개', '네'],
    expect: { skill: 'refund-order', cards: ['confirm'], job: { recipe: 'refund-order', status: 'failed' }, says: [/실패했어요/] }
  },
  {
    name: '안내 데스크가 재고 문의를 넘김',
    lang: 'ko',
    agent: 'front-desk',
    says: ['재고 확인해줘', 'MUG-CER-01'],
    expect: { skill: 'check-stock', handsTo: ['stock-genie'], asks: ['sku'], job: { recipe: 'check-stock', status: 'succeeded', agent: 'stock-genie', handed_by: 'front-desk' }, says: [/Stock Genie에게 물어볼게요/] }
  },
  {
    name: '안내 데스크가 환불을 넘김',
    lang: 'ko',
    agent: 'front-desk',
    says: ['주문 환불해줘', 'ord-1004', 'BAG-CAN-01 1개', '네'],
    expect: { skill: 'refund-order', handsTo: ['orders-genie'], cards: ['confirm'], job: { recipe: 'refund-order', status: 'succeeded', agent: 'orders-genie', handed_by: 'front-desk' } }
  },
  {
    name: '안내 데스크가 급여명세서를 넘김',
    lang: 'ko',
    agent: 'front-desk',
    says: ['급여명세서 보여줘'],
    expect: { skill: 'my-payslip', handsTo: ['hr-genie'], job: { recipe: 'my-payslip', status: 'succeeded', agent: 'hr-genie', handed_by: 'front-desk' } }
  },
  {
    name: '안내 데스크: 할 수 없는 요청',
    lang: 'ko',
    agent: 'front-desk',
    says: ['오늘 날씨 어때'],
    expect: { skill: null, handsTo: [], job: null, says: [/할 수 없어요/] }
  },
  {
    name: '결제 승인 (채팅에서 승인)',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['송장 결제해줘', 'inv-003', '네', '승인'],
    expect: { skill: 'pay-invoice', asks: ['invoice_id'], cards: ['confirm', 'approval'], job: { recipe: 'pay-invoice', status: 'succeeded' }, says: [/승인을 기다리고 있어요/] }
  },
  {
    name: '결제 반려',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['인보이스 지급', 'inv-004', '네', '반려'],
    expect: { skill: 'pay-invoice', cards: ['confirm', 'approval'], job: { recipe: 'pay-invoice', status: 'failed' } }
  },
  {
    name: '결제 거절',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['송장 결제해줘', 'inv-005', '예', '거절'],
    expect: { skill: 'pay-invoice', cards: ['confirm', 'approval'], job: { recipe: 'pay-invoice', status: 'failed' } }
  },
  {
    name: '모호한 요청은 선택 카드, 번호로 고름',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체', '등록', '에이스상사', 'KR', '네'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['choice', 'confirm'], job: { ...vendor, trigger: { name: '에이스상사', country: 'KR' } }, says: [/중 어느 것을/] }
  },
  {
    name: '확인 카드에서 선택 입력값 추가',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 등록해줘', '에이스', 'KR', '이메일은 a@b.kr로 바꿔줘', '네'],
    expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm', 'confirm'], job: { ...vendor, trigger: { name: '에이스', country: 'KR', email: 'a@b.kr' } } }
  },
  {
    name: '입력 중 이름 정정',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['거래처 추가', '한빛', '아니, 이름은 한빛상사', 'KR', '네'],
    expect: { skill: 'register-vendor', asks: ['name', 'country', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: '한빛상사', country: 'KR' } } }
  },
  {
    name: '승인 대기 중 다른 요청, 그다음 승인',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['송장 결제해줘', 'inv-003', '네', '업체 찾아줘', 'Initech', '승인'],
    expect: { skill: 'pay-invoice', asks: ['invoice_id', 'query'], cards: ['confirm', 'approval'], job: { recipe: 'find-vendor', status: 'succeeded' }, says: [/Initech Software Ltd/, /"approve"\(으\)로 답했어요\. 완료했어요/] }
  },
  {
    name: '모델이 기술과 값을 고름 (스크립트 모델)',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['독일 업체 베를린상사 넣어줘', '네'],
    model: [{ tool: 'register-vendor', arguments: { name: '베를린상사', country: 'DE' } }],
    expect: { skill: 'register-vendor', asks: [], cards: ['confirm'], job: { ...vendor, trigger: { name: '베를린상사', country: 'DE' } }, says: [/진행할까요/] }
  },
  {
    name: '모델의 잘못된 답은 기본 모드로 (스크립트 모델)',
    lang: 'ko',
    agent: 'erp-genie',
    says: ['업체 찾아줘', 'Globex'],
    model: ['not json', { tool: 'no-such-skill', arguments: {} }],
    expect: { skill: 'find-vendor', asks: ['query'], job: { recipe: 'find-vendor', status: 'succeeded' }, says: [/모델이 답하지 못해서/] }
  },
  {
    name: '모델이 모른다고 답함 (스크립트 모델)',
    lang: 'ko',
    agent: 'hr-genie',
    says: ['주식 사줘'],
    model: [{ tool: 'none', arguments: {} }],
    expect: { skill: null, job: null, says: [/할 수 없어요/] }
  }
];
