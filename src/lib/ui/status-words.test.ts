/** A status reads as the word in the studio's language, with the machine word beside it where they differ. */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import { JOB_STATUSES, STEP_STATUSES } from '../recipe';
import { statusText, statusWord } from './status-words';

afterEach(() => setLocale('en'));

describe('status words', () => {
  it.each([
    ['en', 'succeeded', 'succeeded', 'succeeded'],
    ['en', 'failed', 'failed', 'failed'],
    ['ko', 'succeeded', '성공', '성공 succeeded'],
    ['ko', 'failed', '실패', '실패 failed'],
    ['ko', 'waiting', '기다리는 중', '기다리는 중 waiting'],
    ['ko', 'skipped', '건너뜀', '건너뜀 skipped']
  ] as const)('%s: %s reads %s, in a sentence %s', (lang, status, word, text) => {
    setLocale(lang);
    expect(statusWord(status)).toBe(word);
    expect(statusText(status)).toBe(text);
  });

  it('every job and step status has a Korean word and keeps its machine word', () => {
    setLocale('ko');
    for (const status of new Set([...JOB_STATUSES, ...STEP_STATUSES])) {
      expect(statusWord(status)).toMatch(/[\uac00-\ud7a3]/);
      expect(statusText(status).endsWith(` ${status}`)).toBe(true);
    }
  });
});
