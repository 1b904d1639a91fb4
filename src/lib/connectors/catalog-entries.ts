/**
 * A workspace's connectors as the copilot's catalogue: ids, labels, each action's input field names and
 * the events. The copilot drafts only with what is listed here.
 */
import { z } from 'zod';
import type { CatalogEntry } from '../ai/copilot/draft-result';
import type { ConnectorDef } from './sdk';

/** The names of an action's input fields, from its zod schema (none when it is not an object). */
function inputNames(schema: z.ZodType): string[] {
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    return Object.keys(json.properties ?? {});
  } catch {
    return [];
  }
}

/** From a registry (`builtinConnectors(...)`), a `ConnectorCatalog`, or a list of connector definitions. */
export function catalogEntries(source: { list(): ConnectorDef[] } | { connectors(): ConnectorDef[] } | ConnectorDef[]): CatalogEntry[] {
  const defs = Array.isArray(source) ? source : 'list' in source ? source.list() : source.connectors();
  return defs.map((def) => ({
    connector: def.id,
    label: def.label,
    actions: Object.entries(def.actions).map(([name, action]) => ({ name, label: action.label, inputs: inputNames(action.input) })),
    events: Object.keys(def.events ?? {})
  }));
}
