import { describe, expect, it } from 'vitest';
import type { Field } from '../../recipe';
import { languageOf } from './say';
import { newConversation, type ConversationState } from './state';
import { fitValues, nextMissing, triggerValues } from './values';

const fields: Field[] = [
  { name: 'name', type: 'text', required: true },
  { name: 'count', type: 'number', required: true },
  { name: 'when', type: 'date' },
  { name: 'items', type: 'list', items: [{ name: 'sku', type: 'text', required: true }] },
  { name: 'region', type: 'text', required: true, default: 'EU' }
];
const now = new Date('2026-03-01T09:00:00Z');

describe('collected values', () => {
  it.each([
    ['keeps values of the right type', { name: 'Acme', count: 3 }, { name: 'Acme', count: 3 }],
    ['reads a number said as text (a model may)', { count: '12' }, { count: 12 }],
    ['drops a value that does not fit', { count: 'twelve', when: 'someday' }, {}],
    ['drops empty and null values and unknown keys', { name: '', count: null, other: 'x' }, {}],
    ['keeps a list of objects, drops a list of strings where objects are wanted', { items: [{ sku: 'A' }] }, { items: [{ sku: 'A' }] }],
    ['a list of bare strings for object items is not kept', { items: ['A'] }, {}]
  ])('%s', (_name, raw, expected) => {
    expect(fitValues(fields, raw as Record<string, unknown>, 'en', now)).toEqual(expected);
  });

  it('asks for required inputs in trigger order, never for one with a default or an optional one', () => {
    expect(nextMissing(fields, {})?.name).toBe('name');
    expect(nextMissing(fields, { name: 'Acme' })?.name).toBe('count');
    expect(nextMissing(fields, { name: 'Acme', count: 1 })).toBeUndefined();
  });

  it('leaves inputs not given out of the trigger, a declared default put in', () => {
    expect(triggerValues(fields, { name: 'Acme', count: 1, when: '', items: undefined })).toEqual({ name: 'Acme', count: 1, region: 'EU' });
  });
});

describe('languageOf', () => {
  const asking: ConversationState = { ...newConversation('a', 'ko'), pending: { skill: 's', agent: 'a', values: {}, asking: 'name' } };
  const confirming: ConversationState = { ...newConversation('a', 'ko'), pending: { skill: 's', agent: 'a', values: {}, confirming: true } };
  const fresh = newConversation('a', 'ko');
  it.each([
    ['Hangul is Korean', '업체 등록해줘', newConversation('a', 'en'), 'ko'],
    ['a new English request is English', 'register a vendor', fresh, 'en'],
    ['a number keeps the language', '12', newConversation('a', 'en'), 'en'],
    ['a Latin answer to a Korean question stays Korean', 'Acme Ltd Holdings International', asking, 'ko'],
    ['a short Latin reply at a Korean card stays Korean', 'US', confirming, 'ko'],
    ['a sentence in English at a Korean card is English', 'change the country to DE', confirming, 'en']
  ] as const)('%s', (_name, text, state, expected) => {
    expect(languageOf(text, state, null)).toBe(expected);
  });
});
