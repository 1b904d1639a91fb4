import { describe, expect, it } from 'vitest';
import { describeOutput } from './describe';
import { messages, objectParticle } from './messages';

const en = messages('en');
const ko = messages('ko');

describe('describeOutput', () => {
  it.each([
    ['a message key is said as it is', { message: 'vendor ven-013 Acme Ltd', vendor_id: 'ven-013' }, 'vendor ven-013 Acme Ltd'],
    ['a record is its id and name, then a few values', { id: 'ven-013', name: 'Acme Ltd', country: 'DE', created_at: 'x' }, 'ven-013 Acme Ltd (country: DE)'],
    ['one list under one key', { vendors: [{ id: 'ven-002', name: 'Globex Logistics GmbH', country: 'DE' }] }, 'vendors: ven-002 Globex Logistics GmbH'],
    ['an empty list', { vendors: [] }, 'vendors: 0 items'],
    ['a scalar', 42, '42'],
    ['a record without id or name', { on_hand: 118, location: 'A1' }, 'on hand: 118, location: A1']
  ])('%s', (_name, output, expected) => {
    expect(describeOutput(output, en)).toBe(expected);
  });

  it('says nothing for no output, and counts in Korean', () => {
    expect(describeOutput(null, en)).toBeUndefined();
    expect(describeOutput({}, en)).toBeUndefined();
    expect(describeOutput({ vendors: [] }, ko)).toBe('vendors: 0개');
  });

  it('cuts a long answer short', () => {
    const long = { items: Array.from({ length: 50 }, (_, i) => ({ id: `item-${i}`, name: 'x'.repeat(30) })) };
    expect(describeOutput(long, en)!.length).toBeLessThanOrEqual(400);
  });
});

describe('messages', () => {
  it.each([
    ['이름', '을'],
    ['국가', '를'],
    ['name', '을(를)']
  ])('the object particle after %s is %s', (word, particle) => {
    expect(objectParticle(word)).toBe(particle);
  });

  it('asks with the field description, in both languages', () => {
    expect(en.ask("the vendor's name")).toBe("What is the vendor's name?");
    expect(en.ask('Which month?')).toBe('Which month?');
    expect(en.ask('email')).toBe('What is the email?');
    expect(ko.ask('업체 이름')).toBe('업체 이름을 알려 주세요.');
    expect(ko.ask("the vendor's name")).toBe("다음을 알려 주세요: the vendor's name");
  });

  it('has the same keys in English and Korean', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(ko.advice).sort()).toEqual(Object.keys(en.advice).sort());
  });
});

describe('describeOutput, nested values', () => {
  it.each([
    ['a record list inside a record is said by count', { id: 'inv-003', number: 'INI-9921', status: 'paid', lines: [{ description: 'TPS licence', quantity: 25 }] }, 'inv-003 INI-9921 (status: paid, lines: 1 item)'],
    ['named records inside a record by their names', { refund: { id: 'rf-1', amount: 24 }, order: { id: 'ord-1001', status: 'shipped' } }, 'refund: rf-1, order: ord-1001'],
    ['an unnamed record inside a record by its first values', { total: 3, by: { currency: 'EUR', amount: 12 } }, 'total: 3, by: currency: EUR, amount: 12']
  ])('%s', (_name, output, expected) => {
    expect(describeOutput(output, en)).toBe(expected);
  });
});
