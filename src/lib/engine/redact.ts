/**
 * Blanking a connection's secrets out of what a job keeps: a failure's message and a step's output (a
 * server may echo what it was sent). Not only the values as written: also as they travel and come back
 * (JSON-escaped, URL-encoded, base64, basic auth's base64 of `user:password`, HTML entities; see
 * redaction/forms.ts), and the piece of one left where a text was cut (redaction/redactor.ts).
 */
import { MASK, Redactor } from './redaction/redactor';

export { MASK, Redactor };

/** A few redactors kept built: a job's steps mostly share one connection, and building one compiles a pattern. */
const built = new Map<string, Redactor>();
const KEEP = 16;

/** The redactor for these secret values; `publicValues` (a user name) are not blanked, but pair with a secret as basic auth does. */
export function redactorFor(secrets: readonly string[], publicValues: readonly string[] = []): Redactor {
  const key = JSON.stringify([secrets, publicValues]);
  let redactor = built.get(key);
  if (!redactor) {
    redactor = new Redactor(secrets, publicValues);
    if (built.size >= KEEP) built.delete(built.keys().next().value!);
    built.set(key, redactor);
  }
  return redactor;
}

function valuesOf(connection: Readonly<Record<string, string>>): string[] {
  return Object.values(connection).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The texts to blank for these connection values: each value of 4+ characters and its encodings. */
export function secretForms(connection: Readonly<Record<string, string>>, publicValues: readonly string[] = []): string[] {
  return [...redactorFor(valuesOf(connection), publicValues).forms];
}

export function redactText(text: string, connection: Readonly<Record<string, string>> | undefined, publicValues: readonly string[] = []): string {
  if (!connection) return text;
  return redactorFor(valuesOf(connection), publicValues).text(text);
}

/** Any value (a step's output) with the connection's secrets blanked in every string and key in it. */
export function redactDeep<T>(value: T, connection: Readonly<Record<string, string>> | undefined, publicValues: readonly string[] = []): T {
  if (!connection) return value;
  return redactorFor(valuesOf(connection), publicValues).deep(value);
}
