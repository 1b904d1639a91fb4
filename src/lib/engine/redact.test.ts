import { describe, expect, it } from 'vitest';
import { redactText } from './redact';

const conn = { username: 'ann', password: 'p@ss word/1', token: 'tok-123456', kind: 'bot' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('redactText: a connection secret is blanked as written and as it travels', () => {
  it.each([
    ['as written', `refused tok-123456`],
    ['URL-encoded', `GET /x?key=${encodeURIComponent('p@ss word/1')}`],
    ['base64', `token ${b64('tok-123456')}`],
    ['basic auth header', `authorization: Basic ${b64('ann:p@ss word/1')}`]
  ])('%s', (_name, text) => {
    const out = redactText(text, conn);
    expect(out).toContain('••••');
    for (const s of ['tok-123456', 'p@ss word/1', encodeURIComponent('p@ss word/1'), b64('ann:p@ss word/1'), b64('tok-123456')]) expect(out).not.toContain(s);
  });

  it('pairs a public user name with a secret for basic auth, without blanking the name itself', () => {
    const out = redactText(`Basic ${b64('ann-lee:pw-9876')} for ann-lee`, { password: 'pw-9876' }, ['ann-lee']);
    expect(out).toBe('Basic •••• for ann-lee');
  });

  it('keeps other text and short values (which would blank ordinary words)', () => {
    expect(redactText('the bot answered 401 for ann', conn)).toBe('the bot answered 401 for ann');
    expect(redactText('anything', undefined)).toBe('anything');
  });
});
