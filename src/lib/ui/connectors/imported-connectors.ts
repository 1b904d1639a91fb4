/**
 * The studio's copy of the imported connectors: built from their stored OpenAPI documents when the studio
 * starts and after an import or a delete, and handed to the connector catalogue (forms, picker, lint).
 * The page never runs their actions; the engine worker builds its own copy to run them.
 */
import { t } from '$lib/i18n';
import { setImportedConnectors } from '../../connectors/catalog';
import { buildOpenApiConnector } from '../../connectors/openapi';
import type { ConnectorDef } from '../../connectors/sdk';
import { listCustomConnectors, type SousDb } from '../../store';

/** Load them all; answers a problem line for each one that could not be built (its document is damaged). */
export async function loadImportedConnectors(db: SousDb): Promise<string[]> {
  const problems: string[] = [];
  const defs: ConnectorDef[] = [];
  for (const row of await listCustomConnectors(db)) {
    try {
      defs.push(buildOpenApiConnector({ id: row.id, label: row.label, document: row.document }));
    } catch (err) {
      problems.push(t('apps:connectors.loadFailed', { label: row.label, error: err instanceof Error ? err.message : String(err) }));
    }
  }
  setImportedConnectors(defs);
  return problems;
}
