/** The effect words exist in English and Korean and list what writes. */
import { describe, expect, it } from 'vitest';
import { actionEffectWords, recipeEffectWords, uiLang } from './effect-words';

describe('effect words', () => {
  it.each([
    [['ko-KR', 'en'], 'ko'],
    [['ko'], 'ko'],
    [['en-US', 'ko'], 'en'],
    [[], 'en'],
    [undefined, 'en']
  ] as const)('languages %j give %s', (languages, lang) => {
    expect(uiLang(languages)).toBe(lang);
  });

  it.each([
    ['en', 'Reads only', 'Changes data'],
    ['ko', '읽기만 함', '데이터 변경']
  ] as const)('%s: a recipe that reads and one that writes, with the writes in the tooltip', (lang, read, write) => {
    expect(recipeEffectWords({ effect: 'read', idempotent: true, writes: [] }, lang).label).toBe(read);
    const words = recipeEffectWords({ effect: 'write', idempotent: false, writes: ['sandbox.erp.vendors.create', 'b: chat.post'] }, lang);
    expect(words.label).toBe(write);
    expect(words.tip).toContain('sandbox.erp.vendors.create, b: chat.post');
  });

  it.each([
    [{ effect: 'read', idempotent: true }, 'en', 'reads', 'safe to repeat'],
    [{ effect: 'write', idempotent: false }, 'en', 'writes', 'not safe to repeat'],
    [{ effect: 'write', idempotent: false, effectOf: () => 'read' }, 'en', 'reads or writes', 'Depends on the step: a GET reads, a POST writes.'],
    [{ effect: 'read', idempotent: true }, 'ko', '읽기', '반복해도 안전'],
    [{ effect: 'write', idempotent: true }, 'ko', '쓰기', '반복해도 안전']
  ] as const)('action %j in %s', (action, lang, label, tip) => {
    expect(actionEffectWords(action, lang)).toEqual({ label, tip });
  });
});
