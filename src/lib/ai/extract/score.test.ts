import { describe, expect, it } from 'vitest';
import type { FieldSpec } from './fields';
import { precision, recall, scoreField, scoreItems, similar } from './score';

const text: FieldSpec = { name: 'vendor', type: 'text' };
const money: FieldSpec = { name: 'total', type: 'money' };
const list: FieldSpec = { name: 'line_items', type: 'list' };
const item = (description: string, quantity: number, unit_price: number) => ({ description, quantity, unit_price, amount: quantity * unit_price });

describe('scoreField', () => {
  it.each([
    ['right', text, 'Acme Ltd', 'acme  ltd.', { tp: 1, fp: 0, fn: 0 }],
    ['wrong', text, 'Bill To', 'Acme Ltd', { tp: 0, fp: 1, fn: 1 }],
    ['missed', text, null, 'Acme Ltd', { tp: 0, fp: 0, fn: 1 }],
    ['found where there is none', text, '2026-01-01', null, { tp: 0, fp: 1, fn: 0 }],
    ['rightly nothing', text, null, null, { tp: 0, fp: 0, fn: 0 }],
    ['money within a cent', money, 1234.56, 1234.561, { tp: 1, fp: 0, fn: 0 }],
    ['money off by more than a cent', money, 1234.54, 1234.56, { tp: 0, fp: 1, fn: 1 }],
    ['all items', list, [item('Toner', 2, 10)], [item('Toner', 2, 10)], { tp: 1, fp: 0, fn: 0 }],
    ['an item missing', list, [item('Toner', 2, 10)], [item('Toner', 2, 10), item('Paper', 1, 5)], { tp: 0, fp: 1, fn: 1 }]
  ])('%s', (_, field, got, want, tally) => expect(scoreField(field, got, want)).toEqual(tally));
});

describe('scoreItems and similar', () => {
  it('counts each true item once and forgives an OCR letter in a description', () => {
    const truth = [item('복사용지 A4', 12, 7500), item('Cable ties pack', 1, 66.5)];
    expect(scoreItems([item('복사용지 A4', 12, 7500), item('복사용지 A4', 12, 7500), item('Cable ties pock', 1, 66.5)], truth)).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(similar('Website design', 'Safety gloves')).toBe(false);
  });

  it('precision and recall of a tally, 1 when there is nothing to count', () => {
    expect([precision({ tp: 3, fp: 1, fn: 2 }), recall({ tp: 3, fp: 1, fn: 2 })]).toEqual([0.75, 0.6]);
    expect([precision({ tp: 0, fp: 0, fn: 0 }), recall({ tp: 0, fp: 0, fn: 0 })]).toEqual([1, 1]);
  });
});
