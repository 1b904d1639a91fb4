import { describe, expect, it } from 'vitest';
import { chatDifference, firstDifference } from './match';

const msg = (channel: string, text: string) => ({ id: 'm', channel, text, at: '2026-01-01T00:00:00Z' });

describe('matching what a test expects', () => {
  it.each([
    [{ a: 1 }, { a: 1, b: 2 }, undefined],
    [{ a: 1 }, { a: 2 }, 'output.a: expected 1, got 2'],
    [{ a: { b: 'x' } }, { a: {} }, 'output.a.b: expected "x", got nothing'],
    [[1, 2], [1, 2], undefined],
    [[1, 2], [1, 2, 3], 'output: expected 2 items, got 3'],
    [[{ id: 'A' }], [{ id: 'A', amount: 9 }], undefined],
    [[{ id: 'A' }], [{ id: 'B' }], 'output[0].id: expected "A", got "B"'],
    ['x', undefined, 'output: expected "x", got nothing'],
    [null, null, undefined],
    [{ a: 1 }, [1], 'output: expected an object, got a list of 1 item']
  ])('%j against %j', (expected, actual, difference) => {
    expect(firstDifference(expected, actual, 'output')).toBe(difference);
  });

  it('chat: in order, same length, each key given matched', () => {
    const posted = [msg('finance', 'Big invoice A'), msg('finance', 'Big invoice C')];
    expect(chatDifference([{ channel: 'finance', text_contains: 'A' }, { text: 'Big invoice C' }], posted)).toBeUndefined();
    expect(chatDifference([{ channel: '#finance' }, {}], posted)).toBeUndefined();
    expect(chatDifference([{ text_contains: 'C' }, { text_contains: 'A' }], posted)).toBe('chat[0].text: expected it to contain "C", got "Big invoice A"');
    expect(chatDifference([{}], posted)).toBe('chat: expected 1 message, got 2 (#finance: "Big invoice A"; #finance: "Big invoice C")');
    expect(chatDifference([{ channel: 'ops' }], [posted[0]])).toBe('chat[0].channel: expected "ops", got "finance"');
  });
});
