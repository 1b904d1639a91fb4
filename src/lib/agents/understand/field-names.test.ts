/** Fields named otherwise than in the templates (from_date/to_date, qty, product_code, supplier…): the same readings hold. */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../recipe';
import { parseCorrection } from './corrections';
import { extractValues } from './extract';

const NOW = new Date(2026, 1, 20, 10, 0, 0);
const LEAVE: Field[] = [
  { name: 'leave_type', type: 'text', required: true, description: 'vacation, sick or unpaid' },
  { name: 'from_date', type: 'date', required: true },
  { name: 'to_date', type: 'date', required: true },
  { name: 'note', type: 'text' }
];
const ORDER: Field[] = [
  { name: 'order_number', type: 'text', required: true },
  { name: 'product_code', type: 'text' },
  { name: 'qty', type: 'number' },
  { name: 'email_address', type: 'text' },
  { name: 'supplier', type: 'text' },
  { name: 'amount', type: 'number', description: 'refund amount in EUR' }
];

const extracted: Array<[string, Field[], Record<string, unknown>]> = [
  ['sick leave from 2026-03-02 to 2026-03-03', LEAVE, { leave_type: 'sick', from_date: '2026-03-02', to_date: '2026-03-03' }],
  ['vacation 2026-03-02 - 2026-03-06', LEAVE, { leave_type: 'vacation', from_date: '2026-03-02', to_date: '2026-03-06' }],
  ['3월 2일부터 3월 6일까지 연차', LEAVE, { leave_type: 'vacation', from_date: '2026-03-02', to_date: '2026-03-06' }],
  ['unpaid leave starting 2026-04-01 until 2026-04-03', LEAVE, { leave_type: 'unpaid', from_date: '2026-04-01', to_date: '2026-04-03' }],
  ['refund order ORD-1003: 2 pcs of MUG-CER-01, 24 EUR', ORDER, { order_number: 'ORD-1003', qty: 2, amount: 24 }],
  ['order number ord-1002, qty 3', ORDER, { order_number: 'ord-1002', qty: 3 }],
  ['send it to ana@customer.example', ORDER, { email_address: 'ana@customer.example' }],
  ['supplier: Acme, amount 50', ORDER, { supplier: 'Acme', amount: 50 }],
  ['refund €12.50 for ord-1001', ORDER, { order_number: 'ord-1001', amount: 12.5 }],
  ['qty: 3 product code TEE-ORG-M', ORDER, { qty: 3, product_code: 'TEE-ORG-M' }]
];

const corrected: Array<[string, { field: string; raw: string } | undefined]> = [
  ['change the end date to 2026-03-05', { field: 'to_date', raw: '2026-03-05' }],
  ['the start date should be March 3', { field: 'from_date', raw: 'March 3' }],
  ['make the type sick', { field: 'leave_type', raw: 'sick' }],
  ['change the qty to 4', { field: 'qty', raw: '4' }],
  ['the product code is TEE-ORG-L', { field: 'product_code', raw: 'TEE-ORG-L' }],
  ['no, the email is a@b.example', { field: 'email_address', raw: 'a@b.example' }],
  ['수량은 4개로 바꿔줘', { field: 'qty', raw: '4개' }],
  ['종료일은 3월 5일로 변경', { field: 'to_date', raw: '3월 5일' }],
  ['시작일을 내일로 바꿔줘', { field: 'from_date', raw: '내일' }],
  ['change the amount to 20 EUR', { field: 'amount', raw: '20 EUR' }],
  ['the supplier is Globex', { field: 'supplier', raw: 'Globex' }],
  ['update the note: family trip', { field: 'note', raw: 'family trip' }],
  ['set "to date" to 2026-03-09', { field: 'to_date', raw: '2026-03-09' }],
  ['change the date to 2026-03-09', undefined]
];

describe('other field names', () => {
  it.each(extracted)('extract %j', (text, fields, expected) => expect(extractValues(text, fields, { now: NOW })).toEqual(expected));
  it.each(corrected)('correct %j', (text, expected) => expect(parseCorrection(text, [...LEAVE, ...ORDER])).toEqual(expected));
});
