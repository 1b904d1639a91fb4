import { describe, expect, it } from 'vitest';
import { approvalChoice } from './approval';

describe('approvalChoice', () => {
  it.each([
    ['approve', null, ['approve', 'reject'], 'approve'],
    ['Approve.', null, ['approve', 'reject'], 'approve'],
    ['reject', null, ['approve', 'reject'], 'reject'],
    ['승인', null, ['approve', 'reject'], 'approve'],
    ['승인해 주세요', null, ['approve', 'reject'], 'approve'],
    ['거절', null, ['approve', 'reject'], 'reject'],
    ['반려', null, ['approve', 'reject'], 'reject'],
    ['yes', 'yes', ['approve', 'reject'], 'approve'],
    ['no', 'no', ['approve', 'reject'], 'reject'],
    ['hold', null, ['pay', 'hold'], 'hold'],
    ['2', null, ['pay', 'hold'], 'hold'],
    ['approve', null, ['pay', 'hold'], undefined],
    ['maybe later', null, ['approve', 'reject'], undefined]
  ] as const)('%s → %s', (text, reply, choices, expected) => {
    expect(approvalChoice(text, reply, [...choices])).toBe(expected);
  });
});
