import { describe, expect, it } from 'vitest';
import { constantTimeEqual, hashPin, pinProblem, TEST_PIN_COST, verifyPin } from './pin';
import { afterWrong, msToWait, NO_ATTEMPTS, waitAfter } from './pin-attempts';

describe('PIN hash', () => {
  it('keeps a salted scrypt hash, never the PIN, and verifies only the right PIN', async () => {
    const a = await hashPin('4821', TEST_PIN_COST);
    const b = await hashPin('4821', TEST_PIN_COST);
    expect(a.kdf).toBe('scrypt');
    expect(JSON.stringify(a)).not.toContain('4821');
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.hash).not.toBe(b.hash); // a fresh salt each time
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
    expect(await verifyPin('4821', { ...a, kdf: 'md5' })).toBe(false);
    expect(await verifyPin('4821', { ...a, params: { ...a.params, N: 0 } })).toBe(false);
  });

  it('uses the cost it was made with, so a stored hash verifies after the default changes', async () => {
    const stored = await hashPin('0000', { N: 2 ** 5, r: 8, p: 1 });
    expect(stored.params).toEqual({ N: 32, r: 8, p: 1, dkLen: 32 });
    expect(await verifyPin('0000', stored)).toBe(true);
  });

  it.each([
    ['1234', undefined],
    ['123', 'pin_short'],
    ['1234567890123', 'pin_short'],
    ['12a4', 'pin_digits'],
    ['', 'pin_short']
  ])('PIN %j: %s', (pin, problem) => expect(pinProblem(pin)).toBe(problem));

  it('compares bytes of any content, lengths first', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
  });
});

describe('wrong PINs are slowed', () => {
  it('five free tries, then 30 s doubling to at most 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 20].map(waitAfter)).toEqual([0, 0, 30_000, 60_000, 120_000, 900_000]);
  });
  it('counts from the last wrong try', () => {
    let attempts = NO_ATTEMPTS;
    for (let i = 0; i < 5; i++) attempts = afterWrong(attempts, 1000);
    expect(msToWait(attempts, 1000)).toBe(30_000);
    expect(msToWait(attempts, 31_000)).toBe(0);
  });
});
