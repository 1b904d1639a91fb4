/**
 * What the trigger's app-and-event picker offers: the connectors that raise events, each with its events'
 * labels and the fields of their payloads (from the payload's zod schema), for a preview of what a job
 * gets as `trigger`.
 */
import { z } from 'zod';
import type { ConnectorCatalog, JsonSchema } from '../../connectors/catalog';

export interface EventField {
  /** `from`, `attachments › name`. */
  label: string;
  /** `text`, `number`, `yes/no`, `list`, `object`, or empty when the schema does not say. */
  type: string;
}
export interface EventChoice {
  name: string;
  label: string;
  fields: EventField[];
}
export interface EventApp {
  id: string;
  label: string;
  events: EventChoice[];
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'number', integer: 'number', boolean: 'yes/no', array: 'list', object: 'object' };

/** The apps that raise events, by their labels, and their events. */
export function eventApps(catalog: ConnectorCatalog): EventApp[] {
  return catalog
    .connectors()
    .filter((c) => c.events && Object.keys(c.events).length > 0)
    .map((c) => ({
      id: c.id,
      label: c.label,
      events: Object.entries(c.events ?? {}).map(([name, def]) => ({ name, label: def.label, fields: payloadFields(def.payload) }))
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The fields of an event's payload, two levels deep (a list's items by their keys). */
export function payloadFields(payload: z.ZodType): EventField[] {
  let schema: JsonSchema;
  try {
    schema = z.toJSONSchema(payload, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return []; // a schema JSON Schema cannot say (a recursive one): no preview, the picker still works
  }
  return walk(schema, [], 0);
}

function walk(schema: JsonSchema, keys: string[], depth: number): EventField[] {
  const out: EventField[] = [];
  const inner = schema.type === 'array' && schema.items && !Array.isArray(schema.items) ? (schema.items as JsonSchema) : schema;
  for (const [key, child] of Object.entries(inner.properties ?? {})) {
    const c = (typeof child === 'object' ? child : {}) as JsonSchema;
    out.push({ label: [...keys, key].join(' › '), type: typeOf(c) });
    if (depth < 1) out.push(...walk(c, [...keys, key], depth + 1));
  }
  return out;
}

function typeOf(schema: JsonSchema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return TYPE_WORDS[t] ?? '';
  const options = (schema.anyOf ?? schema.oneOf ?? []) as JsonSchema[];
  const first = options.find((o) => o.type && o.type !== 'null');
  return first ? typeOf(first) : '';
}
