/** A write refused for lack of space reads the same, in the person's language, wherever it is shown. */
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { fixedT } from '../../i18n/translator';
import { StorageFullError } from '../../store/storage-errors';
import { errorTextWith, problemTextWith } from './problem-text';

const en = fixedT('en');
const ko = fixedT('ko');
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const full = new StorageFullError('the table rows', quota());
// What the page gets from the worker: the message only, the class lost on the way.
const fromWorker = new Error(`job j-1 stopped: could not save the job's progress: ${new StorageFullError('step a of job j-1', quota()).message}`);

describe('the storage-full message on screen', () => {
  it.each([
    ['the store\'s StorageFullError', full, 'the table rows'],
    ['its message inside another, from the worker', fromWorker, 'step a of job j-1'],
    ['the bare browser error', quota(), 'this'],
    ["Dexie's own", new Dexie.QuotaExceededError('full'), 'this']
  ])('%s', (_name, err, what) => {
    expect(errorTextWith(en, err)).toBe(
      `The browser's storage for Sous is full, so ${what} could not be saved. Everything saved before is still there; free some space (delete old jobs, or other sites' data) and try again.`
    );
    expect(errorTextWith(ko, err)).toBe(
      `브라우저에서 Sous가 쓰는 저장 공간이 가득 차서 저장하지 못했습니다(${what === 'this' ? '이 항목' : what}). 전에 저장한 것은 모두 그대로 있습니다. 공간을 비운 뒤(오래된 작업을 지우거나 다른 사이트의 데이터 삭제) 다시 시도하세요.`
    );
  });

  it('leaves every other error as it is', () => {
    expect(errorTextWith(ko, new Error('no recipe "x"'))).toBe('no recipe "x"');
    expect(errorTextWith(en, 'plain words')).toBe('plain words');
    expect(errorTextWith(en, { message: 'a plain object' })).toBe('a plain object');
  });

  it('is what the background-problems banner says too', () => {
    expect(problemTextWith(ko, fromWorker.message)).toBe(errorTextWith(ko, new StorageFullError('step a of job j-1', quota())));
    expect(problemTextWith(ko, { message: full.message })).toBe(errorTextWith(ko, full));
  });
});
