/**
 * The copilot's view of the connectors: each connector's actions with their input field names, and its
 * events, taken from the same catalogue the studio's forms use.
 */
import type { ConnectorCatalog } from '../../connectors/catalog';
import type { CatalogEntry } from './draft-result';

export function catalogEntries(catalog: ConnectorCatalog): CatalogEntry[] {
  return catalog.connectors().map((connector) => ({
    connector: connector.id,
    label: connector.label,
    actions: Object.entries(connector.actions).map(([name, action]) => {
      const schema = catalog.inputSchema(connector.id, name) as { properties?: Record<string, unknown> } | undefined;
      return { name, label: action.label, inputs: Object.keys(schema?.properties ?? {}) };
    }),
    events: Object.keys(connector.events ?? {})
  }));
}
