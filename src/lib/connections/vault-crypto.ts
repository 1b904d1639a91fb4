/**
 * Encryption of connection secrets at rest, with WebCrypto only: AES-GCM with a fresh 96-bit IV for every
 * seal, under a key derived from the person's passphrase (PBKDF2-SHA256, 600,000 iterations, as OWASP
 * advises) or a non-extractable device key kept in IndexedDB. Keys are never extractable, so no code of
 * ours (or a script injected into the page) can read the raw key, only use it.
 */
import { z } from 'zod';

export const PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;
const SALT_BYTES = 16;

export const SealedSchema = z.object({
  /** Base64 of the 12-byte IV. */
  iv: z.string(),
  /** Base64 of the AES-GCM ciphertext with its tag. */
  ct: z.string()
});
export type Sealed = z.infer<typeof SealedSchema>;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The key for a passphrase; slow on purpose (PBKDF2), so guessing passphrases is slow too. */
export async function keyFromPassphrase(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new Error('the passphrase is empty');
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt']
  );
}

/** A random key that never leaves this browser: for people who choose no passphrase. */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, plaintext: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Throws WrongKeyError when the key is not the one that sealed it (or the data was changed). */
export async function open(key: CryptoKey, sealed: Sealed): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.ct));
    return new TextDecoder().decode(plain);
  } catch {
    throw new WrongKeyError();
  }
}

export class WrongKeyError extends Error {
  constructor() {
    super('the passphrase is not right (or the stored secret was damaged)');
    this.name = 'WrongKeyError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
