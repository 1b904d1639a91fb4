/**
 * The people of this workspace and who is using the studio now. With nobody added, the one person is the
 * machine's owner, an admin: a single user's studio asks nothing of them. Once people are added, each
 * write the store makes checks the current person's role first (`assertMay`).
 */
import { may, type Permission, type Role } from '../access/roles';
import type { Actor } from '../audit/schema';
import type { SousDb } from './db';

/** The owner of a studio nobody was added to. */
export const OWNER: Actor = { id: 'owner', name: 'owner', role: 'admin' };
const CURRENT_KEY = 'current_person';

export async function currentPerson(db: SousDb): Promise<Actor> {
  const current = (await db.governance.get(CURRENT_KEY))?.value;
  if (typeof current === 'string') {
    const person = await db.people.get(current);
    if (person) return { id: person.id, name: person.name, role: person.role };
  }
  return (await db.people.count()) === 0 ? OWNER : { id: 'nobody', name: 'nobody', role: 'runner' };
}

/** Refused because the current person's role does not allow it; its message is shown as it is. */
export class NotAllowedError extends Error {
  override name = 'NotAllowedError';
  constructor(
    readonly permission: Permission,
    readonly role: Role
  ) {
    super(`A ${role} may not do this (it needs the "${permission}" permission).`);
  }
}

export async function assertMay(db: SousDb, permission: Permission): Promise<Actor> {
  const person = await currentPerson(db);
  if (!may(person.role, permission)) throw new NotAllowedError(permission, person.role);
  return person;
}
