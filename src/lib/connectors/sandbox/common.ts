/** Small helpers the sandbox connectors share: ids, errors, name matching and the events they raise. */
import { StepFailure, userError } from '../../engine/errors';

/** How a sandbox app tells the studio that something happened (a new vendor, a mail arrived). */
export interface SandboxEvents {
  /** `cause`: the id of the job whose step made the record, so that a chain of events can be cut off. */
  raise(connector: string, event: string, payload: unknown, cause?: string): void;
}

/** Raises nothing: the CLI and most tests. */
export const noEvents: SandboxEvents = { raise() {} };

/** Records what was raised, in order; tests use it. */
export class RecordedEvents implements SandboxEvents {
  readonly raised: { connector: string; event: string; payload: unknown; cause?: string }[] = [];
  raise(connector: string, event: string, payload: unknown, cause?: string): void {
    this.raised.push(cause === undefined ? { connector, event, payload } : { connector, event, payload, cause });
  }
}

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** A record the step asked for is not there: the recipe's input is wrong. */
export function notFound(what: string, id: string): StepFailure {
  return userError(`there is no ${what} "${id}" in the sandbox`, 'not_found');
}

export function duplicate(message: string): StepFailure {
  return userError(message, 'duplicate');
}

export function notAllowed(message: string): StepFailure {
  return userError(`not allowed: ${message}`, 'not_allowed');
}

export function invalid(message: string): StepFailure {
  return userError(message, 'invalid');
}

const LEGAL_FORMS = new Set(['inc', 'incorporated', 'ltd', 'limited', 'llc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'plc', 'co', 'corp', 'corporation', 'company', 'kk', 'oy', 'ab', 'srl', 'spa', 'pty']);

/** A company name as compared for duplicates: lower case, no accents, punctuation or legal form. */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

/** A tax id as compared: letters and digits only, upper case ("DE 123.456.789" = "de123456789"). */
export function normaliseTaxId(taxId: string): string {
  return taxId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
