import { describe, expect, it } from 'vitest';
import { directConversationId } from '../../store/conversations';
import { chatHref } from './chat-link';
import { WORDS } from './lang';

describe('chat links', () => {
  it.each([
    [directConversationId('erp-genie'), '/chat?agent=erp-genie'],
    ['channel:1234', '/chat?conversation=channel%3A1234']
  ])('%s opens at %s', (id, href) => expect(chatHref(id)).toBe(href));
});

describe('words', () => {
  it('Korean has every English entry', () => {
    expect(Object.keys(WORDS.ko).sort()).toEqual(Object.keys(WORDS.en).sort());
    expect(WORDS.ko.useTemplate).toBe('템플릿 사용');
    expect(WORDS.en.useTemplate).toBe('Use template');
  });
});
