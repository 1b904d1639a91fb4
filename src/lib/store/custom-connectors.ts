/**
 * Connectors a person imported (OpenAPI documents), kept as the document's text so that the worker and
 * the studio build the same connector from it at start. Re-importing under the same id replaces it.
 */
import { z } from 'zod';
import type { SousDb } from './db';
import { guardWrite } from './storage-errors';

export const CustomConnectorRowSchema = z.object({
  /** The connector id recipes use, e.g. `openapi.petstore`. */
  id: z.string(),
  label: z.string().min(1),
  kind: z.literal('openapi'),
  /** The OpenAPI document as pasted or uploaded (JSON or YAML). */
  document: z.string(),
  imported_at: z.string()
});
export type CustomConnectorRow = z.infer<typeof CustomConnectorRowSchema>;

export async function saveCustomConnector(
  db: SousDb,
  draft: { id: string; label: string; document: string },
  now = new Date()
): Promise<CustomConnectorRow> {
  const row: CustomConnectorRow = { ...draft, kind: 'openapi', imported_at: now.toISOString() };
  await guardWrite(`the connector "${draft.label}"`, () => db.custom_connectors.put(row));
  return row;
}

export async function listCustomConnectors(db: SousDb): Promise<CustomConnectorRow[]> {
  return db.custom_connectors.orderBy('id').toArray();
}

/** Each imported connector's id and import time, without reading the (possibly large) documents. */
export async function customConnectorStamps(db: SousDb): Promise<Map<string, string>> {
  const keys = (await db.custom_connectors.orderBy('[id+imported_at]').keys()) as unknown as [string, string][];
  return new Map(keys);
}

export async function getCustomConnector(db: SousDb, id: string): Promise<CustomConnectorRow | undefined> {
  return db.custom_connectors.get(id);
}

export async function deleteCustomConnector(db: SousDb, id: string): Promise<void> {
  await guardWrite('the connector', () => db.custom_connectors.delete(id));
}
