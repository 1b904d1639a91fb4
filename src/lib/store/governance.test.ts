import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { GovernanceError } from '../access/governance-error';
import { TEST_PIN_COST } from '../access/pin';
import type { Policy } from '../policy/schema';
import { clearPolicy, lockPolicy, readPolicy, readPolicyLock, setPolicy, unlockPolicy } from './governance';
import { addPerson, NotAllowedError, switchPerson } from './people';
import { freshDb } from './test-db';

const RULES: Policy = { format: 'sous.policy/v1', name: 'Workshop rules', connectors: { deny: ['http'] } };
const OTHER: Policy = { format: 'sous.policy/v1', name: 'Other rules' };
const fast = { cost: TEST_PIN_COST };

async function refusal(work: Promise<unknown>): Promise<GovernanceError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e
  );
  if (!(err instanceof GovernanceError)) throw new Error(`expected a GovernanceError, got ${String(err)}`);
  return err;
}

describe('the policy in the store', () => {
  it('is set, replaced and cleared by the owner while nothing is locked', async () => {
    const db = freshDb();
    expect(await readPolicy(db)).toBeNull();
    await setPolicy(db, RULES);
    expect((await readPolicy(db))?.policy).toEqual(RULES);
    expect((await readPolicy(db))?.set_by.id).toBe('owner');
    await setPolicy(db, OTHER);
    expect((await readPolicy(db))?.policy.name).toBe('Other rules');
    await clearPolicy(db);
    expect(await readPolicy(db)).toBeNull();
  });

  it('once locked, cannot be replaced or cleared without the PIN; the right PIN works', async () => {
    const db = freshDb();
    await setPolicy(db, RULES);
    await lockPolicy(db, '2468', fast);
    expect((await readPolicyLock(db))?.pin.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await refusal(setPolicy(db, OTHER))).code).toBe('policy_locked');
    expect((await refusal(clearPolicy(db))).code).toBe('policy_locked');
    const wrong = await refusal(setPolicy(db, OTHER, '1111'));
    expect([wrong.code, wrong.params, wrong.message]).toEqual(['pin_wrong', { left: 4 }, 'That PIN is not right (4 tries before a wait).']);
    expect((await readPolicy(db))?.policy.name).toBe('Workshop rules');
    await setPolicy(db, OTHER, '2468');
    expect((await readPolicy(db))?.policy.name).toBe('Other rules');
    expect(await readPolicyLock(db)).not.toBeNull(); // replacing keeps the lock
    await clearPolicy(db, '2468');
    expect(await readPolicy(db)).toBeNull();
    expect(await readPolicyLock(db)).toBeNull();
  });

  it('after five wrong PINs even the right one waits, and the wait ends', async () => {
    const db = freshDb();
    let now = Date.parse('2026-12-07T10:00:00Z');
    const clock = { ...fast, now: () => new Date(now) };
    await setPolicy(db, RULES);
    await lockPolicy(db, '2468', clock);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await refusal(unlockPolicy(db, '0000', clock))).code);
    expect(codes).toEqual(['pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_wait']);
    const waiting = await refusal(unlockPolicy(db, '2468', clock));
    expect([waiting.code, waiting.params]).toEqual(['pin_wait', { seconds: 30 }]);
    now += 30_000;
    await unlockPolicy(db, '2468', clock);
    expect(await readPolicyLock(db)).toBeNull();
  });

  it('lock needs a policy, a PIN of digits and no lock already', async () => {
    const db = freshDb();
    expect((await refusal(lockPolicy(db, '2468', fast))).code).toBe('no_policy');
    await setPolicy(db, RULES);
    expect((await refusal(lockPolicy(db, '12', fast))).code).toBe('pin_short');
    expect((await refusal(lockPolicy(db, 'abcd', fast))).code).toBe('pin_digits');
    await lockPolicy(db, '2468', fast);
    expect((await refusal(lockPolicy(db, '1357', fast))).code).toBe('already_locked');
    expect((await refusal(unlockPolicy(freshDb(), '2468', fast))).code).toBe('not_locked');
  });

  it('only a role with the policy permission may touch it', async () => {
    const db = freshDb();
    await addPerson(db, { name: 'Ana', role: 'admin', pin: '1111' }, fast);
    const kim = await addPerson(db, { name: 'Kim', role: 'builder' }, fast);
    await setPolicy(db, RULES);
    await switchPerson(db, kim.id);
    const err = await setPolicy(db, OTHER).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotAllowedError);
    expect((err as Error).message).toBe('A builder may not change the policy: ask an admin to switch to someone who may.');
    await expect(clearPolicy(db)).rejects.toBeInstanceOf(NotAllowedError);
    expect((await readPolicy(db))?.policy.name).toBe('Workshop rules');
  });
});

describe('governance on the audit trail', () => {
  it('records policy.set, lock, unlock and clear, never the PIN', async () => {
    const db = freshDb();
    await setPolicy(db, RULES);
    await lockPolicy(db, '2468', fast);
    await unlockPolicy(db, '2468', fast);
    await clearPolicy(db);
    const rows = await db.audit.orderBy('seq').toArray();
    expect(rows.map((r) => r.action)).toEqual(['policy.set', 'policy.lock', 'policy.unlock', 'policy.clear']);
    expect(JSON.stringify(rows)).not.toContain('2468');
  });
});
