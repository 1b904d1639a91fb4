/**
 * A PIN as the studio keeps it: a salted scrypt hash (@noble/hashes, audited), never the PIN itself. A
 * four-digit PIN is weak against someone who copies the database, so scrypt's cost is what protects it;
 * the wait after wrong tries (pin-attempts.ts) is what protects it at the keyboard.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { PinHash } from '../store/db';

export const PIN_KDF = 'scrypt';

/** scrypt's cost: 2^15 × 8 blocks of 128 bytes, 32 MB and about a tenth of a second in a browser. */
export interface PinCost {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_PIN_COST: PinCost = { N: 2 ** 15, r: 8, p: 1 };
/** For tests only: the same hash, cheap enough to make hundreds of. */
export const TEST_PIN_COST: PinCost = { N: 2 ** 4, r: 8, p: 1 };

const DK_LEN = 32;

/** A PIN is 4 to 12 digits; the words for a bad one are the caller's (`pinProblem`). */
export function pinProblem(pin: string): 'pin_short' | 'pin_digits' | undefined {
  if (!/^\d*$/.test(pin)) return 'pin_digits';
  if (pin.length < 4 || pin.length > 12) return 'pin_short';
  return undefined;
}

export async function hashPin(pin: string, cost: PinCost = DEFAULT_PIN_COST): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await scryptAsync(new TextEncoder().encode(pin), salt, { ...cost, dkLen: DK_LEN });
  return { kdf: PIN_KDF, salt: bytesToHex(salt), hash: bytesToHex(hash), params: { ...cost, dkLen: DK_LEN } };
}

/** Whether `pin` is the one `stored` was made from, compared in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.kdf !== PIN_KDF) return false;
  const { N, r, p, dkLen } = stored.params;
  if (![N, r, p, dkLen].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = hexToBytes(stored.hash);
  const got = await scryptAsync(new TextEncoder().encode(pin), hexToBytes(stored.salt), { N, r, p, dkLen });
  return constantTimeEqual(got, expected);
}

/** Equal bytes, without leaving early at the first difference (so timing says nothing of where it is). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
