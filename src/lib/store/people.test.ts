import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { GovernanceError } from '../access/governance-error';
import { TEST_PIN_COST } from '../access/pin';
import { addPerson, assertMay, currentPerson, editPerson, listPeople, NotAllowedError, OWNER, removePerson, switchPerson } from './people';
import { freshDb } from './test-db';

const fast = { cost: TEST_PIN_COST };
const code = (work: Promise<unknown>) => work.then(() => 'ok', (e: unknown) => (e instanceof GovernanceError ? e.code : e instanceof NotAllowedError ? `not allowed: ${e.permission}` : String(e)));

describe('people and roles', () => {
  it('a studio nobody was added to is its owner, an admin who may do everything', async () => {
    const db = freshDb();
    expect(await currentPerson(db)).toEqual(OWNER);
    await expect(assertMay(db, 'policy')).resolves.toEqual(OWNER);
  });

  it('the first person must be an admin with a PIN, and then uses the studio', async () => {
    const db = freshDb();
    expect(await code(addPerson(db, { name: 'Kim', role: 'builder' }, fast))).toBe('first_admin');
    expect(await code(addPerson(db, { name: 'Ana', role: 'admin' }, fast))).toBe('admin_needs_pin');
    const ana = await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, fast);
    expect(JSON.stringify(ana)).not.toContain('1234');
    expect(await currentPerson(db)).toEqual({ id: ana.id, name: 'Ana', role: 'admin' });
  });

  it('a runner may run and answer, not edit, start, change connections, the policy or people', async () => {
    const db = freshDb();
    await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, fast);
    const lee = await addPerson(db, { name: 'Lee', role: 'runner' }, fast);
    await switchPerson(db, lee.id);
    for (const ok of ['run', 'answer'] as const) await expect(assertMay(db, ok)).resolves.toMatchObject({ name: 'Lee' });
    for (const no of ['edit', 'start', 'connections', 'policy', 'people'] as const) expect(await code(assertMay(db, no))).toBe(`not allowed: ${no}`);
    expect(await code(addPerson(db, { name: 'Max', role: 'runner' }, fast))).toBe('not allowed: people');
    const err = (await assertMay(db, 'edit').catch((e: unknown) => e)) as NotAllowedError;
    expect([err.message, err.key]).toEqual(['A runner may not edit recipes: ask an admin to switch to someone who may.', 'governance:notAllowed.edit']);
  });

  it('switching to a person with a PIN asks for it; a wrong one is refused and counted', async () => {
    const db = freshDb();
    const ana = await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, fast);
    const kim = await addPerson(db, { name: 'Kim', role: 'builder', pin: '5555' }, fast);
    expect(await code(switchPerson(db, kim.id))).toBe('pin_wrong');
    expect(await code(switchPerson(db, kim.id, '5556'))).toBe('pin_wrong');
    await switchPerson(db, kim.id, '5555');
    expect((await currentPerson(db)).name).toBe('Kim');
    expect(await code(switchPerson(db, ana.id, '0000'))).toBe('pin_wrong');
    expect((await currentPerson(db)).name).toBe('Kim');
    expect(await code(switchPerson(db, 'ghost'))).toBe('no_person');
  });

  it('edits keep at least one admin, an admin keeps a PIN, names stay apart', async () => {
    const db = freshDb();
    const ana = await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, fast);
    const kim = await addPerson(db, { name: 'Kim', role: 'builder' }, fast);
    expect(await code(addPerson(db, { name: ' kim ', role: 'runner' }, fast))).toBe('name_taken');
    expect(await code(editPerson(db, ana.id, { name: 'Ana', role: 'builder' }, fast))).toBe('last_admin');
    expect(await code(removePerson(db, ana.id))).toBe('last_admin');
    expect(await code(editPerson(db, ana.id, { name: 'Ana', role: 'admin', pin: null }, fast))).toBe('admin_needs_pin');
    expect(await code(editPerson(db, kim.id, { name: 'Kim', role: 'admin' }, fast))).toBe('admin_needs_pin');
    await editPerson(db, kim.id, { name: 'Kim Min', role: 'admin', pin: '9999' }, fast);
    await editPerson(db, ana.id, { name: 'Ana', role: 'runner', pin: null }, fast);
    expect((await listPeople(db)).map((p) => [p.name, p.role, p.pin !== null])).toEqual([
      ['Ana', 'runner', false],
      ['Kim Min', 'admin', true]
    ]);
  });

  it('removing the person who uses the studio leaves nobody (a runner) until someone is chosen', async () => {
    const db = freshDb();
    const ana = await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, fast);
    const kim = await addPerson(db, { name: 'Kim', role: 'admin', pin: '5678' }, fast);
    await removePerson(db, ana.id);
    expect((await currentPerson(db)).role).toBe('runner');
    await switchPerson(db, kim.id, '5678');
    expect((await currentPerson(db)).name).toBe('Kim');
  });
});
