/**
 * The understand functions on skills shaped like the studio's templates (fields and examples copied
 * here, so this test does not move when a template is edited): which skill a request picks, and what
 * its opening message already holds.
 */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../recipe';
import { extractValues } from './extract';
import { AMBIGUOUS_MARGIN, MATCH_THRESHOLD, scoreSkills, type SkillCandidate } from './match';

const NOW = new Date(2026, 1, 20, 10, 0, 0);
const F = {
  registerVendor: [
    { name: 'name', type: 'text', required: true, description: "the vendor's name" },
    { name: 'country', type: 'text', required: true, description: "the vendor's country code, such as DE" },
    { name: 'email', type: 'text', description: "the vendor's billing email" },
    { name: 'tax_id', type: 'text', description: "the vendor's tax or VAT id" },
    { name: 'currency', type: 'text', description: 'the currency the vendor bills in, such as EUR' }
  ],
  vendorInvoices: [{ name: 'vendor', type: 'text', required: true, description: "the vendor's name" }],
  invoiceIntake: [
    { name: 'vendor_name', type: 'text', required: true, description: "the vendor's name" },
    { name: 'invoice_number', type: 'text', required: true, description: 'the invoice number' },
    { name: 'total', type: 'number', required: true, description: 'the invoice total' },
    { name: 'currency', type: 'text', description: "the invoice's currency, such as EUR" },
    { name: 'vendor_email', type: 'text', description: "the vendor's email" },
    { name: 'date', type: 'date', description: 'the invoice date' }
  ],
  openInvoices: [],
  showPayslip: [{ name: 'month', type: 'text', description: 'the month, such as 2026-02' }],
  requestLeave: [
    { name: 'type', type: 'text', required: true, description: 'the kind of leave: vacation, sick, parental or unpaid' },
    { name: 'start', type: 'date', required: true, description: 'the first day of leave' },
    { name: 'end', type: 'date', required: true, description: 'the last day of leave' },
    { name: 'reason', type: 'text', description: 'the reason' }
  ],
  refundOrder: [
    { name: 'order_id', type: 'text', required: true, description: 'the order number, such as ord-1001' },
    {
      name: 'items', type: 'list', required: true, description: 'the items to refund, such as 2 x MUG-CER-01',
      items: [{ name: 'sku', type: 'text', required: true, description: 'the product code, such as MUG-CER-01' }, { name: 'quantity', type: 'number', required: true, description: 'how many' }]
    },
    { name: 'reason', type: 'text', description: 'why the customer wants a refund' }
  ],
  orderStatus: [{ name: 'order_id', type: 'text', required: true, description: 'the order number, such as ord-1001' }],
  checkStock: [{ name: 'sku', type: 'text', required: true, description: 'the product code, such as MUG-CER-01' }]
} satisfies Record<string, Field[]>;

