import { describe, expect, it } from 'vitest';
import type { Field } from '../../../recipe';
import { parseFieldValue } from '../values';
import { extractValues } from './index';

const NOW = new Date(2026, 1, 20, 10, 0, 0);
const VENDOR: Field[] = [
  { name: 'name', type: 'text', required: true, description: "The vendor's name" },
  { name: 'address', type: 'text', required: true },
  { name: 'country', type: 'text', description: 'ISO country code, e.g. DE' },
  { name: 'email', type: 'text' }
];
const REFUND: Field[] = [
  { name: 'order_id', type: 'text', required: true, description: 'The order to refund' },
  { name: 'items', type: 'list', items: [{ name: 'sku', type: 'text' }, { name: 'quantity', type: 'number' }] },
  { name: 'reason', type: 'text' }
];
const LEAVE: Field[] = [
  { name: 'start', type: 'date', required: true },
  { name: 'end', type: 'date', required: true },
  { name: 'type', type: 'text' }
];
const STOCK: Field[] = [{ name: 'sku', type: 'text', required: true }, { name: 'quantity', type: 'number' }];
const PAYSLIP: Field[] = [{ name: 'month', type: 'text', description: 'YYYY-MM' }];
const INVOICES: Field[] = [{ name: 'vendor', type: 'text', required: true }];
const ONE_DATE: Field[] = [{ name: 'due_date', type: 'date', required: true }, { name: 'amount', type: 'number' }];
const EXAMPLES = ['register a vendor', 'add a new supplier', '업체 등록해줘'];

