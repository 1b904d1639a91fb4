/**
 * The workspace's policy (a `sous.policy/v1` file) and its PIN lock, kept in the `governance` table. Only
 * a person whose role has the `policy` permission sets, locks or clears it; once locked, replacing or
 * clearing it needs the PIN, and wrong PINs are slowed (src/lib/access/pin-attempts.ts).
 */
import { z } from 'zod';
import { GovernanceError } from '../access/governance-error';
import { DEFAULT_PIN_COST, hashPin, pinProblem, type PinCost } from '../access/pin';
import { checkPin, type PinCheckOptions } from '../access/pin-guard';
import { ActorSchema } from '../audit/schema';
import { PolicySchema, type Policy } from '../policy/schema';
import { PinHashSchema, type SousDb } from './db';
import { assertMay, recordGovernance } from './people';

const POLICY_KEY = 'policy';
const LOCK_KEY = 'policy_lock';

export const StoredPolicySchema = z.object({ policy: PolicySchema, set_at: z.string(), set_by: ActorSchema });
export type StoredPolicy = z.infer<typeof StoredPolicySchema>;
export const PolicyLockSchema = z.object({ pin: PinHashSchema, locked_at: z.string(), locked_by: ActorSchema });
export type PolicyLock = z.infer<typeof PolicyLockSchema>;

export interface GovernanceOptions extends PinCheckOptions {
  /** scrypt's cost for a new PIN (tests pass a cheap one). */
  cost?: PinCost;
}

/** The policy in force, or null; a row that no longer reads as a policy counts as none (and is said in the UI). */
export async function readPolicy(db: SousDb): Promise<StoredPolicy | null> {
  const parsed = StoredPolicySchema.safeParse((await db.governance.get(POLICY_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

export async function readPolicyLock(db: SousDb): Promise<PolicyLock | null> {
  const parsed = PolicyLockSchema.safeParse((await db.governance.get(LOCK_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** Import (or replace) the policy; a locked one needs its PIN. */
export async function setPolicy(db: SousDb, policy: Policy, pin?: string, options: GovernanceOptions = {}): Promise<StoredPolicy> {
  const actor = await assertMay(db, 'policy');
  await passLock(db, pin, options);
  const stored: StoredPolicy = { policy, set_at: nowOf(options).toISOString(), set_by: actor };
  await db.governance.put({ key: POLICY_KEY, value: stored });
  await recordGovernance(db, { action: 'policy.set', target: { kind: 'policy', id: policy.name }, detail: { name: policy.name } });
  return stored;
}

/** Remove the policy (and its lock); a locked one needs its PIN. */
export async function clearPolicy(db: SousDb, pin?: string, options: GovernanceOptions = {}): Promise<void> {
  await assertMay(db, 'policy');
  await passLock(db, pin, options);
  const name = (await readPolicy(db))?.policy.name ?? '';
  await db.governance.bulkDelete([POLICY_KEY, LOCK_KEY]);
  await recordGovernance(db, { action: 'policy.clear', target: { kind: 'policy', id: name }, detail: {} });
}

export async function lockPolicy(db: SousDb, pin: string, options: GovernanceOptions = {}): Promise<void> {
  const actor = await assertMay(db, 'policy');
  const stored = await readPolicy(db);
  if (!stored) throw new GovernanceError('no_policy');
  if (await readPolicyLock(db)) throw new GovernanceError('already_locked');
  const problem = pinProblem(pin);
  if (problem) throw new GovernanceError(problem);
  const lock: PolicyLock = { pin: await hashPin(pin, options.cost ?? DEFAULT_PIN_COST), locked_at: nowOf(options).toISOString(), locked_by: actor };
  await db.governance.put({ key: LOCK_KEY, value: lock });
  await recordGovernance(db, { action: 'policy.lock', target: { kind: 'policy', id: stored.policy.name }, detail: {} });
}

export async function unlockPolicy(db: SousDb, pin: string, options: GovernanceOptions = {}): Promise<void> {
  await assertMay(db, 'policy');
  const lock = await readPolicyLock(db);
  if (!lock) throw new GovernanceError('not_locked');
  await checkPin(db, LOCK_KEY, pin, lock.pin, options);
  await db.governance.delete(LOCK_KEY);
  await recordGovernance(db, { action: 'policy.unlock', target: { kind: 'policy', id: (await readPolicy(db))?.policy.name ?? '' }, detail: {} });
}

/** Nothing when the policy is not locked; else the PIN must be given and right. */
async function passLock(db: SousDb, pin: string | undefined, options: GovernanceOptions): Promise<void> {
  const lock = await readPolicyLock(db);
  if (!lock) return;
  if (pin === undefined || pin === '') throw new GovernanceError('policy_locked');
  await checkPin(db, LOCK_KEY, pin, lock.pin, options);
}

function nowOf(options: GovernanceOptions): Date {
  return options.now?.() ?? new Date();
}
