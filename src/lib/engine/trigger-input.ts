/** Checking a manual or callable run's input against the trigger's fields. */
import type { Field } from '../recipe';
import { RunRefused } from './errors';

/** Whether a value is of a field's type, as a run's input is checked (agents check collected values with it). */
export const FIELD_TYPE_CHECKS: Readonly<Record<Field['type'], (v: unknown) => boolean>> = {
  text: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  list: (v) => Array.isArray(v),
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  file: (v) => v !== null && typeof v === 'object'
};

/** The input with defaults applied, or a RunRefused naming every missing or mistyped field. */
export function checkTriggerInput(fields: Field[] | undefined, input: unknown): Record<string, unknown> {
  const given = input === undefined || input === null ? {} : input;
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new RunRefused('the trigger input must be a JSON object', ['input: expected an object']);
  }
  const out: Record<string, unknown> = { ...(given as Record<string, unknown>) };
  const problems: string[] = [];
  for (const field of fields ?? []) {
    const value = out[field.name];
    if (value === undefined || value === null || value === '') {
      if (field.default !== undefined) out[field.name] = field.default;
      else if (field.required) problems.push(`${field.name}: required (${field.type})`);
      continue;
    }
    if (!FIELD_TYPE_CHECKS[field.type](value)) problems.push(`${field.name}: expected ${field.type}`);
  }
  if (problems.length > 0) {
    const missing = (fields ?? []).filter((f) => problems.some((p) => p.startsWith(`${f.name}: required`))).map((f) => f.name);
    const message = missing.length
      ? `missing required input: ${missing.join(', ')}`
      : `the trigger input is not right: ${problems.join('; ')}`;
    throw new RunRefused(message, problems);
  }
  return out;
}
