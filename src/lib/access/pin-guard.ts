/**
 * A PIN tried against its stored hash, slowed per subject (the policy's lock, a person) with the count
 * kept in the `governance` table, so a reload does not give the free tries back.
 */
import { GovernanceError } from './governance-error';
import { verifyPin } from './pin';
import { afterWrong, FREE_TRIES, msToWait, NO_ATTEMPTS, PinAttemptsSchema } from './pin-attempts';
import type { PinHash, SousDb } from '../store/db';

export interface PinCheckOptions {
  now?: () => Date;
}

/**
 * Check `pin` against `stored`, slowed per subject (the lock, a person): past the free tries each wrong
 * one must wait, and while it waits even the right PIN is refused, so guessing gains nothing by speed.
 */
export async function checkPin(db: SousDb, subject: string, pin: string, stored: PinHash, options: PinCheckOptions = {}): Promise<void> {
  const key = `pin_attempts:${subject}`;
  const now = (options.now?.() ?? new Date()).getTime();
  const read = PinAttemptsSchema.safeParse((await db.governance.get(key))?.value);
  const attempts = read.success ? read.data : NO_ATTEMPTS;
  const wait = msToWait(attempts, now);
  if (wait > 0) throw new GovernanceError('pin_wait', { seconds: Math.ceil(wait / 1000) });
  if (await verifyPin(pin, stored)) {
    if (attempts.failures > 0) await db.governance.delete(key);
    return;
  }
  const next = afterWrong(attempts, now);
  await db.governance.put({ key, value: next });
  const left = Math.max(0, FREE_TRIES - next.failures);
  if (left === 0) throw new GovernanceError('pin_wait', { seconds: Math.ceil(msToWait(next, now) / 1000) });
  throw new GovernanceError('pin_wrong', { left });
}

