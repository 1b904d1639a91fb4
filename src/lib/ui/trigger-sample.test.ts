import { describe, expect, it } from 'vitest';
import type { Trigger } from '../recipe';
import { sampleInput } from './trigger-sample';

describe('the run form starts from', () => {
  it.each<[string, Trigger, unknown]>([
    ['the manual sample when there is one', { kind: 'manual', input: [{ name: 'a', type: 'text' }], sample: { a: 'hi' } }, { a: 'hi' }],
    [
      'a blank (or the default) for each field',
      {
        kind: 'manual',
        input: [
          { name: 'invoices', type: 'list', required: true },
          { name: 'limit', type: 'number', default: 500 },
          { name: 'note', type: 'text' },
          { name: 'urgent', type: 'boolean' }
        ]
      },
      { invoices: [], limit: 500, note: '', urgent: false }
    ],
    ['an empty object for a manual trigger without fields', { kind: 'manual' }, {}],
    ['the fields of a callable trigger', { kind: 'callable', input: [{ name: 'o', type: 'object' }] }, { o: {} }],
    ['a small text document', { kind: 'document' }, { name: 'note.txt', type: 'text/plain', text: '' }],
    ['an empty payload for a schedule', { kind: 'schedule', every: '1h' }, {}]
  ])('%s', (_name, trigger, expected) => {
    expect(sampleInput(trigger)).toEqual(expected);
  });

});
