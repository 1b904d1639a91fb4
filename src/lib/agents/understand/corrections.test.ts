import { describe, expect, it } from 'vitest';
import type { Field } from '../../recipe';
import { parseCorrection } from './corrections';

const VENDOR: Field[] = [
  { name: 'name', type: 'text', required: true, description: "The vendor's name" },
  { name: 'address', type: 'text', required: true },
  { name: 'country', type: 'text', description: 'Country code, e.g. DE' },
  { name: 'email', type: 'text' }
];
const ORDER: Field[] = [
  { name: 'order_id', type: 'text', required: true },
  { name: 'quantity', type: 'number' },
  { name: 'ship_to_address', type: 'text' },
  { name: 'reason', type: 'text', description: '환불 사유' }
];

const cases: Array<[string, Field[], { field: string; raw: string } | undefined]> = [
  ['change the address to 5 Elm St', VENDOR, { field: 'address', raw: '5 Elm St' }],
  ['Change the address to "5 Elm St".', VENDOR, { field: 'address', raw: '5 Elm St' }],
  ['no, the address is 5 Elm St', VENDOR, { field: 'address', raw: '5 Elm St' }],
  ['actually the country is DE', VENDOR, { field: 'country', raw: 'DE' }],
  ['the country should be FR, not DE', VENDOR, { field: 'country', raw: 'FR' }],
  ['set country to KR please', VENDOR, { field: 'country', raw: 'KR' }],
  ['no, the vendor name is Acme Trading', VENDOR, { field: 'name', raw: 'Acme Trading' }],
  ['update the email address to ar@hanbit.example', VENDOR, { field: 'email', raw: 'ar@hanbit.example' }],
  ['address: 12 Main St', VENDOR, { field: 'address', raw: '12 Main St' }],
  ['make the quantity 3', ORDER, { field: 'quantity', raw: '3' }],
  ['change the order id to ord-1004', ORDER, { field: 'order_id', raw: 'ord-1004' }],
  ['change the ship to address to 1 Side Rd', ORDER, { field: 'ship_to_address', raw: '1 Side Rd' }],
  ['아니, 주소는 서울시 강남구 테헤란로 123', VENDOR, { field: 'address', raw: '서울시 강남구 테헤란로 123' }],
  ['주소는 부산시 해운대구로 바꿔줘', VENDOR, { field: 'address', raw: '부산시 해운대구' }],
  ['주소를 테헤란로로 바꿔 주세요', VENDOR, { field: 'address', raw: '테헤란로' }],
  ['주소를 테헤란로 5로 변경해줘', VENDOR, { field: 'address', raw: '테헤란로 5' }],
  ['국가를 DE로 변경', VENDOR, { field: 'country', raw: 'DE' }],
  ['아니요, 국가는 KR이에요', VENDOR, { field: 'country', raw: 'KR' }],
  ['이름은 한빛전자입니다', VENDOR, { field: 'name', raw: '한빛전자' }],
  ['업체명은 "한빛 전자"로 해줘', VENDOR, { field: 'name', raw: '한빛 전자' }],
  ['이메일: ar@hanbit.example', VENDOR, { field: 'email', raw: 'ar@hanbit.example' }],
  ['수량은 3개로 바꿔줘', ORDER, { field: 'quantity', raw: '3개' }],
  ['사유는 파손', ORDER, { field: 'reason', raw: '파손' }],
  ['주소 서울시로 바꿔줘', VENDOR, { field: 'address', raw: '서울시' }],
  ['국가 FR로 바꿔 주세요', VENDOR, { field: 'country', raw: 'FR' }],
  ['국가는 FR이 맞아요', VENDOR, { field: 'country', raw: 'FR' }],
  ['wrong country, it is FR', VENDOR, { field: 'country', raw: 'FR' }],
  ['no, the order is ord-1002', ORDER, { field: 'order_id', raw: 'ord-1002' }],
  ['order id should be ord-1005', ORDER, { field: 'order_id', raw: 'ord-1005' }],
  // Not corrections.
  ['actually it should be Acme GmbH', VENDOR, undefined],
  ['no', VENDOR, undefined],
  ['yes, the address is fine', VENDOR, undefined],
  ['register a vendor', VENDOR, undefined],
  ['change it to 5', VENDOR, undefined],
  ['the weather is nice', VENDOR, undefined],
  ['아니요', VENDOR, undefined],
  ['취소해줘', VENDOR, undefined]
];

describe('parseCorrection', () => {
  it.each(cases)('%j', (text, fields, expected) => expect(parseCorrection(text, fields)).toEqual(expected));
});

// Answers to the question being asked must not read as corrections of another field.
const answers: Array<[string, Field[]]> = [
  ['the customer is unhappy', ORDER],
  ['the item is damaged', [...ORDER, { name: 'items', type: 'list', items: [{ name: 'sku', type: 'text' }, { name: 'quantity', type: 'number' }] }]],
  ['상품이 파손됐어요', [...ORDER, { name: 'items', type: 'list', items: [{ name: 'sku', type: 'text' }, { name: 'quantity', type: 'number' }] }]],
  ['주소가 틀렸어요', VENDOR],
  ['the quantity is two', ORDER]
];

describe('parseCorrection leaves answers alone', () => {
  it.each(answers)('%j', (text, fields) => expect(parseCorrection(text, fields)).toBeUndefined());
  it('an explicit change keeps a value of the wrong type, so the reason can be said', () => {
    expect(parseCorrection('change the quantity to two', ORDER)).toEqual({ field: 'quantity', raw: 'two' });
    expect(parseCorrection('no, the quantity is two', ORDER)).toEqual({ field: 'quantity', raw: 'two' });
  });
});
