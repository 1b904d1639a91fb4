/**
 * The people of this workspace and who is using the studio now. With nobody added, the one person is the
 * machine's owner, an admin: a single user's studio asks nothing of them. Once people are added, each
 * write the store makes checks the current person's role first (`assertMay`), and switching to a person
 * with a PIN asks for it. An admin always has a PIN, and there is always at least one admin.
 */
import { GovernanceError } from '../access/governance-error';
import { DEFAULT_PIN_COST, hashPin, pinProblem, type PinCost } from '../access/pin';
import { checkPin, type PinCheckOptions } from '../access/pin-guard';
import { NotAllowedError } from '../access/not-allowed';
import { may, type Permission, type Role } from '../access/roles';
import type { Actor, AuditInput } from '../audit/schema';
import type { PersonRow, SousDb } from './db';

export { NotAllowedError };
import { recordAudit } from './audit';

/** The owner of a studio nobody was added to. */
export const OWNER: Actor = { id: 'owner', name: 'owner', role: 'admin' };
/** Who uses the studio when people were added but none is chosen (the chosen one was removed). */
export const NOBODY: Actor = { id: 'nobody', name: 'nobody', role: 'runner' };
const CURRENT_KEY = 'current_person';

export async function currentPerson(db: SousDb): Promise<Actor> {
  const current = (await db.governance.get(CURRENT_KEY))?.value;
  if (typeof current === 'string') {
    const person = await db.people.get(current);
    if (person) return actorOf(person);
  }
  return (await db.people.count()) === 0 ? OWNER : NOBODY;
}

export async function assertMay(db: SousDb, permission: Permission): Promise<Actor> {
  const person = await currentPerson(db);
  if (!may(person.role, permission)) throw new NotAllowedError(permission, person.role);
  return person;
}

export interface PersonDraft {
  name: string;
  role: Role;
  /** A new PIN; undefined keeps the one there is, null removes it (not for an admin). */
  pin?: string | null;
}

export interface PeopleOptions extends PinCheckOptions {
  cost?: PinCost;
  newId?: () => string;
}

export function listPeople(db: SousDb): Promise<PersonRow[]> {
  return db.people.orderBy('id').toArray().then((rows) => rows.sort((a, b) => a.created_at.localeCompare(b.created_at)));
}

/** Add a person; the first must be an admin, who then uses the studio (the owner becomes them). */
export async function addPerson(db: SousDb, draft: PersonDraft, options: PeopleOptions = {}): Promise<PersonRow> {
  await assertMay(db, 'people');
  const first = (await db.people.count()) === 0;
  if (first && draft.role !== 'admin') throw new GovernanceError('first_admin');
  const name = await freeName(db, draft.name);
  const row: PersonRow = {
    id: options.newId?.() ?? crypto.randomUUID(),
    name,
    role: draft.role,
    pin: await newPin(draft.role, draft.pin ?? null, null, options),
    created_at: (options.now?.() ?? new Date()).toISOString()
  };
  await db.transaction('rw', db.people, db.governance, async () => {
    await db.people.add(row);
    if (first) await db.governance.put({ key: CURRENT_KEY, value: row.id });
  });
  await recordGovernance(db, { action: 'person.add', target: { kind: 'person', id: row.id }, detail: { name: row.name, role: row.role } });
  return row;
}

export async function editPerson(db: SousDb, id: string, draft: PersonDraft, options: PeopleOptions = {}): Promise<PersonRow> {
  await assertMay(db, 'people');
  const old = await db.people.get(id);
  if (!old) throw new GovernanceError('no_person', { id });
  if (old.role === 'admin' && draft.role !== 'admin') await keepAnAdmin(db, id);
  const row: PersonRow = { ...old, name: await freeName(db, draft.name, id), role: draft.role, pin: await newPin(draft.role, draft.pin, old.pin, options) };
  await db.people.put(row);
  await recordGovernance(db, { action: 'person.edit', target: { kind: 'person', id }, detail: { name: row.name, role: row.role, pin_changed: draft.pin !== undefined } });
  return row;
}

export async function removePerson(db: SousDb, id: string): Promise<void> {
  await assertMay(db, 'people');
  const old = await db.people.get(id);
  if (!old) throw new GovernanceError('no_person', { id });
  if (old.role === 'admin') await keepAnAdmin(db, id);
  await db.people.delete(id);
  await recordGovernance(db, { action: 'person.remove', target: { kind: 'person', id }, detail: { name: old.name } });
}

/** Use the studio as `id`; a person with a PIN must give it (wrong ones are slowed). */
export async function switchPerson(db: SousDb, id: string, pin?: string, options: PinCheckOptions = {}): Promise<Actor> {
  const person = await db.people.get(id);
  if (!person) throw new GovernanceError('no_person', { id });
  if (person.pin) await checkPin(db, `person:${id}`, pin ?? '', person.pin, options);
  await db.governance.put({ key: CURRENT_KEY, value: id });
  await recordGovernance(db, { action: 'person.switch', target: { kind: 'person', id }, detail: { name: person.name } });
  return actorOf(person);
}

/** A governance change on the audit trail, as the current person (after a switch: the one switched to). */
export async function recordGovernance(db: SousDb, input: AuditInput): Promise<void> {
  await recordAudit(db, input);
}

function actorOf(person: PersonRow): Actor {
  return { id: person.id, name: person.name, role: person.role };
}

async function keepAnAdmin(db: SousDb, leaving: string): Promise<void> {
  const admins = (await db.people.toArray()).filter((p) => p.role === 'admin' && p.id !== leaving);
  if (admins.length === 0) throw new GovernanceError('last_admin');
}

async function freeName(db: SousDb, raw: string, self?: string): Promise<string> {
  const name = raw.trim().slice(0, 100);
  if (!name) throw new GovernanceError('name_required');
  const taken = (await db.people.toArray()).some((p) => p.id !== self && p.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new GovernanceError('name_taken', { name });
  return name;
}

/** The PIN hash to keep: a new one hashed, the old kept, or none; an admin without one is refused. */
async function newPin(role: Role, pin: string | null | undefined, old: PersonRow['pin'], options: PeopleOptions): Promise<PersonRow['pin']> {
  if (typeof pin === 'string' && pin !== '') {
    const problem = pinProblem(pin);
    if (problem) throw new GovernanceError(problem);
    return hashPin(pin, options.cost ?? DEFAULT_PIN_COST);
  }
  const kept = pin === undefined || pin === '' ? old : null;
  if (role === 'admin' && !kept) throw new GovernanceError('admin_needs_pin');
  return kept;
}
