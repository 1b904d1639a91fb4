import { describe, expect, it } from 'vitest';
import { directConversationId } from '../../store/conversations';
import { chatHref } from './chat-link';
import { tIn } from '../../i18n';

describe('chat links', () => {
  it.each([
    [directConversationId('erp-genie'), '/chat?agent=erp-genie'],
    ['channel:1234', '/chat?conversation=channel%3A1234']
  ])('%s opens at %s', (id, href) => expect(chatHref(id)).toBe(href));
});

describe('words (in the i18n catalogue, which checks both languages have every key)', () => {
  it('keeps the stable label and its Korean twin', () => {
    expect(tIn('ko', 'agents:templates.useTemplate')).toBe('템플릿 사용');
    expect(tIn('en', 'agents:templates.useTemplate')).toBe('Use template');
    expect(tIn('ko', 'agents:import.keepBoth')).toBe('둘 다 유지');
    expect(tIn('ko', 'agents:import.replace')).toBe('바꾸기');
  });
});
