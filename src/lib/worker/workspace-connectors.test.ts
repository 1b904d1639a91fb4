// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/** The workspace's connectors: built-in and imported ones are found, and errors may show only non-secret fields. */
import { describe, expect, it } from 'vitest';
import { builtinConnectors } from '../connectors/builtin';
import { MemoryChat } from '../connectors/chat';
import { readFixture } from '../connectors/openapi/fixtures';
import { saveCustomConnector } from '../store';
import { freshDb } from '../store/test-db';
import { WorkspaceConnectors } from './workspace-connectors';

describe('WorkspaceConnectors', () => {
  it('finds an imported connector after a sync and names only its non-secret fields as public', async () => {
    const db = freshDb();
    const connectors = new WorkspaceConnectors(builtinConnectors({ chat: new MemoryChat() }), db, {}, () => {});
    await saveCustomConnector(db, { id: 'openapi.petstore', label: 'Petstore', document: readFixture('petstore.yaml') });
    expect(connectors.has('openapi.petstore')).toBe(false);

    await connectors.sync();
    expect(connectors.get('openapi.petstore')?.label).toBe('Petstore');
    const fields = connectors.get('openapi.petstore')?.connection ?? [];
    const secret = fields.filter((f) => f.secret).map((f) => f.name);
    expect(secret).toContain('api_key');
    expect(connectors.publicFields('openapi.petstore')).toContain('base_url');
    for (const name of secret) expect(connectors.publicFields('openapi.petstore')).not.toContain(name);
    expect(connectors.publicFields('http')).toEqual(builtinConnectors({ chat: new MemoryChat() }).publicFields('http'));
    expect(connectors.publicFields('nope')).toEqual([]);
  });
});
