/**
 * What went wrong in a governance step, in the studio's language: a GovernanceError by its code, a
 * NotAllowedError by its permission and role; anything else as the other pages say it.
 */
import { t, type MessageKey } from '$lib/i18n';
import { GovernanceError } from '../../access/governance-error';
import type { Role } from '../../access/roles';
import { NotAllowedError } from '../../store/people';
import { errorText } from '../problems/problem-text';

export function roleName(role: Role): string {
  return t(`governance:roles.${role}`);
}

export function governanceErrorText(err: unknown): string {
  if (err instanceof GovernanceError) return t(`governance:errors.${err.code}` as MessageKey, err.params);
  if (err instanceof NotAllowedError) return t(err.key, { role: roleName(err.role) });
  return errorText(err);
}