const cases: Array<[string, Field[], Record<string, unknown>]> = [
  // Request shapes
  ['register Acme Ltd at 12 Main St', VENDOR, { name: 'Acme Ltd', address: '12 Main St' }],
  ['Register Acme Ltd at 12 Main St in DE', VENDOR, { name: 'Acme Ltd', address: '12 Main St', country: 'DE' }],
  ['please add a new supplier called Globex Logistics', VENDOR, { name: 'Globex Logistics' }],
  ['register vendor Initech Software Ltd', VENDOR, { name: 'Initech Software Ltd' }],
  ['register Hanbit from Germany', VENDOR, { name: 'Hanbit' }],
  ['register a vendor', VENDOR, {}],
  ['register a new vendor', VENDOR, {}],
  ['add a supplier', VENDOR, {}],
  ['register vendors', VENDOR, {}],
  ['I want to register a vendor please', VENDOR, {}],
  ['register acme and globex', VENDOR, {}],
  ['Acme Ltd 업체 등록해줘', VENDOR, { name: 'Acme Ltd' }],
  ['한빛전자를 등록해 주세요', VENDOR, { name: '한빛전자' }],
  ["'한빛 전자'라는 거래처를 추가해줘", VENDOR, { name: '한빛 전자' }],
  ['업체 등록해줘', VENDOR, {}],
  ['새 업체를 등록하고 싶어요', VENDOR, {}],
  ['서울에 있는 업체 등록해줘', VENDOR, {}],
  ['오늘 등록해줘', VENDOR, {}],
  ['빨리 추가해 주세요', VENDOR, {}],
  ['Register Today', VENDOR, {}],
  ['register a vendor for the marketing team', VENDOR, {}],
  ['Register A New Vendor', VENDOR, {}],
  ['register the vendor from the invoice', VENDOR, {}],
  ['우리 회사 거래처 등록', VENDOR, {}],
  ['삼성전자 말고 LG전자 등록해줘', VENDOR, {}],
  // Named values
  ['name: Acme, country: DE', VENDOR, { name: 'Acme', country: 'DE' }],
  ['register a vendor, name: Acme Ltd, address: 12 Main St, Springfield', VENDOR, { name: 'Acme Ltd', address: '12 Main St, Springfield' }],
  ['the name is Acme Ltd and the country is FR', VENDOR, { name: 'Acme Ltd', country: 'FR' }],
  ['이름은 Acme, 국가는 DE로 등록해줘', VENDOR, { name: 'Acme', country: 'DE' }],
  ['업체 등록: 이름: 한빛전자, 주소: 서울시 강남구 테헤란로 123', VENDOR, { name: '한빛전자', address: '서울시 강남구 테헤란로 123' }],
  ['register Acme Ltd, email billing@acme.example', VENDOR, { name: 'Acme Ltd', email: 'billing@acme.example' }],
  ['new vendor with email ar@hanbit.example', VENDOR, { email: 'ar@hanbit.example' }],
  ['email: not-an-email', VENDOR, {}],
  ['add vendor Acme, country DE', VENDOR, { name: 'Acme', country: 'DE' }],
  ['register vendor Acme Ltd in DE with email billing@acme.example', VENDOR, { name: 'Acme Ltd', country: 'DE', email: 'billing@acme.example' }],
  ['한빛전자 등록해줘, 국가는 KR', VENDOR, { name: '한빛전자', country: 'KR' }],
  ['KR에 있는 한빛전자 등록', VENDOR, {}],
  ["Please register 'Sakura Print KK' as a vendor", VENDOR, { name: 'Sakura Print KK' }],
  ['Register "Globex Logistics GmbH" (DE)', VENDOR, { name: 'Globex Logistics GmbH', country: 'DE' }],
  ['register a supplier named Sakura Print KK, country JP', VENDOR, { name: 'Sakura Print KK', country: 'JP' }],
  ['add Maple Leaf Catering as a new supplier', VENDOR, { name: 'Maple Leaf Catering' }],
  ['new supplier: Acme Ltd', VENDOR, { name: 'Acme Ltd' }],
  ['Can you set up a new vendor for me?', VENDOR, {}],
  ['에이스상사를 거래처로 등록해줘', VENDOR, { name: '에이스상사' }],
  ['거래처 에이스상사 등록해 주세요', VENDOR, { name: '에이스상사' }],
  ['국가가 DE인 업체 Acme 등록', VENDOR, { country: 'DE' }],
  // Codes and items
  ['refund order ORD-1003', REFUND, { order_id: 'ORD-1003' }],
  ['refund order ord-1003', REFUND, { order_id: 'ord-1003' }],
  ['주문 ORD-1003 환불해줘', REFUND, { order_id: 'ORD-1003' }],
  ['ORD-1003을 환불해 주세요', REFUND, { order_id: 'ORD-1003' }],
  ['ord-1001이 환불 대상이에요', REFUND, { order_id: 'ord-1001' }],
  ['MUG-CER-01은 재고 몇 개야', STOCK, { sku: 'MUG-CER-01' }],
  ['refund order #1003', REFUND, { order_id: '1003' }],
  ['1003번 주문 환불해 주세요', REFUND, { order_id: '1003' }],
  ['refund 2 x MUG-CER-01 from ord-1001', REFUND, { order_id: 'ord-1001', items: [{ sku: 'MUG-CER-01', quantity: 2 }] }],
  ['ord-1008 환불: MUG-CER-01 2개랑 BAG-CAN-01 1개', REFUND, { order_id: 'ord-1008', items: [{ sku: 'MUG-CER-01', quantity: 2 }, { sku: 'BAG-CAN-01', quantity: 1 }] }],
  ['refund ord-1001 and ord-1002', REFUND, {}],
  ['refund my order', REFUND, {}],
  ['customer of ord-1008 wants 2 mugs refunded', REFUND, { order_id: 'ord-1008' }],
  ['ORD-1004 주문에서 BAG-CAN-01 4개 환불해 주세요', REFUND, { order_id: 'ORD-1004', items: [{ sku: 'BAG-CAN-01', quantity: 4 }] }],
  ['how many MUG-CER-01 are in stock', STOCK, { sku: 'MUG-CER-01' }],
  ['TEE-ORG-M 재고 알려줘', STOCK, { sku: 'TEE-ORG-M' }],
  ['check stock for order ORD-1003', STOCK, {}],
  ['how many TEE-ORG-M and TEE-ORG-L', STOCK, {}],
  ['refund order ord-1003 and restock MUG-CER-01', REFUND, { order_id: 'ord-1003' }],
  ['add 5 units of PEN-GEL-BK', STOCK, { sku: 'PEN-GEL-BK', quantity: 5 }],
  // Dates
  ['leave from 2026-03-02 to 2026-03-04', LEAVE, { start: '2026-03-02', end: '2026-03-04' }],
  ['vacation March 2 to March 4', LEAVE, { start: '2026-03-02', end: '2026-03-04' }],
  ['3월 2일부터 3월 4일까지 휴가 신청해줘', LEAVE, { start: '2026-03-02', end: '2026-03-04' }],
  ['leave March 2-4', LEAVE, { start: '2026-03-02', end: '2026-03-04' }],
  ['vacation from 9 to 13 March 2026', LEAVE, { start: '2026-03-09', end: '2026-03-13' }],
  ['3월 9일부터 13일까지 휴가', LEAVE, { start: '2026-03-09', end: '2026-03-13' }],
  ['3월 9~13일 연차', LEAVE, { start: '2026-03-09', end: '2026-03-13' }],
  ['leave starting tomorrow', LEAVE, { start: '2026-02-21' }],
  ['I want leave on 2026-03-02 and 2026-03-09', LEAVE, {}],
  ['take leave tomorrow', LEAVE, {}],
  ['pay the invoice due 2026-03-01', ONE_DATE, { due_date: '2026-03-01' }],
  ['내일까지 내야 하는 송장', ONE_DATE, { due_date: '2026-02-21' }],
  ['invoice for €250 due tomorrow', ONE_DATE, { due_date: '2026-02-21', amount: 250 }],
  ['amount: two hundred', ONE_DATE, {}],
  // Months and entity names
  ['show my payslip for 2026-01', PAYSLIP, { month: '2026-01' }],
  ['2026년 1월 급여명세서 보여줘', PAYSLIP, { month: '2026-01' }],
  ['pay slip January 2026', PAYSLIP, { month: '2026-01' }],
  ['show my payslip', PAYSLIP, {}],
  ['show the open invoices for Initech', INVOICES, { vendor: 'Initech' }],
  ['what does Acme owe us', INVOICES, { vendor: 'Acme' }],
  ['show open invoices', INVOICES, {}],
  ['Globex에서 온 송장 보여줘', INVOICES, { vendor: 'Globex' }],
  ['Acme 업체의 송장 보여줘', INVOICES, { vendor: 'Acme' }],
  ['what do we owe the Finance team', INVOICES, {}],
  ['did Acme send the invoice to Globex', INVOICES, {}],
  ['vendor: Globex Logistics GmbH', INVOICES, { vendor: 'Globex Logistics GmbH' }]
];

describe('extractValues', () => {
  it.each(cases)('%j', (text, fields, expected) => {
    expect(extractValues(text, fields, { examples: EXAMPLES, now: NOW })).toEqual(expected);
  });

  it('every value it returns passes parseFieldValue for its field', () => {
    for (const [text, fields] of cases) {
      const values = extractValues(text, fields, { examples: EXAMPLES, now: NOW });
      for (const [name, value] of Object.entries(values)) {
        const field = fields.find((f) => f.name === name)!;
        const raw = typeof value === 'string' ? value : Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(',') : String(value);
        const again = field.type === 'list' ? { ok: true } : parseFieldValue(field, raw, 'en', NOW);
        expect(again.ok, `${text} → ${name}`).toBe(true);
      }
    }
  });

  it('takes nothing for a file field', () => {
    expect(extractValues('attach invoice.pdf', [{ name: 'document', type: 'file', required: true }])).toEqual({});
  });
});