const ERP: SkillCandidate[] = [
  { id: 'register-vendor', name: 'Register a vendor', description: 'Adds a new vendor (supplier) to the ERP after checking that none has the same name.', fields: F.registerVendor,
    examples: ['register a vendor', 'add a new supplier', 'create vendor Acme Ltd in DE', 'new vendor', '업체 등록해줘', '새 거래처 추가', '공급업체 등록'] },
  { id: 'vendor-invoices', name: "A vendor's invoices", description: 'Finds a vendor in the ERP by name and lists what it has invoiced, with the open total.', fields: F.vendorInvoices,
    examples: ['what has Globex invoiced', 'show the invoices of Initech', 'how much do we owe Acme', '거래처 송장 보여줘', 'Globex 미결제 송장'] }
];
const FINANCE: SkillCandidate[] = [
  { id: 'invoice-intake', name: 'Invoice intake', description: "Records a vendor's invoice in the ERP; a vendor the ERP does not know yet is created only after finance approves it.", fields: F.invoiceIntake,
    examples: ['record an invoice', 'enter invoice INV-204 from Bluefin Paper', "take in a vendor's invoice", 'book an invoice', '송장 등록해줘', '인보이스 입력', '청구서 처리해줘'] },
  { id: 'open-invoices', name: 'Open invoices', description: "Lists the ERP's invoices that are not paid yet (open or approved), with their vendors and totals.", fields: F.openInvoices,
    examples: ['which invoices are open', 'what do we still have to pay', 'list unpaid invoices', '미결제 송장 보여줘', '열린 송장 목록'] }
];
const HR: SkillCandidate[] = [
  { id: 'show-payslip', name: 'Show my pay slip', description: "Shows the pay slip of the person asking (the newest, or a given month). Nobody can read anyone else's.", fields: F.showPayslip,
    examples: ['show my pay slip', 'my payslip', 'what did I earn in January', 'pay slip for 2026-01', '내 급여명세서 보여줘', '월급 명세서', '급여 명세서 확인'] },
  { id: 'request-leave', name: 'Request leave', description: 'Asks for leave (vacation, sick, parental or unpaid) for the person asking; their manager decides.', fields: F.requestLeave,
    examples: ['request leave', 'I want to take vacation', 'book a holiday', 'I am sick tomorrow', '휴가 신청', '연차 쓰고 싶어', '병가 신청해줘'] }
];
const ORDERS: SkillCandidate[] = [
  { id: 'refund-order', name: 'Refund an order', description: "Refunds items of a customer's order, puts them back in stock, and asks the stock genie for the new stock levels.", fields: F.refundOrder,
    examples: ['refund an order', 'the customer wants a refund', 'refund 2 x MUG-CER-01 on ord-1001', 'return items of an order', '환불해줘', '주문 환불', 'ord-1001 환불 처리'] },
  { id: 'order-status', name: 'Order status', description: "Looks an order up in the shop: its status, its lines and what was refunded.", fields: F.orderStatus,
    examples: ['where is my order', 'what is the status of ord-1003', 'check an order', '주문 상태 알려줘', '내 주문 어디 있어'] }
];

function choose(text: string, skills: SkillCandidate[]): string {
  const [a, b] = scoreSkills(text, skills);
  if (!a || a.score < MATCH_THRESHOLD) return 'none';
  if (b && a.score - b.score < AMBIGUOUS_MARGIN) return 'ambiguous';
  return a.id;
}

const choices: Array<[string, SkillCandidate[], string]> = [
  ['I need to onboard a new supplier', ERP, 'register-vendor'],
  ['create a vendor called Nordlys Energi', ERP, 'register-vendor'],
  ['신규 거래처 등록 부탁해요', ERP, 'register-vendor'],
  ['what did Sakura Print bill us', ERP, 'vendor-invoices'],
  ['list invoices from Umbrella Facilities', ERP, 'vendor-invoices'],
  ['Hanbit 송장 조회해줘', ERP, 'vendor-invoices'],
  ['book invoice GX-44871 from Globex for 1230 EUR', FINANCE, 'invoice-intake'],
  ['청구서 등록해 주세요', FINANCE, 'invoice-intake'],
  ['which bills are still unpaid', FINANCE, 'open-invoices'],
  ['아직 지급 안 된 송장 목록 보여줘', FINANCE, 'open-invoices'],
  ['how much did I get paid in February', HR, 'show-payslip'],
  ['급여 얼마 받았는지 보여줘', HR, 'show-payslip'],
  ['I need two days off next week', HR, 'request-leave'],
  ['다음 주 월요일에 연차 내고 싶어요', HR, 'request-leave'],
  ['I would like to go on parental leave', HR, 'request-leave'],
  ['give the customer their money back for ord-1004', ORDERS, 'refund-order'],
  ['ord-1002 주문 환불 부탁드려요', ORDERS, 'refund-order'],
  ['has ord-1006 shipped yet', ORDERS, 'order-status'],
  ['주문 ord-1003 상태가 어때요', ORDERS, 'order-status'],
  ['has my package been delivered', ORDERS, 'order-status'],
  ['주문한 물건이 아직 안 왔어요', ORDERS, 'order-status'],
  ['check ord-1002', ORDERS, 'order-status'],
  ['I got the wrong size, please refund', ORDERS, 'refund-order'],
  ['돈 돌려주세요', ORDERS, 'refund-order'],
  ['cancel my order', ORDERS, 'ambiguous'],
  ['can you register our new partner Acme', ERP, 'register-vendor'],
  ['내일 쉬고 싶어요', HR, 'request-leave'],
  ['what is my salary', HR, 'show-payslip'],
  ['where can I see my invoices', ORDERS, 'none'],
  ['sing me a song', HR, 'none'],
  ['노래 불러줘', ORDERS, 'none']
];

