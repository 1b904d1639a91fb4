import { describe, expect, it } from 'vitest';
import { Vault, VaultLockedError } from './vault';
import { PBKDF2_ITERATIONS, WrongKeyError, fromBase64, keyFromPassphrase, newSalt, open, seal } from './vault-crypto';

const MARKER = 'sk-live-CANARY-7f3a9c';

describe('vault crypto', () => {
  it('derives keys with PBKDF2-SHA256 at 600,000 iterations or more', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('seals with a fresh IV each time, so the same secret never looks the same twice', async () => {
    const key = await keyFromPassphrase('correct horse', newSalt(), 1000);
    const a = await seal(key, MARKER);
    const b = await seal(key, MARKER);
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toContain(MARKER);
    expect(await open(key, a)).toBe(MARKER);
  });

  it('refuses a wrong key and a changed ciphertext', async () => {
    const salt = newSalt();
    const sealed = await seal(await keyFromPassphrase('right', salt, 1000), MARKER);
    await expect(open(await keyFromPassphrase('wrong', salt, 1000), sealed)).rejects.toThrow(WrongKeyError);
    const bytes = fromBase64(sealed.ct);
    bytes[0] ^= 1;
    const changed = { ...sealed, ct: btoa(String.fromCharCode(...bytes)) };
    await expect(open(await keyFromPassphrase('right', salt, 1000), changed)).rejects.toThrow(WrongKeyError);
  });

  it('keys cannot be exported', async () => {
    const key = await keyFromPassphrase('pass', newSalt(), 1000);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

describe('the vault', () => {
  it('with a passphrase: locked until the right passphrase unlocks it', async () => {
    const { vault, record } = await Vault.create('open sesame');
    const sealed = await vault.seal({ token: MARKER });
    expect(JSON.stringify(record)).not.toContain('open sesame');

    const later = new Vault();
    await expect(later.open(sealed)).rejects.toThrow(VaultLockedError);
    await expect(later.unlock(record, 'open sesam')).rejects.toThrow(WrongKeyError);
    expect(later.unlocked).toBe(false);
    await later.unlock(record, 'open sesame');
    expect(await later.open(sealed)).toEqual({ token: MARKER });
    later.lock();
    await expect(later.seal({ a: 'b' })).rejects.toThrow(VaultLockedError);
  }, 30_000);

  it('without a passphrase: a non-extractable device key', async () => {
    const { vault, record } = await Vault.create(null);
    expect(record.mode).toBe('device');
    const sealed = await vault.seal({ password: MARKER });
    const later = new Vault();
    await later.unlock(record);
    expect(await later.open(sealed)).toEqual({ password: MARKER });
  });
});
