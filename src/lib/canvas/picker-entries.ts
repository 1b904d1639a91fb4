/**
 * What the step picker offers: the control steps, and every action of every connector in the studio's
 * connector catalogue, described from the connectors' own definitions (labels, schemas), never by hand.
 */
import { z } from 'zod';
import type { StepKind } from '../recipe';
import { createCatalog } from '../connectors/catalog';
import { t } from '../i18n';
import { actionLabel, appLabel } from '../inspector/connector-words';
import type { ConnectorDef } from '../connectors/sdk';

export interface CatalogueEntry {
  /** Unique in the catalogue: the kind, or `connector.action`. */
  key: string;
  group: string;
  kind: StepKind;
  label: string;
  description?: string;
  connector?: string;
  action?: string;
  /** The starting input of a new action step: the schema's defaults and empty required fields. */
  input?: Record<string, unknown>;
}

const CONTROL_KINDS = ['if', 'foreach', 'try', 'set', 'approval', 'call', 'stop'] as const;

/** The control steps, in the studio's language at the time the picker opens. */
function controlEntries(): CatalogueEntry[] {
  return CONTROL_KINDS.map((kind) => ({
    key: kind,
    group: t('editor:picker.control'),
    kind,
    label: t(`editor:control.${kind}`),
    description: t(`editor:control.${kind}Text`)
  }));
}

export function buildCatalogue(connectors: ConnectorDef[] = createCatalog().connectors()): CatalogueEntry[] {
  const actions = connectors.flatMap((connector) =>
    Object.entries(connector.actions).map(([name, action]) => ({
      key: `${connector.id}.${name}`,
      // The built-in apps' and actions' words in the studio's language (an imported connector keeps its own).
      group: appLabel(connector.id, connector.label),
      kind: 'action' as const,
      label: actionLabel(connector.id, name, action.label),
      description: action.description ?? connector.description,
      connector: connector.id,
      action: name,
      input: startingInput(action.input)
    }))
  );
  return [...actions, ...controlEntries()];
}

/** Defaults where the schema has them, an empty value for each required field, nothing for the rest. */
export function startingInput(schema: z.ZodType): Record<string, unknown> {
  if (!(schema instanceof z.ZodObject)) return {};
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = emptyValue(field);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

function emptyValue(field: z.ZodType): unknown {
  if (field instanceof z.ZodDefault) return (field.def as { defaultValue: unknown }).defaultValue;
  if (field instanceof z.ZodOptional) return undefined;
  if (field instanceof z.ZodString) return '';
  if (field instanceof z.ZodNumber) return 0;
  if (field instanceof z.ZodBoolean) return false;
  if (field instanceof z.ZodEnum) return field.options[0];
  if (field instanceof z.ZodArray) return [];
  if (field instanceof z.ZodObject || field instanceof z.ZodRecord) return {};
  return undefined;
}

/** Entries whose words contain every word of `query`. */
export function searchCatalogue(entries: CatalogueEntry[], query: string): CatalogueEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((e) => {
    const text = `${e.group} ${e.label} ${e.description ?? ''} ${e.key}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