const values: Array<[string, Field[], Record<string, unknown>]> = [
  ['create vendor Acme Ltd in DE', F.registerVendor, { name: 'Acme Ltd', country: 'DE' }],
  ['register Globex GmbH from Germany', F.registerVendor, { name: 'Globex GmbH' }],
  ['register Acme Ltd at 12 Main St', F.registerVendor, { name: 'Acme Ltd' }],
  ['Acme Ltd를 등록해줘', F.registerVendor, { name: 'Acme Ltd' }],
  ['업체 등록: 한빛전자, 국가 KR', F.registerVendor, { name: '한빛전자', country: 'KR' }],
  ['신규 거래처: 에이스상사', F.registerVendor, { name: '에이스상사' }],
  ['register Nordlys Energi AS, tax id NO923609016MVA, bills in NOK', F.registerVendor, { name: 'Nordlys Energi AS', tax_id: 'NO923609016MVA', currency: 'NOK' }],
  ['새 거래처 추가', F.registerVendor, {}],
  ['register Acme, VAT DE811234567', F.registerVendor, { name: 'Acme', tax_id: 'DE811234567' }],
  ['new vendor', F.registerVendor, {}],
  ['what has Globex invoiced', F.vendorInvoices, { vendor: 'Globex' }],
  ['how much do we owe Acme Office Supplies', F.vendorInvoices, { vendor: 'Acme Office Supplies' }],
  ['Globex 미결제 송장', F.vendorInvoices, { vendor: 'Globex' }],
  ['거래처 송장 보여줘', F.vendorInvoices, {}],
  ['enter invoice INV-204 from Bluefin Paper', F.invoiceIntake, { invoice_number: 'INV-204', vendor_name: 'Bluefin Paper' }],
  ['book invoice GX-44871 from Globex for 1230 EUR dated 2026-01-14', F.invoiceIntake,
    { invoice_number: 'GX-44871', vendor_name: 'Globex', total: 1230, currency: 'EUR', date: '2026-01-14' }],
  ['pay slip for 2026-01', F.showPayslip, { month: '2026-01' }],
  ['what did I earn in January', F.showPayslip, {}],
  ['I am sick tomorrow', F.requestLeave, { type: 'sick' }],
  ['book a holiday from 2026-04-06 to 2026-04-10', F.requestLeave, { type: 'vacation', start: '2026-04-06', end: '2026-04-10' }],
  ['request leave', F.requestLeave, {}],
  ['병가 신청해줘', F.requestLeave, { type: 'sick' }],
  ['3월 9일부터 3월 13일까지 휴가 신청', F.requestLeave, { type: 'vacation', start: '2026-03-09', end: '2026-03-13' }],
  ['refund 2 x MUG-CER-01 on ord-1001', F.refundOrder, { order_id: 'ord-1001', items: [{ sku: 'MUG-CER-01', quantity: 2 }] }],
  ['ord-1001 환불 처리', F.refundOrder, { order_id: 'ord-1001' }],
  ['the customer wants a refund', F.refundOrder, {}],
  ['what is the status of ord-1003', F.orderStatus, { order_id: 'ord-1003' }],
  ['where is my order 1007', F.orderStatus, { order_id: '1007' }],
  ['where is my order', F.orderStatus, {}],
  ['how many MUG-CER-01 do we have', F.checkStock, { sku: 'MUG-CER-01' }],
  ['MUG-CER-01 재고 몇 개야', F.checkStock, { sku: 'MUG-CER-01' }],
  ['is the baseball cap in stock', F.checkStock, {}]
];

describe('on template-shaped skills', () => {
  it.each(choices)('%j picks %s', (text, skills, expected) => expect(choose(text, skills)).toBe(expected));
  it.each(values)('%j holds %j', (text, fields, expected) => expect(extractValues(text, fields, { now: NOW })).toEqual(expected));
});
