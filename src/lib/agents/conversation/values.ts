/** Collected values: which are missing, which fit their field, and the trigger a job is started with. */
import type { Field } from '../../recipe';
import { FIELD_TYPE_CHECKS } from '../../engine/trigger-input';
import { parseFieldValue } from '../understand';
import type { Lang } from './ports';

// A text value must say something too: a blank answer is no answer.
const HAS = (type: Field['type'], v: unknown): boolean => FIELD_TYPE_CHECKS[type](v) && (type !== 'text' || (v as string).trim() !== '');

export function given(values: Record<string, unknown>, name: string): boolean {
  const v = values[name];
  return v !== undefined && v !== null && v !== '';
}

/** The first required input with no value (and no default), in the order the trigger lists them. */
export function nextMissing(fields: Field[], values: Record<string, unknown>): Field | undefined {
  return fields.find((f) => f.required && f.default === undefined && !given(values, f.name));
}

/**
 * The values that fit their fields: a value of the right type is kept, a string is read as the field's
 * type (a model may say "12" for a number), anything else is dropped, so it is asked for instead.
 */
export function fitValues(fields: Field[], raw: Record<string, unknown> | undefined, lang: Lang, now: Date): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = raw?.[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (HAS(field.type, value) && (field.type !== 'list' || listFits(field, value as unknown[]))) {
      out[field.name] = typeof value === 'string' ? value.trim() : value;
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number') {
      const parsed = parseFieldValue(field, String(value), lang, now);
      if (parsed.ok) out[field.name] = parsed.value;
    }
  }
  return out;
}

function listFits(field: Field, list: unknown[]): boolean {
  if (!field.items?.length) return true;
  return list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item));
}

/**
 * The job's trigger and the card's values: the given values, and a field's declared default where none
 * was given (the engine would apply it anyway, so the card shows what will really run). An input with
 * neither is left out, never "" or null.
 */
export function triggerValues(fields: Field[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (given(values, field.name)) out[field.name] = values[field.name];
    else if (field.default !== undefined && field.default !== null && field.default !== '') out[field.name] = field.default;
  }
  return out;
}

/** A value as a person reads it on a card. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (v !== null && typeof v === 'object' ? showObject(v as Record<string, unknown>) : String(v))).join('; ');
  if (value !== null && typeof value === 'object') return showObject(value as Record<string, unknown>);
  return String(value);
}

function showObject(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => `${k} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
