/**
 * The vault: locked until unlocked with the passphrase (or the device key), then it seals and opens
 * connection secrets. A check value sealed at set-up tells a wrong passphrase from a right one without
 * storing anything that reveals it.
 */
import { z } from 'zod';
import { SealedSchema, keyFromPassphrase, newDeviceKey, newSalt, open, seal, fromBase64, toBase64, PBKDF2_ITERATIONS, type Sealed } from './vault-crypto';

const CHECK = 'sous-vault-check';

/** What is stored about the vault (never the key, except a non-extractable device key). */
export const VaultRecordSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('passphrase'), salt: z.string(), iterations: z.number().int().min(100_000), check: SealedSchema }),
  z.object({ mode: z.literal('device'), key: z.custom<CryptoKey>((v) => typeof CryptoKey !== 'undefined' && v instanceof CryptoKey), check: SealedSchema })
]);
export type VaultRecord = z.infer<typeof VaultRecordSchema>;

export class VaultLockedError extends Error {
  constructor() {
    super('connections are locked: unlock them with your passphrase first');
    this.name = 'VaultLockedError';
  }
}

export class Vault {
  private key: CryptoKey | null = null;

  /** Set up a new vault; the record is what to store. */
  static async create(passphrase: string | null): Promise<{ vault: Vault; record: VaultRecord }> {
    const vault = new Vault();
    if (passphrase === null) {
      const key = await newDeviceKey();
      vault.key = key;
      return { vault, record: { mode: 'device', key, check: await seal(key, CHECK) } };
    }
    const salt = newSalt();
    const key = await keyFromPassphrase(passphrase, salt);
    vault.key = key;
    return { vault, record: { mode: 'passphrase', salt: toBase64(salt), iterations: PBKDF2_ITERATIONS, check: await seal(key, CHECK) } };
  }

  get unlocked(): boolean {
    return this.key !== null;
  }

  /** Unlock with the passphrase (or, for a device vault, without one). Throws WrongKeyError. */
  async unlock(record: VaultRecord, passphrase?: string): Promise<void> {
    const key = record.mode === 'device' ? record.key : await keyFromPassphrase(passphrase ?? '', fromBase64(record.salt), record.iterations);
    await open(key, record.check);
    this.key = key;
  }

  lock(): void {
    this.key = null;
  }

  async seal(secrets: Record<string, string>): Promise<Sealed> {
    if (!this.key) throw new VaultLockedError();
    return seal(this.key, JSON.stringify(secrets));
  }

  async open(sealed: Sealed): Promise<Record<string, string>> {
    if (!this.key) throw new VaultLockedError();
    return JSON.parse(await open(this.key, sealed)) as Record<string, string>;
  }
}
