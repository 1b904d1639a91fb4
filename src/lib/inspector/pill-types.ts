/**
 * What kind of value a data pill holds, in the words a person reads (text, number, yes/no, list of N,
 * record, date): from the value it had in the last job or the trigger's sample, else from its schema.
 * The condition builder offers operators and a value control that fit the type.
 */
import type { JsonSchema } from '../connectors/catalog';
import { t } from '../i18n';

export type PillType = 'text' | 'number' | 'boolean' | 'list' | 'object' | 'date' | 'unknown';

/** `2026-03-01`, `2026-03-01T09:30:00Z`: a text that is a date is shown (and compared) as one. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function typeOfValue(value: unknown): PillType {
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'date' : 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (value !== null && typeof value === 'object') return 'object';
  return 'unknown';
}

export function typeOfSchema(schema: JsonSchema | undefined): PillType {
  if (!schema) return 'unknown';
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter((x) => x !== 'null');
  if (types.length === 1) {
    switch (types[0]) {
      case 'string':
        return schema.format === 'date' || schema.format === 'date-time' ? 'date' : 'text';
      case 'number':
      case 'integer':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        return 'list';
      case 'object':
        return 'object';
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return 'text';
  const options = ((schema.anyOf ?? schema.oneOf ?? []) as JsonSchema[]).map(typeOfSchema).filter((x) => x !== 'unknown');
  return options.length > 0 && options.every((x) => x === options[0]) ? options[0] : 'unknown';
}

/** The type in words: `text`, `list of 3`; empty for an unknown type. */
export function typeWord(pill: { type: PillType; count?: number }): string {
  switch (pill.type) {
    case 'unknown':
      return '';
    case 'list':
      return pill.count === undefined ? t('inspector:pills.types.listAny') : t('inspector:pills.types.list', { count: pill.count });
    default:
      return t(`inspector:pills.types.${pill.type}`);
  }
}

/** `text · "kim@acme.kr"`: what a pill is and what it held, for the picker and the builder's options. */
export function pillFacts(pill: { type: PillType; count?: number; preview: string }): string {
  const type = typeWord(pill);
  // A list's preview (`[3 items]`) says no more than its type does.
  const preview = pill.type === 'list' && pill.count !== undefined ? '' : pill.preview;
  return [type, preview].filter(Boolean).join(' · ');
}
