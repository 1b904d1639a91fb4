import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../recipe';
import { draftsOf, keptParts, newRow, readInput, rowsOf, withParts, type TestRow } from './author-form';

const model = {
  format: 'sous.recipe/v1', id: 'flag-big', name: 'Flag', trigger: { kind: 'manual', input: [{ name: 'invoices', type: 'list' }] }, steps: []
} as unknown as Recipe;
const recorded = {
  ok: true as const,
  test: { name: 'one', input: {}, expect: { status: 'succeeded' as const, chat: [{ channel: 'finance', text: 'Big invoice A' }, { channel: 'finance', text: 'Big invoice C' }] } },
  job: {} as never,
  messages: [{ id: '1', channel: 'finance', text: 'Big invoice A', at: '' }, { id: '2', channel: 'finance', text: 'Big invoice C', at: '' }]
};

describe('the New exercise form', () => {
  it('reads a row\'s input as JSON, or says the line and column where it breaks', () => {
    expect(readInput('')).toEqual({ ok: true, value: undefined });
    expect(readInput('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(readInput('{\n  "a": 1,\n  x\n}')).toEqual({ ok: false, line: 3, column: 3 });
    expect(readInput('{"a": ').ok).toBe(false);
  });

  it('starts a row from the model answer\'s trigger', () => {
    expect(JSON.parse(newRow(model).input)).toEqual({ invoices: [] });
    expect(newRow(undefined).input).toBe('{}');
  });

  it('gives only the model answer\'s approval steps their answers', () => {
    const rows: TestRow[] = [{ key: 'a', name: ' yes ', input: '', answers: { ask: 'approve', gone: 'reject' } }, { key: 'b', name: 'none', input: '', answers: {} }];
    expect(draftsOf(rows, [{ n: 1 }, undefined], ['ask'])).toEqual([{ name: 'yes', input: { n: 1 }, answers: { ask: 'approve' } }, { name: 'none', input: undefined }]);
  });

  it('applies the parts the trainer kept, and keeps them across a new recording only where they still fit', () => {
    expect(withParts(recorded, ['invoice A', undefined]).expect.chat).toEqual([{ channel: 'finance', text_contains: 'invoice A' }, { channel: 'finance', text: 'Big invoice C' }]);
    expect(withParts(recorded, ['nowhere', '']).expect.chat).toEqual(recorded.test.expect.chat);
    expect(keptParts(recorded, ['invoice A', 'invoice Z'])).toEqual(['invoice A', undefined]);
  });

  it('an exercise being edited gives its rows and the parts it kept', () => {
    const { rows, parts } = rowsOf({
      id: 'x', title: 'X', task: '', recipe: 'flag-big',
      tests: [{ name: 't', input: { a: 1 }, answers: { ask: 'approve' }, expect: { chat: [{ channel: 'f', text_contains: 'A' }, { text: 'B' }] } }]
    });
    expect(rows.map(({ name, input, answers }) => ({ name, input: JSON.parse(input), answers }))).toEqual([{ name: 't', input: { a: 1 }, answers: { ask: 'approve' } }]);
    expect(parts.get('t')).toEqual(['A', undefined]);
  });
});
