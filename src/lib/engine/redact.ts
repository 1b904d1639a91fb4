/**
 * Blanking a connection's secrets out of a failure's message (a server may echo what it was sent). Not
 * only the values as written: also as they travel, URL-encoded and, for basic auth, base64 of
 * `user:password` (a careless API echoes its Authorization header, and that base64 is the password).
 */
const MASK = '••••';

/** The texts to blank for these connection values: each value of 4+ characters and its encodings. */
export function secretForms(connection: Readonly<Record<string, string>>, publicValues: readonly string[] = []): string[] {
  const values = [...Object.values(connection), ...publicValues].filter((v): v is string => typeof v === 'string' && v !== '');
  const secretValues = Object.values(connection).filter((v): v is string => typeof v === 'string' && v !== '');
  const secrets = secretValues.filter((v) => v.length >= 4);
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(base64(s));
    // Basic auth: any value (the user name is not secret itself) before a secret.
    for (const user of values) forms.add(base64(`${user}:${s}`));
  }
  // Longest first, so a value inside another's encoding does not leave the rest behind.
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

/** `publicValues` (a user name) are not blanked themselves, but pair with a secret as basic auth does. */
export function redactText(text: string, connection: Readonly<Record<string, string>> | undefined, publicValues: readonly string[] = []): string {
  if (!connection) return text;
  let out = text;
  for (const form of secretForms(connection, publicValues)) out = out.split(form).join(MASK);
  return out;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
