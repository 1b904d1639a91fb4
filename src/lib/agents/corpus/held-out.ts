/**
 * HELD-OUT conversations with the studio's template agents (../templates), written without running them
 * first and never tuned on: the bench scores them apart from the corpus, as the honest figure for words
 * the rules have not seen. If one is ever used to change the rules, move it into cases.ts and write a
 * fresh one the same way. No test holds a floor on these.
 */
import type { CorpusCase } from './cases';

const vendor = { recipe: 'register-vendor', status: 'succeeded', agent: 'erp-genie' };

export const HELD_OUT: CorpusCase[] = [
  { name: 'h-en-1', lang: 'en', agent: 'erp-genie', says: ['we have a new supplier, Orion Metals', 'SE', 'yes'], expect: { skill: 'register-vendor', asks: ['country'], cards: ['confirm'], job: { ...vendor, trigger: { name: 'Orion Metals', country: 'SE' } } } },
  { name: 'h-en-2', lang: 'en', agent: 'erp-genie', says: ['set up a vendor for me', 'Pine & Co', 'CA', 'nope'], expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: null } },
  { name: 'h-en-3', lang: 'en', agent: 'erp-genie', says: ['show the invoices of Hanbit'], expect: { skill: 'vendor-invoices', asks: [], cards: [], job: { recipe: 'vendor-invoices', status: 'succeeded' } } },
  { name: 'h-en-4', lang: 'en', agent: 'front-desk', says: ['where is order ord-1005?'], expect: { skill: 'order-status', handsTo: ['orders-genie'], job: { recipe: 'order-status', status: 'succeeded', agent: 'orders-genie', handed_by: 'front-desk' } } },
  { name: 'h-en-5', lang: 'en', agent: 'front-desk', says: ['a customer returned 1 TEE-ORG-M from ord-1010', 'yes'], expect: { skill: 'refund-order', handsTo: ['orders-genie'], cards: ['confirm'], job: { recipe: 'refund-order', status: 'succeeded', agent: 'orders-genie', handed_by: 'front-desk' } } },
  { name: 'h-en-6', lang: 'en', agent: 'hr-genie', says: ['can I see my salary for 2026-01'], expect: { skill: 'show-payslip', job: { recipe: 'show-payslip', status: 'succeeded', trigger: { month: '2026-01' } } } },
  { name: 'h-en-7', lang: 'en', agent: 'finance-genie', says: ['what do we still have to pay'], expect: { skill: 'open-invoices', cards: [], job: { recipe: 'open-invoices', status: 'succeeded' } } },
  { name: 'h-en-8', lang: 'en', agent: 'finance-genie', says: ['book an invoice', 'Quartz Labs', 'Q-19', '99', 'yes', 'reject'], expect: { skill: 'invoice-intake', asks: ['vendor_name', 'invoice_number', 'total'], cards: ['confirm', 'approval'], job: { recipe: 'invoice-intake', status: 'succeeded' } } },
  { name: 'h-ko-1', lang: 'ko', agent: 'erp-genie', says: ['새 거래처 하나 등록하고 싶어요', '오리온금속', 'SE', '네'], expect: { skill: 'register-vendor', asks: ['name', 'country'], cards: ['confirm'], job: { ...vendor, trigger: { name: '오리온금속', country: 'SE' } } } },
  { name: 'h-ko-2', lang: 'ko', agent: 'erp-genie', says: ['공급업체 등록', '소나무상사', '취소'], expect: { skill: 'register-vendor', asks: ['name', 'country'], job: null } },
  { name: 'h-ko-3', lang: 'ko', agent: 'erp-genie', says: ['Initech 송장 보여줘'], expect: { skill: 'vendor-invoices', cards: [], job: { recipe: 'vendor-invoices', status: 'succeeded' } } },
  { name: 'h-ko-4', lang: 'ko', agent: 'front-desk', says: ['ord-1003 주문 지금 어디쯤이에요?'], expect: { skill: 'order-status', handsTo: ['orders-genie'], job: { recipe: 'order-status', status: 'succeeded', handed_by: 'front-desk' } } },
  { name: 'h-ko-5', lang: 'ko', agent: 'front-desk', says: ['BTL-STE-75 재고 있나요'], expect: { skill: 'check-stock', handsTo: ['stock-genie'], job: { recipe: 'check-stock', status: 'succeeded', agent: 'stock-genie', handed_by: 'front-desk' } } },
  { name: 'h-ko-6', lang: 'ko', agent: 'hr-genie', says: ['다음 주 월요일부터 수요일까지 휴가 쓰고 싶어요', '2026-03-09', '2026-03-11', '네'], expect: { skill: 'request-leave', cards: ['confirm'], job: { recipe: 'request-leave', status: 'succeeded' } } },
  { name: 'h-ko-7', lang: 'ko', agent: 'finance-genie', says: ['아직 안 낸 송장 있어?'], expect: { skill: 'open-invoices', cards: [], job: { recipe: 'open-invoices', status: 'succeeded' } } },
  { name: 'h-ko-8', lang: 'ko', agent: 'finance-genie', says: ['청구서 처리해줘', '쿼츠랩', 'Q-20', '150000', '네', '승인'], expect: { skill: 'invoice-intake', asks: ['vendor_name', 'invoice_number', 'total'], cards: ['confirm', 'approval'], job: { recipe: 'invoice-intake', status: 'succeeded' } } }
];
