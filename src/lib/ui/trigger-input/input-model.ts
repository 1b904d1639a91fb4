/**
 * The trigger input form's model: a trigger's input fields and a value become one entry per field
 * (what each control shows), and the entries become the value again, with a message per field that is wrong.
 */
import { t } from '$lib/i18n';
import type { Field, Trigger } from '../../recipe';

/** What one control holds: text for the inputs and JSON textareas, a flag for a checkbox. */
export type Entry = string | boolean;
export type Entries = Record<string, Entry>;

/** The fields a generated form shows: a manual or callable trigger's input fields, else none. */
export function formFields(trigger: Trigger): Field[] {
  return trigger.kind === 'manual' || trigger.kind === 'callable' ? (trigger.input ?? []) : [];
}

/** The fields whose control is a small JSON textarea. */
export function isJsonField(field: Field): boolean {
  return field.type === 'list' || field.type === 'object' || field.type === 'file';
}

/** Each field's entry for a value (an object; anything else counts as empty). */
export function toEntries(fields: readonly Field[], value: unknown): Entries {
  const record = isRecord(value) ? value : {};
  return Object.fromEntries(fields.map((f) => [f.name, toEntry(f, record[f.name])]));
}

function toEntry(field: Field, v: unknown): Entry {
  if (field.type === 'boolean') return v === true;
  if (v === undefined || v === null) return '';
  if (isJsonField(field)) return JSON.stringify(v, null, 2);
  if (field.type === 'date' && typeof v === 'string') return v.slice(0, 10);
  return typeof v === 'string' ? v : String(v);
}

export interface Parsed {
  value: Record<string, unknown>;
  /** A message per field name; empty when every entry is good. */
  errors: Record<string, string>;
}

/** The value the entries say, kept on top of `base` (so keys without a field survive the round trip). */
export function fromEntries(fields: readonly Field[], entries: Entries, base: unknown = {}): Parsed {
  const value: Record<string, unknown> = isRecord(base) ? { ...base } : {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const entry = entries[field.name];
    const result = parseEntry(field, entry);
    if ('error' in result) errors[field.name] = result.error;
    else if (result.value === undefined) {
      delete value[field.name];
      if (field.required) errors[field.name] = t('jobs:input.required', { name: field.name });
    } else value[field.name] = result.value;
  }
  return { value, errors };
}

type EntryResult = { value: unknown } | { error: string };

function parseEntry(field: Field, entry: Entry | undefined): EntryResult {
  if (field.type === 'boolean') return { value: entry === true };
  const text = typeof entry === 'string' ? entry.trim() : '';
  // An empty text field is the empty string unless the field is required; other empty controls leave the key out.
  if (field.type === 'text') return { value: text === '' && field.required ? undefined : (entry ?? '') };
  if (text === '') return { value: undefined };
  switch (field.type) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? { value: n } : { error: t('jobs:input.number', { name: field.name }) };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? { value: text } : { error: t('jobs:input.date', { name: field.name }) };
    default:
      return parseJson(field, text);
  }
}

function parseJson(field: Field, text: string): EntryResult {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { error: t('jobs:input.badJson', { name: field.name, error: err instanceof Error ? err.message : String(err) }) };
  }
  if (field.type === 'list' && !Array.isArray(v)) return { error: t('jobs:input.list', { name: field.name }) };
  if (field.type !== 'list' && !isRecord(v)) return { error: t('jobs:input.object', { name: field.name }) };
  return { value: v };
}

/** The whole input typed as JSON: the value, or why it is not one. Blank means `{}`. */
export function parseWhole(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { value: {} };
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: t('jobs:input.wholeBadJson', { error: err instanceof Error ? err.message : String(err) }) };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
