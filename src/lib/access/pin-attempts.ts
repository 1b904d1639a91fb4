/**
 * Wrong PINs are slowed: the first few are free (a typo), then each try must wait, longer each time. Pure:
 * the store keeps the count (so a reload does not reset it) and passes the clock.
 */
import { z } from 'zod';

export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

export const PinAttemptsSchema = z.object({ failures: z.number().int().min(0), last_at: z.number() });
export type PinAttempts = z.infer<typeof PinAttemptsSchema>;

export const NO_ATTEMPTS: PinAttempts = { failures: 0, last_at: 0 };

/** How long after the last wrong try the next may be made: none for the first five, then 30 s doubling to 15 min. */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES));
}

/** Milliseconds still to wait before a PIN may be tried at `now` (0: try now). */
export function msToWait(attempts: PinAttempts, now: number): number {
  return Math.max(0, attempts.last_at + waitAfter(attempts.failures) - now);
}

export function afterWrong(attempts: PinAttempts, now: number): PinAttempts {
  return { failures: attempts.failures + 1, last_at: now };
}
