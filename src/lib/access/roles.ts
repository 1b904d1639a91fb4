/**
 * The roles of a workspace's people and what each may do. The store checks these before it writes
 * (src/lib/store/people.ts `assertMay`), so a runner cannot edit a recipe from any page.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'builder', 'runner'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERMISSIONS = ['edit', 'start', 'run', 'answer', 'connections', 'policy', 'people'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** admin: everything; builder: build and run, not the policy or the people; runner: run and answer approvals. */
const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  builder: ['edit', 'start', 'run', 'answer', 'connections'],
  runner: ['run', 'answer']
};

export function may(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
