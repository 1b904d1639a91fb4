import { describe, expect, it } from 'vitest';
import { Redactor } from './redactor';

const SECRET = 'tok-8f3a"q/\\+é 9z';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('Redactor: a secret is blanked in each form a server echoes it', () => {
  const r = new Redactor([SECRET, SECRET + '\u001f'], ['ann']);
  it.each([
    ['as written', SECRET],
    ['JSON.stringify', JSON.stringify(SECRET).slice(1, -1)],
    ['JSON with \\/', JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON, non-ASCII as \\u (Python)', JSON.stringify(SECRET).slice(1, -1).replace('é', '\\u00e9')],
    ['JSON, PHP', JSON.stringify(SECRET).slice(1, -1).replace('é', '\\u00e9').replace(/\//g, '\\/')],
    ['JSON, upper hex', JSON.stringify(SECRET).slice(1, -1).replace('é', '\\u00E9')],
    ['JSON, Jackson (control characters in upper hex)', JSON.stringify(SECRET + '\u001f').slice(1, -1).replace('001f', '001F')],
    ['JSON in JSON', JSON.stringify(JSON.stringify(SECRET)).slice(3, -3)],
    ['encodeURIComponent', encodeURIComponent(SECRET)],
    ['lower-case hex', encodeURIComponent(SECRET).toLowerCase().replace(/tok-8f3a/, 'tok-8f3a')],
    ['form body', new URLSearchParams({ k: SECRET }).toString().slice(2)],
    ["PHP's urlencode", encodeURIComponent(SECRET).replace(/%20/g, '+')],
    ['encoded twice', encodeURIComponent(encodeURIComponent(SECRET))],
    ['base64', b64(SECRET)],
    ['base64url', Buffer.from(SECRET).toString('base64url')],
    ['basic auth', b64(`ann:${SECRET}`)],
    ['HTML', SECRET.replace(/"/g, '&quot;')]
  ])('%s', (_name, form) => {
    const out = r.text(`{"error":"bad key ${form} (sent ${form})"}`);
    expect(out).toBe('{"error":"bad key •••• (sent ••••)"}');
  });

  it.each([
    ['before a cut', `… key ${SECRET.slice(0, 9)}…`, '… key ••••…'],
    ['at the end of a text', `key ${encodeURIComponent(SECRET).slice(0, 12)}`, 'key ••••'],
    ['after a cut', `…${SECRET.slice(5)} was wrong`, '…•••• was wrong'],
    ['shorter than a piece worth blanking', `key tok-8…`, 'key tok-8…']
  ])('the piece of one %s', (_name, text, expected) => {
    expect(r.text(text)).toBe(expected);
  });

  it('blanks strings and keys deep in data, and shares the parts with nothing to blank', () => {
    const untouched = { list: [1, 2, { a: 'b' }] };
    const value = { headers: { 'x-echo': b64(SECRET) }, body: { [SECRET]: [`key=${encodeURIComponent(SECRET)}`] }, untouched };
    const out = r.deep(value);
    expect(out).toEqual({ headers: { 'x-echo': '••••' }, body: { '••••': ['key=••••'] }, untouched });
    expect(out.untouched).toBe(untouched);
    expect(r.deep(untouched)).toBe(untouched);
  });

  it('keeps ordinary text, short values and the public user name', () => {
    const short = new Redactor(['bot', 'pw-1234'], ['ann']);
    expect(short.text('the bot answered 401 for ann')).toBe('the bot answered 401 for ann');
    expect(new Redactor([]).empty).toBe(true);
    expect(r.text('lorem ipsum dolor… sit amet')).toBe('lorem ipsum dolor… sit amet');
  });

  it('blanks the value as a trimming server echoes it', () => {
    expect(new Redactor(['  spaced-token  ']).text('got spaced-token')).toBe('got ••••');
  });
});
