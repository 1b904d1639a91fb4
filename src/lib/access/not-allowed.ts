/**
 * "A runner may not edit recipes": a refusal because the current person's role does not allow something.
 * The error crosses the worker boundary as its message only, so the words are also read back from a
 * message (`notAllowedIn`), for the studio to say them in the person's language wherever it shows an error.
 */
import { PERMISSIONS, ROLES, type Permission, type Role } from './roles';

/** What each permission is, in the words of "A runner may not …" (the catalogue has them in both languages). */
const DOING: Readonly<Record<Permission, string>> = {
  edit: 'edit recipes',
  start: 'start or stop recipes',
  run: 'run recipes',
  answer: 'answer approvals',
  connections: 'change connections',
  policy: 'change the policy',
  people: 'manage people'
};

const ADVICE = 'ask an admin to switch to someone who may.';

export class NotAllowedError extends Error {
  override name = 'NotAllowedError';
  constructor(
    readonly permission: Permission,
    readonly role: Role
  ) {
    super(`A ${role} may not ${DOING[permission]}: ${ADVICE}`);
  }

  get key(): `governance:notAllowed.${Permission}` {
    return `governance:notAllowed.${this.permission}`;
  }
}

/** The refusal a message holds (also inside a longer one, as the worker may wrap it); null when none. */
export function notAllowedIn(message: string): { permission: Permission; role: Role } | null {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      if (message.includes(`A ${role} may not ${DOING[permission]}: ${ADVICE}`)) return { permission, role };
    }
  }
  return null;
}
