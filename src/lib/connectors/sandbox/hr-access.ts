/**
 * Verified user access in the sandbox HR app. Every action runs as the job's user (never a user id from
 * the step's input): a person reads only their own pay slip, and the leave of their direct reports and
 * their own. The user is mapped to an employee by id or by email.
 */
import type { User } from '../../recipe';
import type { Employee, HrCollections } from './hr-schemas';
import { notAllowed } from './common';
import type { SandboxStore } from './store';

export type HrStore = SandboxStore<HrCollections>;

/** The employee the user is, or a `not_allowed` failure that says how to become one. */
export async function actingEmployee(store: HrStore, user: User): Promise<Employee> {
  const employees = await store.list('employees');
  const email = user.email?.toLowerCase();
  const found = employees.find((e) => e.id === user.id) ?? (email ? employees.find((e) => e.email.toLowerCase() === email) : undefined);
  if (!found) throw notAllowed(`${user.name} is not an employee in the sandbox HR app (choose who you act as on the HR page)`);
  return found;
}

/** Ids whose leave `me` may read: their own and their direct reports'. */
export async function leaveReadable(store: HrStore, me: Employee): Promise<Set<string>> {
  const reports = (await store.list('employees')).filter((e) => e.manager_id === me.id);
  return new Set([me.id, ...reports.map((e) => e.id)]);
}

export function ownPayslipOnly(me: Employee): never {
  throw notAllowed(`${me.name} can read only their own pay slip`);
}

export function leaveNotReadable(me: Employee, other: string): never {
  throw notAllowed(`${me.name} can read only their own leave and that of their direct reports, not ${other}'s`);
}

/** The user a job runs as when a person acts as this employee in the studio. */
export function userOf(employee: Employee): User {
  return { id: employee.id, name: employee.name, email: employee.email, roles: [employee.department.toLowerCase()] };
}
