/** The failure hints in both languages, and the plain form PlainError shows (English wording: explain-hints.test.ts). */
import { describe, expect, it } from 'vitest';
import { adviseBasic, hintFor, plainAdvice, type FailureFacts, type HintKey } from './failure-hints';

const HANGUL = /[\uac00-\ud7a3]/;

/** One failure a person meets for each hint, the ones the studio must say plainly among them. */
const CASES: Array<[HintKey, FailureFacts]> = [
  ['needs_model', { step: 'write', code: 'needs_model', message: 'Writing text needs an on-device model' }],
  ['model', { step: 'write', code: 'model_invalid_answer', message: 'not valid after 2 repairs' }],
  ['approval_timeout', { step: 'ok', code: 'approval_timeout', message: 'no answer in 1d' }],
  ['call', { step: 'sub', code: 'call_failed', message: 'recipe "broken" failed' }],
  ['vault_locked', { step: 'erp', code: 'connection', message: 'connection "erp": the vault is locked' }],
  ['unreachable', { step: 'fetch', code: 'proxy_upstream_unreachable', message: 'could not reach 127.0.0.1:9 (ECONNREFUSED)' }],
  ['unreachable', { step: 'fetch', code: 'proxy_timeout', message: 'no complete answer from x.test within 30000 ms' }],
  ['proxy_rate_limited', { step: 'fetch', code: 'proxy_rate_limited', message: 'slow down' }],
  ['too_large', { step: 'fetch', code: 'proxy_response_too_large', message: 'larger than the limit' }],
  ['forbidden_address', { step: 'fetch', code: 'proxy_forbidden_address', message: '10.0.0.5 is a private network address; the proxy does not reach it.' }],
  ['proxy_other', { step: 'fetch', code: 'proxy_bad_token', message: 'no token' }],
  ['not_allowed', { step: 'save', code: 'not_allowed', message: 'no' }],
  ['duplicate', { step: 'add', code: 'duplicate', message: 'a vendor "Acme" already exists' }],
  ['not_recipe', { step: null, message: 'line 1: unexpected "%"' }],
  ['not_set_up', { step: 'erp', message: 'connection "erp" is not set up: choose one on the Connections page' }],
  ['connection', { step: 'erp', code: 'connection', message: 'connection "erp" is not set up on this machine' }],
  ['input', { step: 'post', code: 'input', message: 'channel is required' }],
  ['items', { step: 'each', code: 'items', message: 'items must be a list' }],
  ['expression', { step: 'post', code: 'expression', message: 'expression "steps.x.y" is not valid' }],
  ['auth', { step: 'fetch', code: 'http_401', message: 'answered 401 Unauthorized' }],
  ['auth', { step: 'fetch', code: 'http_403', message: 'answered 403 Forbidden' }],
  ['not_found', { step: 'fetch', code: 'http_404', message: 'answered 404 Not Found' }],
  ['too_many', { step: 'fetch', code: 'http_429', message: 'answered 429' }],
  ['server', { step: 'fetch', code: 'http_502', message: 'answered 502 Bad Gateway' }],
  ['network', { step: 'fetch', code: 'timeout', message: 'no answer within 30000 ms' }],
  ['network', { step: 'fetch', message: 'TypeError: fetch failed' }],
  ['network', { step: 'fetch', message: 'connect ECONNREFUSED 127.0.0.1:8080' }],
  ['storage_full', { step: 'report', code: 'storage_full', message: "the browser's storage for Sous is full, so step report of job j could not be saved." }],
  ['storage_full', { step: null, message: "job j stopped: could not save the job's progress: the browser's storage for Sous is full, so the status of job j could not be saved." }],
  ['other', { step: 'x', code: 'boom', message: 'it broke' }]
];

describe('failure hints', () => {
  it.each(CASES)('%s: %o', (key, facts) => {
    expect(hintFor(facts)).toBe(key);
    const en = adviseBasic(facts, 'en');
    const ko = adviseBasic(facts, 'ko');
    expect(en.fixes.length).toBe(ko.fixes.length);
    for (const text of [ko.cause, ...ko.fixes]) expect(HANGUL.test(text), text).toBe(true);
    for (const text of [en.cause, ...en.fixes]) expect(HANGUL.test(text), text).toBe(false);
  });

  it('keeps the technical message in the copilot advice, and folds it away in the plain one', () => {
    const facts = CASES.find(([key]) => key === 'unreachable')![1];
    expect(adviseBasic(facts, 'en').cause).toBe('The step "fetch" could not reach the address it calls: could not reach 127.0.0.1:9 (ECONNREFUSED)');
    expect(plainAdvice(facts, 'en').cause).toBe('The step "fetch" could not reach the address it calls.');
    expect(plainAdvice(facts, 'ko').cause).toBe('"fetch" 단계이(가) 호출하는 주소에 연결하지 못했습니다.');
  });

  it('speaks English without a page, as the copilot always has', () => {
    expect(adviseBasic({ step: null, code: 'http_404', message: '404' })).toEqual({
      mode: 'basic',
      cause: 'The address a step called does not exist (404).',
      fixes: ['Check the URL and any id inside it; an earlier step may have given an empty id.']
    });
  });

  it('writes the braces of an expression as they are', () => {
    expect(adviseBasic({ step: 'p', code: 'expression', message: 'x' }, 'ko').fixes[0]).toContain('{{와 }} 사이');
    expect(adviseBasic({ step: 'p', code: 'expression', message: 'x' }, 'en').fixes[0]).toContain('between {{ and }}');
  });
});
