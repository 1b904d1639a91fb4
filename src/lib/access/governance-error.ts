/**
 * A governance step refused for a reason the person can act on: a wrong PIN, a locked policy, the last
 * admin. `code` names its words in the `governance` catalogue (`errors.<code>`), `params` fill them; the
 * English message is for logs, tests and the worker boundary (where only the message survives).
 */
export const GOVERNANCE_ERRORS = [
  'pin_wrong',
  'pin_wait',
  'pin_short',
  'pin_digits',
  'policy_locked',
  'not_locked',
  'already_locked',
  'no_policy',
  'admin_needs_pin',
  'last_admin',
  'first_admin',
  'no_person',
  'name_taken',
  'name_required'
] as const;
export type GovernanceErrorCode = (typeof GOVERNANCE_ERRORS)[number];

const ENGLISH: Record<GovernanceErrorCode, (p: Record<string, string | number>) => string> = {
  pin_wrong: (p) => `That PIN is not right (${p.left} ${p.left === 1 ? 'try' : 'tries'} before a wait).`,
  pin_wait: (p) => `Too many wrong PINs: try again in ${p.seconds} s.`,
  pin_short: () => 'A PIN is 4 to 12 digits.',
  pin_digits: () => 'A PIN has digits only.',
  policy_locked: () => 'The policy is locked: enter the PIN to change or clear it.',
  not_locked: () => 'The policy is not locked.',
  already_locked: () => 'The policy is locked already.',
  no_policy: () => 'There is no policy to lock: import one first.',
  admin_needs_pin: () => 'An admin must have a PIN.',
  last_admin: () => 'The workspace needs at least one admin.',
  first_admin: () => 'The first person added must be an admin (with a PIN), so someone can manage the others.',
  no_person: (p) => `There is no person "${p.id}".`,
  name_taken: (p) => `There is a person called "${p.name}" already.`,
  name_required: () => 'Give the person a name.'
};

export class GovernanceError extends Error {
  override name = 'GovernanceError';
  constructor(
    readonly code: GovernanceErrorCode,
    readonly params: Record<string, string | number> = {}
  ) {
    super(ENGLISH[code](params));
  }
}
