/**
 * Whether a step's resolved input may hold a literal secret that scrubSecrets (recipe/export.ts) would
 * blank: a key named like a credential, or a text that starts like a URL (a password or a key in its
 * address). A wider net than scrubSecrets' own (any key with auth, cookie, key, token, secret or pass in
 * its name; any text, not only object values), so a false answer is certain: then scrubSecrets would
 * give the input back unchanged and find no secret, and the step skips its copy of the input.
 */
const SECRET_NAME = /auth|cookie|key|token|secret|pass/i;
const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;

export function mayHoldLiteralSecret(value: unknown): boolean {
  if (typeof value === 'string') return URL_START.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (mayHoldLiteralSecret(item)) return true;
    return false;
  }
  for (const key in value) {
    if (SECRET_NAME.test(key)) return true;
    if (mayHoldLiteralSecret((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
