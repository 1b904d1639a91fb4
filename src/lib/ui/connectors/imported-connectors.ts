/**
 * The studio's copy of the imported connectors: built from their stored OpenAPI documents when the studio
 * starts and after an import or a delete, and handed to the connector catalogue (forms, picker, lint).
 * The page never runs their actions; the engine worker builds its own copy to run them.
 */
import { t } from '$lib/i18n';
import type { ConnectorDef } from '../../connectors/sdk';
import { listCustomConnectors, type SousDb } from '../../store';
import { errorText } from '$lib/ui/problems/problem-text';

/**
 * Whether the catalogue was handed any. The catalogue and the OpenAPI reader (with its YAML parser) are
 * imported only when there is something to hand over, so a first visit's home page does not download them.
 */
let handedOver = false;

/** Load them all; answers a problem line for each one that could not be built (its document is damaged). */
export async function loadImportedConnectors(db: SousDb): Promise<string[]> {
  const rows = await listCustomConnectors(db);
  if (rows.length === 0 && !handedOver) return [];
  const [{ setImportedConnectors }, { buildOpenApiConnector }] = await Promise.all([import('../../connectors/catalog'), import('../../connectors/openapi')]);
  const problems: string[] = [];
  const defs: ConnectorDef[] = [];
  for (const row of rows) {
    try {
      defs.push(buildOpenApiConnector({ id: row.id, label: row.label, document: row.document }));
    } catch (err) {
      problems.push(t('apps:connectors.loadFailed', { label: row.label, error: errorText(err) }));
    }
  }
  setImportedConnectors(defs);
  handedOver = defs.length > 0;
  return problems;
}
