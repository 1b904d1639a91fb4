// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { customConnectorStamps, deleteCustomConnector, getCustomConnector, listCustomConnectors, saveCustomConnector } from './custom-connectors';
import type { SousDb } from './db';
import { freshDb } from './test-db';

let db: SousDb;
afterEach(() => db?.delete());

describe('imported connectors in IndexedDB', () => {
  it('save, replace under the same id, list, stamp and delete', async () => {
    db = freshDb();
    await saveCustomConnector(db, { id: 'openapi.b', label: 'B', document: 'openapi: 3.0.0' }, new Date('2026-01-01T00:00:00Z'));
    await saveCustomConnector(db, { id: 'openapi.a', label: 'A', document: 'v1' }, new Date('2026-01-02T00:00:00Z'));
    await saveCustomConnector(db, { id: 'openapi.a', label: 'A again', document: 'v2' }, new Date('2026-01-03T00:00:00Z'));
    expect((await listCustomConnectors(db)).map((r) => [r.id, r.label])).toEqual([
      ['openapi.a', 'A again'],
      ['openapi.b', 'B']
    ]);
    expect(await getCustomConnector(db, 'openapi.a')).toMatchObject({ kind: 'openapi', document: 'v2' });
    expect(await customConnectorStamps(db)).toEqual(
      new Map([
        ['openapi.a', '2026-01-03T00:00:00.000Z'],
        ['openapi.b', '2026-01-01T00:00:00.000Z']
      ])
    );
    await deleteCustomConnector(db, 'openapi.a');
    expect([...(await customConnectorStamps(db)).keys()]).toEqual(['openapi.b']);
  });
});
