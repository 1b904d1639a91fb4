import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrubSecrets } from '../recipe';
import { mayHoldLiteralSecret } from './secret-scan';

// Every name recipe/export.ts's SECRET_KEY blanks, in the spellings it accepts.
const SECRET_NAMES = [
  'authorization', 'Proxy-Authorization', 'cookie', 'x-api-key', 'api-key', 'api_key', 'apikey', 'APIKEY', 'token',
  'x-auth-token', 'x-access-token', 'auth-token', 'auth_token', 'authtoken', 'access_token', 'accesstoken', 'refresh-token',
  'secret', 'client_secret', 'clientsecret', 'private-key', 'privatekey', 'password', 'passwd'
];

describe('mayHoldLiteralSecret', () => {
  it('says yes for every key name scrubSecrets blanks, at any depth', () => {
    for (const name of SECRET_NAMES) {
      const input = { headers: { [name]: 'tok-123456' } };
      expect(scrubSecrets(input).secrets.length, name).toBeGreaterThan(0);
      expect(mayHoldLiteralSecret(input), name).toBe(true);
      expect(mayHoldLiteralSecret([{ deep: [{ [name]: 'x' }] }]), name).toBe(true);
    }
  });

  it('says yes for an address, which may carry a password or a key', () => {
    expect(mayHoldLiteralSecret({ url: 'https://user:pw@example.com/' })).toBe(true);
    expect(mayHoldLiteralSecret({ list: ['ftp://example.com/?api_key=k'] })).toBe(true);
  });

  it('says no for a plain chat post, so the step keeps its input as it is', () => {
    expect(mayHoldLiteralSecret({ channel: 'bench', text: 'Total 110' })).toBe(false);
  });

  it('whenever it says no, scrubSecrets finds nothing and changes nothing', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('object')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...SECRET_NAMES, 'url', 'text')), tie('value'), { maxKeys: 4 })
    }));
    fc.assert(
      fc.property(json.object, (input) => {
        if (mayHoldLiteralSecret(input)) return;
        const { clean, secrets } = scrubSecrets(input);
        expect(secrets).toEqual([]);
        expect(clean).toEqual(input);
      }),
      { numRuns: 2000 }
    );
  });
});
